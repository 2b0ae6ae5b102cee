/**
 * Timeline entries on DynamoDB (layout in table-definition.ts). `timelinePut` is the item every store adds to the
 * transaction of the change an entry records; the reader answers a case's or a person's timeline with one Query.
 *
 * | entry on a case      | TIMELINE#CASE#<code>        | <occurredAt>#<id> | gsi2: PERSON#<subject> / <occurredAt>#<id> (when known) |
 * | entry on a person    | TIMELINE#PERSON#<subject>   | <occurredAt>#<id> | gsi2: the same                                          |
 * | unlinked contact     | TIMELINE#UNLINKED#<agency>  | <occurredAt>#<id> |                                                         |
 * | draft saved for later| TIMELINE#DRAFT#<resume code>| <occurredAt>#<id> | (the resume link's e-mail and its notice)               |
 */
import { type DynamoDBClient, QueryCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { cursorOf, isDraftEntry, placeOf, type TimelineEntry, type TimelinePage, type TimelineReader } from '#domain/timeline';
import { channelCountWrites } from './dynamodb-channel-volume.ts';
import { conditionFailed, transactWrite } from './dynamodb-transactions.ts';

export const TIMELINE_TYPE = 'timeline';

export function timelinePartition(entry: Pick<TimelineEntry, 'caseCode' | 'person' | 'agency' | 'resumeCode'>): string {
  if (isDraftEntry(entry)) return `TIMELINE#DRAFT#${entry.resumeCode}`;
  const place = placeOf(entry);
  if (place === 'case') return `TIMELINE#CASE#${entry.caseCode}`;
  if (place === 'person') return `TIMELINE#PERSON#${entry.person}`;
  return `TIMELINE#UNLINKED#${entry.agency}`;
}

export const timelineSortKey = (entry: Pick<TimelineEntry, 'occurredAt' | 'id'>) => `${entry.occurredAt}#${entry.id}`;

export function timelineItem(entry: TimelineEntry) {
  return {
    pk: timelinePartition(entry),
    sk: timelineSortKey(entry),
    type: TIMELINE_TYPE,
    ...entry,
    ...(entry.person && { gsi2pk: `PERSON#${entry.person}`, gsi2sk: timelineSortKey(entry) }),
  };
}

/** The entry as one more item of a change's transaction (never overwrites one). */
export function timelinePut(tableName: string, entry: TimelineEntry): TransactWriteItem {
  return {
    Put: {
      TableName: tableName,
      Item: marshall(timelineItem(entry), { removeUndefinedValues: true }),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export function toTimelineEntry(item: Record<string, unknown>): TimelineEntry {
  const { pk: _pk, sk: _sk, type: _type, gsi2pk: _g, gsi2sk: _gs, ...entry } = item;
  return entry as unknown as TimelineEntry;
}

export function dynamoDbTimeline(client: DynamoDBClient, tableName: string): TimelineReader {
  async function page(
    input: { indexName?: string; keyName: string; sortName: string; key: string; consistent: boolean },
    options: { limit: number; before?: string | undefined },
  ): Promise<TimelinePage> {
    const values: Record<string, string> = { ':key': input.key };
    if (options.before) values[':before'] = options.before;
    const result = await client.send(
      new QueryCommand({
        TableName: tableName,
        ...(input.indexName && { IndexName: input.indexName }),
        KeyConditionExpression: `${input.keyName} = :key${options.before ? ` AND ${input.sortName} < :before` : ''}`,
        ExpressionAttributeValues: marshall(values),
        ScanIndexForward: false,
        Limit: options.limit,
        ...(input.consistent && { ConsistentRead: true }),
      }),
    );
    const entries = (result.Items ?? [])
      .map((item) => unmarshall(item))
      .filter((item) => item.type === TIMELINE_TYPE)
      .map(toTimelineEntry);
    const last = entries.at(-1);
    return { entries, ...(result.LastEvaluatedKey && last && { next: cursorOf(last) }) };
  }

  return {
    personTimeline: (person, options) =>
      page({ indexName: 'gsi2', keyName: 'gsi2pk', sortName: 'gsi2sk', key: `PERSON#${person}`, consistent: false }, options),
    caseTimeline: (code, options) =>
      page({ keyName: 'pk', sortName: 'sk', key: `TIMELINE#CASE#${code}`, consistent: true }, options),
  };
}

/** Entries that record no other change (an inbound text and its answer): one transaction; a repeat writes nothing. */
export async function writeTimelineEntries(
  client: DynamoDBClient,
  tableName: string,
  entries: readonly TimelineEntry[],
): Promise<'recorded' | 'duplicate'> {
  const outcome = await transactWrite(client, [
    ...entries.map((entry) => timelinePut(tableName, entry)),
    ...channelCountWrites(tableName, entries),
  ]);
  if (outcome.ok) return 'recorded';
  if (entries.some((_, i) => conditionFailed(outcome, i))) return 'duplicate';
  throw new Error(`Recording ${entries.length} timeline entries failed: ${JSON.stringify(outcome.reasons)}`);
}
