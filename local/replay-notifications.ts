/**
 * `npm run replay-notifications` (through local/replay.ts): hands every dead-lettered notification batch in
 * .data/dead-letters/notifications.jsonl to the notifier again, read back from DynamoDB Local's stream by its
 * positions, as an operator does on AWS from the dead-letter queue (docs/deploying.md). What still fails stays in
 * the file; what was already sent is not sent twice.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DATA_DIR, deadLetterFile, startPortal } from './portal.ts';
import type { DeadLetter } from './stream-poller.ts';

const file = deadLetterFile(DATA_DIR);
const letters: DeadLetter[] = existsSync(file)
  ? readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as DeadLetter)
  : [];
if (letters.length === 0) {
  console.log(`No dead-lettered notifications (${file}).`);
  process.exit(0);
}
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
const portal = await startPortal({ port: 0, dataDir: DATA_DIR, log: (line) => console.log(line) });
const failed: DeadLetter[] = [];
try {
  for (const letter of letters) {
    const outcome = await portal.notifications.poller.replay(letter).catch(() => 'failed' as const);
    if (outcome === 'failed') failed.push(letter);
  }
} finally {
  writeFileSync(file, failed.map((letter) => `${JSON.stringify(letter)}\n`).join(''));
  await portal.stop();
}
console.log(
  `Replayed ${letters.length - failed.length} of ${letters.length} dead-lettered batch(es); ${failed.length} still failing.`,
);
process.exit(failed.length === 0 ? 0 : 1);
