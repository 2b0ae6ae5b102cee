/** Reading the table's stream records (NEW_IMAGE): what a record inserted, as a plain item. */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';

/** The item a stream record inserted; undefined for a change or a removal (the outbox only ever inserts). */
export function insertedItem(record: DynamoDBRecord): Record<string, unknown> | undefined {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return undefined;
  return unmarshall(image as Record<string, AttributeValue>);
}
