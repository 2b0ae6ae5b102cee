/**
 * Lighthouse (mobile, its defaults: a slow 4G phone) on one page of each type, against the local front door
 * (compressed as CloudFront compresses). Prints the four category scores per page; fails nothing.
 * Run alone with `node bench/lighthouse.ts <portal url>`, or as part of `npm run bench`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAMPLE_SUBMISSION_CODE } from '../local/sample-submissions.ts';
import { CHROMIUM_PATH } from '../scripts/preflight-paths.ts';
import { apiPath, pages } from '../ui/paths.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const PAGE_TYPES = [
  { type: 'home', path: pages.home() },
  { type: 'life event', path: pages.lifeEvent('having-a-child') },
  { type: 'service', path: pages.service('birth-certificate') },
  { type: 'form', path: pages.apply('birth-certificate') },
  { type: 'status page', path: apiPath('showStatus', { code: SAMPLE_SUBMISSION_CODE }) },
  { type: 'My account', path: pages.account() },
] as const;

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

interface Report {
  categories: Record<(typeof CATEGORIES)[number], { score: number | null }>;
  audits: Record<string, { score: number | null; title: string }>;
}

function runLighthouse(url: string, out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'node_modules/lighthouse/cli/index.js'),
        url,
        '--quiet',
        '--output=json',
        `--output-path=${out}`,
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse ${url} failed: ${errors}`))));
  });
}

export async function lighthouseScores(baseUrl: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'front-door-lighthouse-'));
  console.log(`\nLighthouse 13 (mobile), ${CATEGORIES.join(' / ')}:`);
  try {
    for (const { type, path } of PAGE_TYPES) {
      const out = join(dir, 'report.json');
      try {
        await runLighthouse(`${baseUrl}${path}`, out);
      } catch (error) {
        console.log(`  ${type.padEnd(12)} could not run: ${(error as Error).message.split('\n')[0]}`);
        continue;
      }
      const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
      const scores = CATEGORIES.map((c) => String(Math.round((report.categories[c].score ?? 0) * 100)).padStart(4));
      // What cost points, so a score below 100 says where to look.
      const misses = Object.entries(report.audits)
        .filter(([, audit]) => audit.score !== null && audit.score < 0.9)
        .map(([id]) => id)
        .slice(0, 6);
      console.log(
        `  ${type.padEnd(12)} ${scores.join(' ')}   ${path}${misses.length ? `   (below 0.9: ${misses.join(', ')})` : ''}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) await lighthouseScores(process.argv[2] ?? 'http://localhost:3000');
