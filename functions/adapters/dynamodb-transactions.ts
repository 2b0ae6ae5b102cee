/**
 * Transactions with an Idempotency-Key claim inside them (docs/decisions/0002): the claim is one more item
 * of the same TransactWriteItems, so a request and its claim are written together or not at all, and a
 * repeat learns the first request's answer from the cancellation reason, without another read.
 * Used by the submission store and the payment store.
 */
import {
  type CancellationReason,
  type DynamoDBClient,
  TransactionCanceledException,
  type TransactWriteItem,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { IdempotencyClaim } from '#domain/idempotency';
import { StoreUnavailableError } from './store-errors.ts';

/** `scope` keeps keys of different requests apart: a form id, or an upper-case name (form ids are lower case). */
export const claimKey = (scope: string, key: string) => ({ pk: `IDEMPOTENCY#${scope}#${key}`, sk: 'IDEMPOTENCY' });

/** The claim as a transaction item; `answer` is what a repeat of the request needs to answer as the first did. */
export function claimPut(
  tableName: string,
  scope: string,
  claim: IdempotencyClaim,
  answer: Record<string, unknown>,
): TransactWriteItem {
  return {
    Put: {
      TableName: tableName,
      Item: marshall(
        {
          ...claimKey(scope, claim.key),
          type: 'idempotency',
          fingerprint: claim.fingerprint,
          expiresAt: claim.expiresAt,
          ...answer,
        },
        { removeUndefinedValues: true },
      ),
      ConditionExpression: 'attribute_not_exists(pk)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

export type TransactionOutcome = { ok: true } | { ok: false; reasons: CancellationReason[] };

const MAX_CONFLICT_RETRIES = 8;

/**
 * Runs the transaction. Requests racing on the same items get `TransactionConflict`: those retry (with
 * jitter) until one of them wins and the others see its writes as failed conditions, which are returned.
 */
export async function transactWrite(client: DynamoDBClient, items: TransactWriteItem[]): Promise<TransactionOutcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      await client.send(new TransactWriteItemsCommand({ TransactItems: items }));
      return { ok: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (reasons.some((reason) => reason.Code === 'ConditionalCheckFailed')) return { ok: false, reasons };
      const conflicted = reasons.some((reason) => reason.Code === 'TransactionConflict');
      if (!conflicted) throw error;
      // Still racing after every retry: busy, not broken (a 503 with Retry-After, never a 500).
      if (attempt >= MAX_CONFLICT_RETRIES) throw new StoreUnavailableError('TransactionConflict after retries', { cause: error });
      await new Promise((resolve) => setTimeout(resolve, Math.min(10 * 2 ** attempt, 250) + Math.random() * 25));
    }
  }
}

/** Whether item `index` of a cancelled transaction failed its condition. */
export function conditionFailed(outcome: TransactionOutcome, index: number): boolean {
  return !outcome.ok && outcome.reasons[index]?.Code === 'ConditionalCheckFailed';
}

/** The item that was there when item `index` failed its condition (needs ReturnValuesOnConditionCheckFailure). */
export function existingItem(outcome: TransactionOutcome, index: number): Record<string, unknown> | undefined {
  if (outcome.ok) return undefined;
  const reason = outcome.reasons[index];
  return reason?.Code === 'ConditionalCheckFailed' && reason.Item ? unmarshall(reason.Item) : undefined;
}
