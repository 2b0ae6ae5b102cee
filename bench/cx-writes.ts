/**
 * `node bench/cx-writes.ts` (or `npm run bench -- cx`): how many writes a second per partition the CX
 * feedback and funnel writes put on the table at 10,000 submissions a second for ONE agency and ONE form (the
 * worst case: a single deadline). It drives the real key functions (random funnel shard, token-derived
 * response shard) over one simulated second and prints the busiest partition of each. No table is touched:
 * partitions are what the keys decide. Prints figures, asserts nothing.
 */

import { randomInt } from 'node:crypto';
import { feedbackIndexKey } from '../functions/adapters/dynamodb-feedback-store.ts';
import { funnelKey } from '../functions/adapters/dynamodb-funnel-counter.ts';
import { FEEDBACK_SHARDS, FUNNEL_SHARDS, QUEUE_INDEX } from '../functions/adapters/table-definition.ts';
import { newConfirmationCode } from '../functions/domain/confirmation-code.ts';
import { feedbackToken, tokenShard } from '../functions/domain/feedback-token.ts';

const SUBMISSIONS_PER_SECOND = 10_000;
/** Of those, how many check their status in the same second and answer the survey (generous assumptions). */
const STATUS_CHECK_SHARE = 1;
const RESPONSE_SHARE = 0.3;
const PARTITION_LIMIT = 1_000;
const KEY = 'bench-key-of-thirty-two-characters';

function busiest(counts: Map<string, number>) {
  const values = [...counts.values()];
  return { partitions: counts.size, max: Math.max(...values), min: Math.min(...values) };
}

const funnel = new Map<string, number>();
const responses = new Map<string, number>();
const day = new Date().toISOString().slice(0, 10);
const hit = (map: Map<string, number>, pk: string) => map.set(pk, (map.get(pk) ?? 0) + 1);
for (let i = 0; i < SUBMISSIONS_PER_SECOND; i++) {
  hit(funnel, funnelKey('dmv', randomInt(FUNNEL_SHARDS), day, 'renewal').pk); // sent
  if (i < SUBMISSIONS_PER_SECOND * STATUS_CHECK_SHARE) hit(funnel, funnelKey('dmv', randomInt(FUNNEL_SHARDS), day, 'renewal').pk);
  if (i < SUBMISSIONS_PER_SECOND * RESPONSE_SHARE) {
    const token = feedbackToken(KEY, 'apply', newConfirmationCode());
    hit(responses, feedbackIndexKey('dmv', tokenShard(token, FEEDBACK_SHARDS)));
  }
}
const f = busiest(funnel);
const r = busiest(responses);
console.log(`CX writes at ${SUBMISSIONS_PER_SECOND.toLocaleString('en-US')} submissions/s for one agency and one form:`);
console.log(
  `  funnel counters (sent + a status check each): ${f.partitions} partitions, busiest ${f.max} writes/s, quietest ${f.min} (limit ≈ ${PARTITION_LIMIT})`,
);
console.log(
  `  survey responses (${RESPONSE_SHARE * 100}% answer), on the queue index (${QUEUE_INDEX}): ${r.partitions} partitions, busiest ${r.max} writes/s, quietest ${r.min}; base table: one item per response, no hot key`,
);
console.log(
  `  unsharded, the funnel key would take ${SUBMISSIONS_PER_SECOND * (1 + STATUS_CHECK_SHARE)} writes/s on one partition`,
);
