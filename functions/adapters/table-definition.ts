/**
 * The one DynamoDB table: keys, indexes and TTL. infra/ builds the AWS table from this and local/ creates
 * the DynamoDB Local table from it, so the two cannot drift.
 *
 * Item layout (every read the product makes is one GetItem or one Query; "gsi1pk / gsi1sk" are the keys of the queue
 * index, QUEUE_INDEX, and of gsi4):
 * | item                  | pk                          | sk                       | gsi1pk / gsi1sk                                   |
 * | submission            | SUB#<code>                  | SUBMISSION               | AGENCY#<agency>#STATUS#<status>#<shard> / <submittedAt>#<code> |
 * | status history entry  | SUB#<code>                  | HISTORY#<at>#<status>    |                                                   |
 * | idempotency claim     | IDEMPOTENCY#<formId>#<key>  | IDEMPOTENCY              | (expires through TTL)                             |
 * | payment               | PAY#<paymentId>             | PAYMENT                  | PAYREF#<provider>#<checkout id> / PAYMENT         |
 * | payment history entry | PAY#<paymentId>             | HISTORY#<at>#<kind>#<id> |                                                   |
 * | refund                | PAY#<paymentId>             | REFUND#<refundId>        |                                                   |
 * | provider event seen   | PAYEVENT#<provider>#<evtId> | PAYEVENT                 | (expires through TTL after 30 days)               |
 * | bill (pay by ref.)    | BILL#<reference>            | BILL                     |                                                   |
 * | case message / note   | SUB#<code>                  | MESSAGE#<at>#<id>        |                                                   |
 * | audit entry           | AUDIT#<record>              | <at>#<id>                | gsi2: ACTOR#<agency>#<subject> / <at>#<id> (TTL: retention) |
 * | status counts         | COUNTS#<agency>#<shard>     | COUNTS                   | one number per status, moved in each change's transaction (COUNTS_SHARDS) |
 * | form draft            | DRAFT#<draftId>             | DRAFT                    | (expires through TTL 30 days after its last page); a signed-in person's: gsi2 DRAFTS#<subject> / <updatedAt> |
 * | resume code           | RESUME#<code>               | RESUME                   | the draft it opens, the check's hash (expires with the draft; decision 0082) |
 * | payment/refund claim  | IDEMPOTENCY#PAY#<key>, IDEMPOTENCY#REFUND#<paymentId>#<key> | IDEMPOTENCY | (expires through TTL) |
 * | timeline entry        | TIMELINE#CASE#<code> (or #PERSON#<subject>, #UNLINKED#<agency>, #DRAFT#<resume code>) | <occurredAt>#<id> | gsi2: PERSON#<subject> / <occurredAt>#<id> |
 * | notification sent     | NOTICE#<entry id>           | NOTICE                   | (the e-mail's SES message id; one per entry)      |
 * | SES message           | SESMSG#<message id>         | SESMSG                   | which entry an SES delivery or bounce is about   |
 * | contact from a channel| INTERACTION#<agency>#<channel>#<externalId> | INTERACTION | the entry it made (same externalId → one entry) |
 * | text sent             | NOTICE#<entry id>#sms / SMSMSG#<message id> | NOTICE / SMSMSG | as for e-mail: one per entry (decision 71) |
 * | text opt-out (STOP)   | SMSOPTOUT#<E.164 number>    | OPTOUT                   | removed by START (decision 71)                   |
 * | inbound text answered | SMSIN#<inbound message id>  | SMSIN                    | (expires through TTL after 7 days)               |
 * | notification prefs    | PREFS#<subject>             | PREFS                    | per kind: email, sms, both, none (decision 72)   |
 * | address's last e-mail | EMAILSTATE#<address>        | EMAILSTATE               | bounced (until delivered) or complained (decision 74) |
 * | "send me my codes"    | CODESREQ#<id>               | CODESREQ                 | the outbox item (TTL 1 day; deleted once sent)   |
 * | codes requests / hour | CODESRATE#<sha256 of address>#<hour> | RATE            | at most 3 an hour (TTL 2 hours; decision 73)     |
 * Timeline entries (dynamodb-timeline.ts) are the outbox: the stream (NEW_IMAGE) hands new ones to the notifier.
 * | survey response       | FEEDBACK#<token>            | FEEDBACK                 | FEEDBACK#<agency>#<shard> / <answeredOn>#<token> (decision 0100) |
 * | decision record       | DECISIONS#<agency>#<shard>  | <decidedAt>#<code>       | a case's first decision, in its status change's transaction (decision 0103) |
 * | funnel counters       | FUNNEL#<agency>#<shard>     | <day>#<formId>           | one number per step and channel, ADDed atomically (decision 0101) |
 * | volume by channel     | CHANNELS#<agency>#<shard>   | <day>#<serviceId or empty> | one number per channel and direction, ADDed in the timeline entry's transaction (decision 0126) |
 * A submission's or bill's item carries `payment`, the summary of its current payment (payment-state.ts).
 * The queue index (QUEUE_INDEX, on gsi1pk / gsi1sk) also finds a payment by the provider's checkout id (one Query: the
 * payment item's gsi1 keys) and holds the survey responses the dashboard reads. It copies only what those three
 * readers take (QUEUE_INDEX_ATTRIBUTES), never a case's answers (decision 0140).
 * gsi2 (a person's submissions, newest first) is keyed OWNER#<subject> / <submittedAt>#<code>; a staff member's
 * audit entries for one agency (their activity, newest first) ACTOR#<agency>#<subject> / <at>#<id>.
 * gsi3 (find an agency's cases by the applicant's e-mail) is keyed EMAIL#<agency>#<e-mail, lower case> / <submittedAt>#<code>.
 * gsi4 has gsi1's keys and projects only the keys, serviceId and assignedTo (the export's parts page, decision 0127).
 */
import { QUEUE_ROW_FIELDS } from '#domain/case-queue';
import type { FeedbackResponse } from '#domain/feedback';
import type { Payment } from '#domain/payment-records';

export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

/** What an index copies of each item besides the keys: everything, nothing, or the attributes named. */
export type IndexProjection = { type: 'ALL' } | { type: 'KEYS_ONLY' } | { type: 'INCLUDE'; attributes: string[] };

export interface IndexDefinition {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  /** ALL when absent. */
  projection?: IndexProjection;
  /** Why the index exists: the read it serves. */
  purpose: string;
}

export interface TableDefinition {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  globalSecondaryIndexes: IndexDefinition[];
  timeToLiveAttribute: string;
  /** What the table's stream carries: the new image of each change (the notifier reads new timeline entries). */
  stream: 'NEW_IMAGE';
}

/**
 * The queue index again (the same keys), projecting only the keys and what the queue's filters read (service,
 * assignee): the export's parts page reads every key of a filter, ~10 times fewer bytes than the old gsi1's whole
 * items. Decision 0127.
 */
export const QUEUE_KEYS_INDEX = 'gsi4';

/**
 * The work queue's index (keys gsi1pk / gsi1sk). It was `gsi1`, which copied whole items (ALL): a six-page
 * application is over 1 KB, so each copy cost 2 write units and a deadline day put its busiest queue shard at
 * ~121–124% of a partition's limit (bench/deadline.ts). DynamoDB cannot change an index's projection, so the index
 * that copies only what its readers take has a new name (decision 0140; docs/deploying.md says how a deployment made
 * before it moves over without a moment without a queue).
 */
export const QUEUE_INDEX = 'gsi5';
/** The index it replaces, kept only while a deployment made before decision 0140 moves over (infra/config.ts `upgrade`). */
export const RETIRED_QUEUE_INDEX = 'gsi1';

/**
 * The index the queue's readers query: QUEUE_INDEX, or the retired gsi1 during the first step of moving a deployment
 * made before decision 0140 over, while QUEUE_INDEX is still being built (infra sets QUEUE_INDEX_NAME then).
 */
export function queueIndexName(): string {
  return process.env.QUEUE_INDEX_NAME === RETIRED_QUEUE_INDEX ? RETIRED_QUEUE_INDEX : QUEUE_INDEX;
}

/** The survey responses' fields, all of which the dashboard reads from the queue index (dynamodb-feedback-store.ts). */
const FEEDBACK_FIELDS = [
  'token',
  'task',
  'agency',
  'serviceId',
  'channel',
  'scores',
  'comment',
  'answeredOn',
  'updatedOn',
] as const satisfies readonly (keyof FeedbackResponse)[];

/**
 * What the queue index copies besides the keys: the queue's columns (QUEUE_ROW_FIELDS: its page, its JSON answer and
 * its filters), the payment's id (finding a payment by the provider's checkout id), and a survey response's fields.
 * A submission's copy is then ~300–600 bytes whatever its answers: one write unit.
 */
export const QUEUE_INDEX_ATTRIBUTES = [
  ...new Set<string>([...QUEUE_ROW_FIELDS, ...(['id'] as const satisfies readonly (keyof Payment)[]), ...FEEDBACK_FIELDS]),
];

const queueIndexKeys = {
  partitionKey: { name: 'gsi1pk', type: 'S' },
  sortKey: { name: 'gsi1sk', type: 'S' },
} as const satisfies Pick<IndexDefinition, 'partitionKey' | 'sortKey'>;

/** gsi1 as it was (whole items): only for a deployment moving over (infra/config.ts `upgrade.queueIndex`). */
export const retiredQueueIndex: IndexDefinition = {
  indexName: RETIRED_QUEUE_INDEX,
  ...queueIndexKeys,
  projection: { type: 'ALL' },
  purpose: `The work queue as it was before decision 0140 (whole items), kept until ${QUEUE_INDEX} is built; then removed`,
};

export const tableDefinition: TableDefinition = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    {
      indexName: 'gsi2',
      partitionKey: { name: 'gsi2pk', type: 'S' },
      sortKey: { name: 'gsi2sk', type: 'S' },
      purpose: "A signed-in person's submissions and timeline, newest first; a staff member's audited activity",
    },
    {
      indexName: 'gsi3',
      partitionKey: { name: 'gsi3pk', type: 'S' },
      sortKey: { name: 'gsi3sk', type: 'S' },
      purpose: "An agency's cases by the applicant's e-mail address (lower case: an exact match whatever the letters' case)",
    },
    {
      indexName: QUEUE_KEYS_INDEX,
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
      projection: { type: 'INCLUDE', attributes: ['serviceId', 'assignedTo'] },
      purpose:
        "The work queue's keys only, with the two attributes its filters read: the export's parts page lists 100,000 cases from ~200-byte index items instead of whole cases (decision 0127)",
    },
    {
      indexName: QUEUE_INDEX,
      ...queueIndexKeys,
      projection: { type: 'INCLUDE', attributes: QUEUE_INDEX_ATTRIBUTES },
      purpose:
        "An agency's work queue by status, oldest first, write-sharded (see QUEUE_SHARDS), with the queue's columns only; a payment by its checkout id; an agency's survey responses (decision 0140)",
    },
  ],
  timeToLiveAttribute: 'expiresAt',
  stream: 'NEW_IMAGE',
};

/**
 * A DynamoDB partition takes about 1,000 writes a second. On a deadline day one agency may receive
 * thousands of submissions a second, all with status "received", so the queue key is spread over this
 * many shards and a queue read queries every shard and merges (16 shards ≈ 16,000 writes/s).
 */
export const QUEUE_SHARDS = 16;

/**
 * The agency's status counts are moved inside every submission's transaction, and a transaction costs twice the
 * write units: at 16 items (one per queue shard) a deadline day of 10,000 submissions a second for one agency put
 * ~1,240 write units a second on each counts item, over a partition's ~1,000 (bench/deadline.ts). 64 items take
 * ~300 each and are still read with one BatchGetItem (at most 100 keys). Decision 0093.
 */
export const COUNTS_SHARDS = 64;

/**
 * Survey responses and funnel counters are written on every finished task, so on a deadline day they are as busy
 * as submissions: responses spread over the queue index's keys by their token, funnel counters over their partition key by a random
 * shard. The dashboard reads every shard and adds them up (bench/cx-writes.ts shows the writes per partition).
 */
export const FEEDBACK_SHARDS = 16;
/**
 * Every step of a form's funnel (started, each page, Check your answers, sent, the status page) ADDs to the same
 * item of a shard: a 6-page form at 10,000 submissions a second is ~95,000 adds a second for one agency and form,
 * ~3,000 a second per item at 32 shards. 128 bring it to ~740 on average (the busiest ~800 in a sampled second,
 * bench/deadline.ts), enough for forms of up to about 9 pages at that rate; the dashboard's read is one Query per
 * shard. Decision 0093.
 */
export const FUNNEL_SHARDS = 128;

/**
 * Every timeline entry (the submission, its e-mail, the payment, each status change, each call or chat) ADDs one
 * to a volume-by-channel item inside its own transaction, which costs twice the write units. At a deadline's
 * 10,000 submissions a second for one agency that is ~4 counted entries a submission (sent, its e-mail, the payment
 * started and paid): ~40,000 transactional adds a second, ~80,000 write units; 128 items take ~630 each, under a
 * partition's ~1,000 (bench/deadline.ts prints the busiest). The dashboard reads one Query per shard. Decision 0126.
 */
export const CHANNEL_SHARDS = 128;
