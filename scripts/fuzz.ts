/**
 * `npm run fuzz`: the fuzz test of `npm test` (test/integration/api-fuzz.test.ts) with more requests per operation
 * and a new seed each run, printed so a failure can be replayed: `npm run fuzz -- --runs 20000 --seed 42`.
 * Prints what each operation answered (status × count) and how long it took.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5000' }, seed: { type: 'string' } } });
const seed = values.seed ?? String(Math.floor(Math.random() * 2 ** 31));
console.log(`Fuzzing ${values.runs} requests per operation, seed ${seed} (replay: npm run fuzz -- --seed ${seed})`);
const child = spawn(
  process.execPath,
  [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'test/integration/api-fuzz.test.ts'],
  { cwd: ROOT, stdio: 'inherit', env: { ...process.env, FUZZ_RUNS: values.runs, FUZZ_SEED: seed, FUZZ_REPORT: '1' } },
);
child.on('exit', (code) => process.exit(code ?? 1));
