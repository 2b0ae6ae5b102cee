/** PaymentStore on DynamoDB: the item layout is described in table-definition.ts. */
import {
  type DynamoDBClient,
  GetItemCommand,
  QueryCommand,
  type TransactWriteItem,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { AuditEntry } from '#domain/audit';
import type { IdempotencyClaim } from '#domain/idempotency';
import type { Checkout } from '#domain/payment-provider';
import {
  type CreatePaymentResult,
  type EventChange,
  type Payment,
  type PaymentHistoryEntry,
  type PaymentStore,
  type PaymentSubject,
  type RecordEventResult,
  type Refund,
  subjectKey,
  summaryOf,
} from '#domain/payment-records';
import { holdsMoney, PAYMENT_STATES } from '#domain/payment-state';
import type { TimelineEntry } from '#domain/timeline';
import { auditItem } from './dynamodb-case-store.ts';
import { channelCountWrites } from './dynamodb-channel-volume.ts';
import { timelinePut } from './dynamodb-timeline.ts';
import { claimPut, conditionFailed, existingItem, transactWrite } from './dynamodb-transactions.ts';
import { queueIndexName } from './table-definition.ts';

const paymentKey = (id: string) => ({ pk: `PAY#${id}`, sk: 'PAYMENT' });

/** A payment's history entries: one per step (the agency events' publisher reads `paid` ones off the stream). */
export const PAYMENT_HISTORY_TYPE = 'payment-history';

/** The payment a history item (as the stream hands it over) belongs to. */
export function paymentIdOfHistory(item: Record<string, unknown>): string | undefined {
  return item.type === PAYMENT_HISTORY_TYPE && typeof item.pk === 'string' ? item.pk.slice('PAY#'.length) : undefined;
}
const refundKey = (paymentId: string, refundId: string) => ({ pk: `PAY#${paymentId}`, sk: `REFUND#${refundId}` });
const eventKey = (provider: string, eventId: string) => ({ pk: `PAYEVENT#${provider}#${eventId}`, sk: 'PAYEVENT' });
const checkoutIndexKey = (provider: string, reference: string) => `PAYREF#${provider}#${reference}`;

export function subjectItemKey(subject: PaymentSubject) {
  return { pk: subjectKey(subject), sk: subject.kind === 'submission' ? 'SUBMISSION' : 'BILL' };
}

/** Claims for starting payments and for refunds; upper case, so they never meet a form's claims. */
const PAY_SCOPE = 'PAY';
const refundScope = (paymentId: string) => `REFUND#${paymentId}`;

/** States whose payment holds no money: a payment that does may take the subject's place (payment-state.ts). */
const NOT_TAKING_MONEY = PAYMENT_STATES.filter((state) => !holdsMoney(state));

const strip = (item: Record<string, unknown>) => {
  const { pk: _pk, sk: _sk, type: _type, gsi1pk: _g1, gsi1sk: _g1s, ...rest } = item;
  return rest;
};

function historyItem(paymentId: string, entry: PaymentHistoryEntry, discriminator: string) {
  return {
    pk: `PAY#${paymentId}`,
    sk: `HISTORY#${entry.at}#${entry.kind}#${discriminator}`,
    type: PAYMENT_HISTORY_TYPE,
    ...entry,
  };
}

export function dynamoDbPaymentStore(client: DynamoDBClient, tableName: string): PaymentStore {
  const put = (item: Record<string, unknown>, condition?: string): TransactWriteItem => ({
    Put: {
      TableName: tableName,
      Item: marshall(item, { removeUndefinedValues: true }),
      ...(condition && { ConditionExpression: condition }),
    },
  });

  /** The payment's changing fields, written only if nobody changed it since `before` was read. */
  const updatePayment = (before: Payment, after: Payment): TransactWriteItem => ({
    Update: {
      TableName: tableName,
      Key: marshall(paymentKey(before.id)),
      UpdateExpression:
        'SET #state = :state, version = :version, updatedAt = :updatedAt, refunded = :refunded' +
        (after.paidAt ? ', paidAt = :paidAt' : '') +
        (after.paymentReference ? ', paymentReference = :paymentReference' : ''),
      ConditionExpression: 'version = :before',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: marshall(
        {
          ':state': after.state,
          ':version': after.version,
          ':updatedAt': after.updatedAt,
          ':refunded': after.refunded,
          ':before': before.version,
          ...(after.paidAt && { ':paidAt': after.paidAt }),
          ...(after.paymentReference && { ':paymentReference': after.paymentReference }),
        },
        { removeUndefinedValues: true },
      ),
    },
  });

  /**
   * The submission's or bill's summary. It follows its own payment; a payment that took money also takes the
   * place of one that did not (someone paid an older checkout after starting a newer one).
   */
  const updateSubject = (after: Payment): TransactWriteItem => {
    const takesPlace = holdsMoney(after.state);
    const values: Record<string, unknown> = { ':summary': summaryOf(after), ':id': after.id, ':updatedAt': after.updatedAt };
    NOT_TAKING_MONEY.forEach((state, index) => {
      if (takesPlace) values[`:s${index}`] = state;
    });
    const others = takesPlace ? ` OR payment.#state IN (${NOT_TAKING_MONEY.map((_, index) => `:s${index}`).join(', ')})` : '';
    return {
      Update: {
        TableName: tableName,
        Key: marshall(subjectItemKey(after.subject)),
        UpdateExpression: 'SET payment = :summary, updatedAt = :updatedAt',
        ConditionExpression: `attribute_exists(pk) AND (payment.id = :id${others})`,
        ...(takesPlace && { ExpressionAttributeNames: { '#state': 'state' } }),
        ExpressionAttributeValues: marshall(values),
      },
    };
  };

  const get = async (paymentId: string): Promise<Payment | undefined> => {
    const result = await client.send(
      new GetItemCommand({ TableName: tableName, Key: marshall(paymentKey(paymentId)), ConsistentRead: true }),
    );
    return result.Item ? (strip(unmarshall(result.Item)) as unknown as Payment) : undefined;
  };

  return {
    get,

    async create(
      payment: Payment,
      options: {
        replaces: string | undefined;
        claim?: IdempotencyClaim | undefined;
        timeline?: readonly TimelineEntry[] | undefined;
      },
    ) {
      const replaceable = options.replaces
        ? '(attribute_not_exists(payment) OR payment.id = :replaces)'
        : 'attribute_not_exists(payment)';
      const items: TransactWriteItem[] = [
        put({ ...paymentKey(payment.id), type: 'payment', ...payment }, 'attribute_not_exists(pk)'),
        put(historyItem(payment.id, { at: payment.createdAt, kind: 'started' }, payment.id)),
        {
          Update: {
            TableName: tableName,
            Key: marshall(subjectItemKey(payment.subject)),
            UpdateExpression: 'SET payment = :summary',
            ConditionExpression: `attribute_exists(pk) AND ${replaceable}`,
            ExpressionAttributeValues: marshall({
              ':summary': summaryOf(payment),
              ...(options.replaces && { ':replaces': options.replaces }),
            }),
          },
        },
        ...(options.claim ? [claimPut(tableName, PAY_SCOPE, options.claim, { paymentId: payment.id })] : []),
        // Last, so the claim stays at index 3 (read from a cancellation's reasons).
        ...(options.timeline ?? []).map((entry) => timelinePut(tableName, entry)),
        ...channelCountWrites(tableName, options.timeline ?? []),
      ];
      const outcome = await transactWrite(client, items);
      if (outcome.ok) return { kind: 'created' } satisfies CreatePaymentResult;
      const claimed = existingItem(outcome, 3);
      if (claimed) return { kind: 'replay', paymentId: String(claimed.paymentId), fingerprint: String(claimed.fingerprint) };
      // The subject moved on (or, one in 10^16, the new id was taken): the domain looks again.
      return { kind: 'subject-changed' };
    },

    async attachCheckout(payment: Payment, checkout: Checkout) {
      await client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: marshall(paymentKey(payment.id)),
          UpdateExpression: 'SET checkout = :checkout, gsi1pk = :ref, gsi1sk = :sk',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(checkout) OR checkout.#reference = :reference)',
          ExpressionAttributeNames: { '#reference': 'reference' },
          ExpressionAttributeValues: marshall({
            ':checkout': checkout,
            ':ref': checkoutIndexKey(payment.provider, checkout.reference),
            ':sk': 'PAYMENT',
            ':reference': checkout.reference,
          }),
        }),
      );
    },

    async details(paymentId: string) {
      const result = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: marshall({ ':pk': `PAY#${paymentId}` }),
          ConsistentRead: true,
        }),
      );
      const items = (result.Items ?? []).map((item) => unmarshall(item));
      const found = items.find((item) => item.type === 'payment');
      if (!found) return undefined;
      const history = items
        .filter((item) => item.type === PAYMENT_HISTORY_TYPE)
        .map(
          (item) =>
            ({ at: item.at, kind: item.kind, ...(item.amount !== undefined && { amount: item.amount }) }) as PaymentHistoryEntry,
        )
        .sort((a, b) => a.at.localeCompare(b.at));
      const refunds = items.filter((item) => item.type === 'refund').map((item) => strip(item) as unknown as Refund);
      return { payment: strip(found) as unknown as Payment, history, refunds };
    },

    async findByCheckoutReference(provider: string, reference: string) {
      const result = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: queueIndexName(),
          KeyConditionExpression: 'gsi1pk = :ref AND gsi1sk = :sk',
          ExpressionAttributeValues: marshall({ ':ref': checkoutIndexKey(provider, reference), ':sk': 'PAYMENT' }),
        }),
      );
      const item = result.Items?.[0];
      // The index is eventually consistent: read the payment itself before acting on it.
      return item ? get(String(unmarshall(item).id)) : undefined;
    },

    async currentOf(subject: PaymentSubject) {
      const result = await client.send(
        new GetItemCommand({
          TableName: tableName,
          Key: marshall(subjectItemKey(subject)),
          ProjectionExpression: 'payment',
          ConsistentRead: true,
        }),
      );
      const summary = result.Item ? (unmarshall(result.Item).payment as { id?: string } | undefined) : undefined;
      return summary?.id;
    },

    async recordEvent(change: EventChange): Promise<RecordEventResult> {
      const seen = put(
        {
          ...eventKey(change.provider, change.eventId),
          type: 'payment-event',
          paymentId: change.before.id,
          expiresAt: change.eventExpiresAt,
        },
        'attribute_not_exists(pk)',
      );
      const { after } = change;
      const write = async (withSubject: boolean) => {
        const items: TransactWriteItem[] = [seen];
        if (after) {
          items.push(updatePayment(change.before, after));
          if (change.entry) items.push(put(historyItem(after.id, change.entry, change.eventId)));
          if (withSubject) items.push(updateSubject(after));
          for (const entry of change.timeline ?? []) items.push(timelinePut(tableName, entry));
          items.push(...channelCountWrites(tableName, change.timeline ?? []));
        }
        return transactWrite(client, items);
      };
      let outcome = await write(true);
      let subjectUpdated = Boolean(after);
      if (conditionFailed(outcome, 0)) return { kind: 'duplicate' };
      if (conditionFailed(outcome, 1)) return { kind: 'stale' };
      if (!outcome.ok) {
        // The subject follows another payment that took money: record this one without moving the subject.
        outcome = await write(false);
        subjectUpdated = false;
        if (conditionFailed(outcome, 0)) return { kind: 'duplicate' };
        if (conditionFailed(outcome, 1)) return { kind: 'stale' };
        if (!outcome.ok) throw new Error(`Recording event ${change.eventId} failed: ${JSON.stringify(outcome.reasons)}`);
      }
      return { kind: 'recorded', subjectUpdated };
    },

    async reserveRefund(before: Payment, after: Payment, refund: Refund, claim: IdempotencyClaim | undefined, audit: AuditEntry) {
      const outcome = await transactWrite(client, [
        updatePayment(before, after),
        put({ ...refundKey(refund.paymentId, refund.id), type: 'refund', ...refund }, 'attribute_not_exists(pk)'),
        ...(claim ? [claimPut(tableName, refundScope(refund.paymentId), claim, { refundId: refund.id })] : []),
        // Last, so the claim's place (2) in the cancellation reasons stays where existingItem looks.
        put(auditItem(audit), 'attribute_not_exists(pk)'),
      ]);
      if (outcome.ok) return { kind: 'reserved' as const };
      const claimed = existingItem(outcome, 2);
      if (claimed)
        return { kind: 'replay' as const, refundId: String(claimed.refundId), fingerprint: String(claimed.fingerprint) };
      return { kind: 'stale' as const };
    },

    async finishRefund(
      before: Payment,
      after: Payment,
      refund: Refund,
      entry?: PaymentHistoryEntry,
      timeline: readonly TimelineEntry[] = [],
    ) {
      const write = (withSubject: boolean) =>
        transactWrite(client, [
          updatePayment(before, after),
          {
            Put: {
              TableName: tableName,
              Item: marshall(
                { ...refundKey(refund.paymentId, refund.id), type: 'refund', ...refund },
                { removeUndefinedValues: true },
              ),
              // Finished once: a concurrent retry of the same refund finds it done.
              ConditionExpression: '#state = :requested',
              ExpressionAttributeNames: { '#state': 'state' },
              ExpressionAttributeValues: marshall({ ':requested': 'requested' }),
            },
          },
          ...(entry ? [put(historyItem(after.id, entry, refund.id))] : []),
          ...(withSubject ? [updateSubject(after)] : []),
          ...timeline.map((told) => timelinePut(tableName, told)),
          ...channelCountWrites(tableName, timeline),
        ]);
      let outcome = await write(true);
      if (conditionFailed(outcome, 1)) return { kind: 'done' as const };
      if (conditionFailed(outcome, 0)) return { kind: 'stale' as const };
      if (!outcome.ok) {
        outcome = await write(false);
        if (conditionFailed(outcome, 1)) return { kind: 'done' as const };
        if (!outcome.ok) return { kind: 'stale' as const };
      }
      return { kind: 'done' as const };
    },

    async getRefund(paymentId: string, refundId: string) {
      const result = await client.send(
        new GetItemCommand({ TableName: tableName, Key: marshall(refundKey(paymentId, refundId)), ConsistentRead: true }),
      );
      return result.Item ? (strip(unmarshall(result.Item)) as unknown as Refund) : undefined;
    },
  };
}
