/**
 * The PDF of a submission made by the bundled code, as Lambda runs it (decision 0132): the adapter bundled the way
 * infra bundles every function (split-bundle.ts), what ship-forms.ts ships beside it, then run by a fresh Node in
 * a folder with no node_modules above it — so a file PDFKit reads at run time that the bundle lacks (its standard
 * fonts' metrics, our fonts) fails here rather than on AWS.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFBool, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF_FONT_FILES, SHIPPED_FONTS_DIR } from '../../functions/shared/pdf-fonts.ts';
import { SUBMISSION_PDF_SOURCE, shipForms } from '../../infra/bundling/ship-forms.ts';
import { splitBundle } from '../../infra/bundling/split-bundle.ts';
import { compiledForm, strings } from '../support/forms.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'front-door-pdf-bundle-'));
  await splitBundle(join(ROOT, SUBMISSION_PDF_SOURCE), dir);
  shipForms(dir, join(ROOT, 'functions/generated/forms'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the bundle that makes the PDF of a submission', () => {
  it('ships the fonts the PDF embeds, and nothing of PDFKit that it reads at run time', () => {
    expect(readdirSync(join(dir, SHIPPED_FONTS_DIR)).sort()).toEqual(Object.values(PDF_FONT_FILES).sort());
    expect(readdirSync(dir)).not.toContain('node_modules');
  });

  it('makes a tagged PDF in Spanish when run with nothing but the bundle', async () => {
    const { form } = await compiledForm('birth-certificate-request@1'); // version 1: one page, the answers below
    const input = {
      form,
      answers: { fullName: 'José Núñez', dateOfBirth: '2019-05-01', relationship: 'self', copies: 1 },
      code: 'ABCD-EFGH-JKMN',
      submittedAt: '2026-12-01T15:00:00.000Z',
      locale: 'es',
      serviceTitle: 'Acta de nacimiento',
      agencyName: 'Registro Civil',
      strings,
    };
    writeFileSync(join(dir, 'input.json'), JSON.stringify(input));
    const script = [
      "import { readFileSync, writeFileSync } from 'node:fs';",
      "const { submissionPdf } = await import('./index.mjs');",
      "const bytes = await submissionPdf(JSON.parse(readFileSync('input.json', 'utf8')));",
      "writeFileSync('out.pdf', bytes);",
    ].join('\n');
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: dir,
      // What infra sets (portal-function.ts), and no NODE_PATH or other way back to the repository's node_modules.
      env: { PATH: process.env.PATH ?? '', PDF_FONTS_DIR: join(dir, SHIPPED_FONTS_DIR) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const bytes = new Uint8Array(readFileSync(join(dir, 'out.pdf')));
    const doc = await PDFDocument.load(bytes);
    const markInfo = doc.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
    expect(markInfo?.lookupMaybe(PDFName.of('Marked'), PDFBool)?.asBoolean()).toBe(true);
    const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
    expect(text).toContain('José Núñez');
    expect(text).toContain('1 de mayo de 2019');
    expect(text).toContain('Página 1 de 1');
  });
});
