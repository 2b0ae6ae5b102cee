/**
 * FeedbackStore on DynamoDB (table-definition.ts): one item per transaction's token, written with one
 * UpdateItem, so a second answer replaces the first atomically and keeps the day it was first given. The
 * dashboard reads an agency's responses through the queue index (its keys gsi1pk / gsi1sk; it copies every field of a
 * response), write-sharded by the token (FEEDBACK_SHARDS).
 */
import { type DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { FeedbackResponse, FeedbackStore } from '#domain/feedback';
import { tokenShard } from '#domain/feedback-token';
import { queryShards } from './dynamodb-shards.ts';
import { FEEDBACK_SHARDS, queueIndexName } from './table-definition.ts';

export const feedbackKey = (token: string) => ({ pk: `FEEDBACK#${token}`, sk: 'FEEDBACK' });
export const feedbackIndexKey = (agency: string, shard: number) => `FEEDBACK#${agency}#${shard}`;

function toResponse(item: Record<string, unknown>): FeedbackResponse {
  const { pk: _pk, sk: _sk, type: _type, gsi1pk: _g1, gsi1sk: _g1s, ...response } = item;
  return response as unknown as FeedbackResponse;
}

export function dynamoDbFeedbackStore(client: DynamoDBClient, tableName: string): FeedbackStore {
  return {
    async save(response) {
      const { token, answeredOn, comment, ...rest } = response;
      const values = {
        ':type': 'feedback',
        ':token': token,
        ':task': rest.task,
        ':agency': rest.agency,
        ':serviceId': rest.serviceId,
        ':channel': rest.channel,
        ':scores': rest.scores,
        ':answeredOn': answeredOn,
        ':updatedOn': rest.updatedOn,
        ':gsi1pk': feedbackIndexKey(rest.agency, tokenShard(token, FEEDBACK_SHARDS)),
        ':gsi1sk': `${answeredOn}#${token}`,
        ...(comment !== undefined && { ':comment': comment }),
      };
      const set = [
        '#type = :type',
        '#token = :token',
        'task = :task',
        'agency = :agency',
        'serviceId = :serviceId',
        'channel = :channel',
        'scores = :scores',
        'updatedOn = :updatedOn',
        // The first answer's day stays: the response is reported in the quarter it was first given.
        'answeredOn = if_not_exists(answeredOn, :answeredOn)',
        'gsi1pk = :gsi1pk',
        'gsi1sk = if_not_exists(gsi1sk, :gsi1sk)',
        ...(comment !== undefined ? ['#comment = :comment'] : []),
      ];
      const { Attributes } = await client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: marshall(feedbackKey(token)),
          UpdateExpression: `SET ${set.join(', ')}${comment === undefined ? ' REMOVE #comment' : ''}`,
          ExpressionAttributeNames: { '#type': 'type', '#token': 'token', '#comment': 'comment' },
          ExpressionAttributeValues: marshall(values, { removeUndefinedValues: true }),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return toResponse(unmarshall(Attributes ?? {}));
    },

    async listResponses(agency, from, to) {
      const items = await queryShards(client, {
        tableName,
        indexName: queueIndexName(),
        partitionKey: 'gsi1pk',
        sortKey: 'gsi1sk',
        shards: FEEDBACK_SHARDS,
        partition: (shard) => feedbackIndexKey(agency, shard),
        from: `${from}#`,
        to: `${to}#\uffff`,
      });
      return items.map(toResponse);
    },
  };
}
