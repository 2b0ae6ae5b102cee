/**
 * Runs first in `npm test`: checks what the tests need from the machine and says in one line how to get
 * what is missing, instead of a stack trace twenty tests later.
 */
import { existsSync } from 'node:fs';
import { JAVA_HINT, javaVersion } from '../local/dynamodb-local.ts';
import { CHROMIUM_HINT, CHROMIUM_PATH } from './preflight-paths.ts';

const problems: string[] = [];
const java = javaVersion();
if (java === undefined || java < 17) problems.push(JAVA_HINT);
if (!existsSync(CHROMIUM_PATH)) problems.push(CHROMIUM_HINT);
if (Number(process.versions.node.split('.')[0]) < 24)
  problems.push(
    `Node ${process.versions.node} is running; the project pins Node 24. Run npm scripts through npm (npm test), after npm install.`,
  );

if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`);
  process.exit(1);
}
