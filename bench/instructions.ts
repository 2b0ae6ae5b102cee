/**
 * Instructions executed by a fresh Node process running a script, counted by valgrind (cachegrind): a
 * load-independent figure beside the noisy CPU time (bench/run.ts and bench/submission-pdf.ts use it). V8 runs on
 * one thread with `--predictable`: without it, when the garbage collector and the background compiler run depends
 * on the machine's load, and the same bundle measured 1.03× and 1.14× of the baseline in two runs on this shared
 * machine; with it, the count repeats to within 0.1 M.
 */
import { spawnSync } from 'node:child_process';

export function instructionCount(script: string, env: Record<string, string | undefined>): number {
  const result = spawnSync(
    'valgrind',
    [
      '--tool=cachegrind',
      '--cache-sim=no',
      '--cachegrind-out-file=/dev/null',
      process.execPath,
      '--single-threaded',
      '--predictable',
      '--input-type=module',
      '-e',
      script,
    ],
    { env: { ...process.env, ...env }, encoding: 'utf8' },
  );
  const refs = /I\s+refs:\s+([\d,]+)/.exec(result.stderr ?? '')?.[1];
  if (!refs) throw new Error(`valgrind gave no instruction count: ${result.stderr}`);
  return Number(refs.replaceAll(',', ''));
}
