/**
 * The one DynamoDB table: keys, indexes and TTL. infra/ builds the AWS table from this and local/ creates
 * the DynamoDB Local table from it, so the two cannot drift.
 *
 * Item layout (every read the product makes is one GetItem or one Query):
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
 * | status counts         | COUNTS#<agency>#<shard>     | COUNTS                   | one number per status, moved in each change's transaction |
 * | form draft            | DRAFT#<draftId>             | DRAFT                    | (expires through TTL 30 days after its last page); a signed-in person's: gsi2 DRAFTS#<subject> / <updatedAt> |
 * | resume code           | RESUME#<code>               | RESUME                   | the draft it opens, the check's hash (expires with the draft; decision 0082) |
 * | payment/refund claim  | IDEMPOTENCY#PAY#<key>, IDEMPOTENCY#REFUND#<paymentId>#<key> | IDEMPOTENCY | (expires through TTL) |
 * | timeline entry        | TIMELINE#CASE#<code> (or #PERSON#<subject>, #UNLINKED#<agency>, #DRAFT#<resume code>) | <occurredAt>#<id> | gsi2: PERSON#<subject> / <occurredAt>#<id> |
 * | notification sent     | NOTICE#<entry id>           | NOTICE                   | (the e-mail's SES message id; one per entry)      |
 * | SES message           | SESMSG#<message id>         | SESMSG                   | which entry an SES delivery or bounce is about   |
 * | contact from a channel| INTERACTION#<agency>#<channel>#<externalId> | INTERACTION | the entry it made (same externalId → one entry) |
 * Timeline entries (dynamodb-timeline.ts) are the outbox: the stream (NEW_IMAGE) hands new ones to the notifier.
 * | survey response       | FEEDBACK#<token>            | FEEDBACK                 | FEEDBACK#<agency>#<shard> / <answeredOn>#<token> (decision 0100) |
 * | funnel counters       | FUNNEL#<agency>#<shard>     | <day>#<formId>           | one number per step and channel, ADDed atomically (decision 0101) |
 * A submission's or bill's item carries `payment`, the summary of its current payment (payment-state.ts).
 * gsi1 also finds a payment by the provider's checkout id (one Query): the payment item's gsi1 keys.
 * gsi2 (a person's submissions, newest first) is keyed OWNER#<subject> / <submittedAt>#<code>; a staff member's
 * audit entries for one agency (their activity, newest first) ACTOR#<agency>#<subject> / <at>#<id>.
 * gsi3 (find an agency's cases by the applicant's e-mail) is keyed EMAIL#<agency>#<e-mail, lower case> / <submittedAt>#<code>.
 */
export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

export interface IndexDefinition {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
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

export const tableDefinition: TableDefinition = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    {
      indexName: 'gsi1',
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
      purpose: "An agency's work queue by status, oldest first; write-sharded (see QUEUE_SHARDS)",
    },
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
 * Survey responses and funnel counters are written on every finished task, so on a deadline day they are as busy
 * as submissions: responses spread over gsi1 by their token, funnel counters over their partition key by a random
 * shard. The dashboard reads every shard and adds them up (bench/cx-writes.ts shows the writes per partition).
 */
export const FEEDBACK_SHARDS = 16;
export const FUNNEL_SHARDS = 32;
