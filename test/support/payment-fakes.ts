/**
 * The payment rules' fakes for unit tests: an in-memory PaymentStore with the same conditions the DynamoDB
 * store puts on its transactions, and a provider that records what it was asked (the real ones are tested
 * against DynamoDB Local and the sandbox in test/integration/payments.test.ts).
 */

import type { AuditEntry } from '#domain/audit';
import type { Caller } from '#domain/authorization';
import { startPayment } from '#domain/payment-checkout';
import { applyProviderEvent } from '#domain/payment-events';
import type { Payable } from '#domain/payment-payables';
import type { CheckoutRequest, PaymentProvider, ProviderEvent, RefundRequest } from '#domain/payment-provider';
import { ProviderRefusedError } from '#domain/payment-provider';
import {
  type EventChange,
  type Payment,
  type PaymentHistoryEntry,
  type PaymentStore,
  type Refund,
  subjectKey,
  summaryOf,
} from '#domain/payment-records';
import type { PaymentSummary } from '#domain/payment-state';
import { strings } from './forms.ts';

/** PaymentStore in memory, with the same conditions the DynamoDB store puts on its transactions. */
export function inMemoryStore(subjects: string[]) {
  const payments = new Map<string, Payment>();
  const pointers = new Map<string, PaymentSummary | undefined>(subjects.map((key) => [key, undefined]));
  const seen = new Set<string>();
  const claims = new Map<string, { id: string; fingerprint: string }>();
  const history = new Map<string, PaymentHistoryEntry[]>();
  const refunds = new Map<string, Refund>();
  /** Audit entries written with refunds, in the same (here: the one) step. */
  const audits: AuditEntry[] = [];
  /** Every change the rules asked the store to record, as asked. */
  const changes: EventChange[] = [];
  const copy = <T>(value: T): T => structuredClone(value);
  const takesPlace = (p: Payment) => ['paid', 'partially-refunded', 'refunded', 'processing'].includes(p.state);
  const moveSubject = (after: Payment): boolean => {
    const key = subjectKey(after.subject);
    const current = pointers.get(key);
    const free = !current || ['pending', 'declined', 'failed', 'expired'].includes(current.state);
    if (current?.id === after.id || (takesPlace(after) && free)) {
      pointers.set(key, summaryOf(after));
      return true;
    }
    return false;
  };
  const store: PaymentStore = {
    async create(payment, { replaces, claim }) {
      const claimed = claim && claims.get(`PAY#${claim.key}`);
      if (claimed) return { kind: 'replay', paymentId: claimed.id, fingerprint: claimed.fingerprint };
      const key = subjectKey(payment.subject);
      if (!pointers.has(key) || (pointers.get(key)?.id ?? undefined) !== replaces) return { kind: 'subject-changed' };
      payments.set(payment.id, copy(payment));
      pointers.set(key, summaryOf(payment));
      if (claim) claims.set(`PAY#${claim.key}`, { id: payment.id, fingerprint: claim.fingerprint });
      return { kind: 'created' };
    },
    async attachCheckout(payment, checkout) {
      const stored = payments.get(payment.id)!;
      if (stored.checkout && stored.checkout.reference !== checkout.reference) throw new Error('another checkout');
      stored.checkout = checkout;
    },
    get: async (id) => copy(payments.get(id)),
    async details(id) {
      const payment = payments.get(id);
      return (
        payment && {
          payment: copy(payment),
          history: history.get(id) ?? [],
          refunds: [...refunds.values()].filter((r) => r.paymentId === id),
        }
      );
    },
    findByCheckoutReference: async (_provider, reference) =>
      copy([...payments.values()].find((p) => p.checkout?.reference === reference)),
    currentOf: async (subject) => pointers.get(subjectKey(subject))?.id,
    async recordEvent(change) {
      const { eventId, before, after, entry } = change;
      changes.push(copy(change));
      if (seen.has(eventId)) return { kind: 'duplicate' };
      if (after && payments.get(before.id)?.version !== before.version) return { kind: 'stale' };
      seen.add(eventId);
      if (!after) return { kind: 'recorded', subjectUpdated: false };
      payments.set(after.id, { ...copy(after), checkout: payments.get(after.id)?.checkout });
      if (entry) history.set(after.id, [...(history.get(after.id) ?? []), entry]);
      return { kind: 'recorded', subjectUpdated: moveSubject(after) };
    },
    async reserveRefund(before, after, refund, claim, audit) {
      const claimed = claim && claims.get(`REFUND#${before.id}#${claim.key}`);
      if (claimed) return { kind: 'replay', refundId: claimed.id, fingerprint: claimed.fingerprint };
      if (payments.get(before.id)?.version !== before.version) return { kind: 'stale' };
      payments.set(after.id, { ...copy(after), checkout: payments.get(after.id)?.checkout });
      refunds.set(refund.id, copy(refund));
      audits.push(copy(audit));
      if (claim) claims.set(`REFUND#${before.id}#${claim.key}`, { id: refund.id, fingerprint: claim.fingerprint });
      return { kind: 'reserved' };
    },
    async finishRefund(before, after, refund, entry) {
      if (refunds.get(refund.id)?.state !== 'requested') return { kind: 'done' };
      if (payments.get(before.id)?.version !== before.version) return { kind: 'stale' };
      payments.set(after.id, { ...copy(after), checkout: payments.get(after.id)?.checkout });
      refunds.set(refund.id, copy(refund));
      if (entry) history.set(after.id, [...(history.get(after.id) ?? []), entry]);
      moveSubject(after);
      return { kind: 'done' };
    },
    getRefund: async (_paymentId, refundId) => copy(refunds.get(refundId)),
  };
  return { store, payments, pointers, seen, history, refunds, changes, claims, audits };
}

/** A provider that records what it was asked; one checkout per idempotency key, like Stripe. */
export function fakeProvider(
  options: {
    refuseRefunds?: boolean;
    status?: (reference: string) => ProviderEvent | undefined;
    /** How many createCheckout calls fail (the provider down) before they work. */
    failCheckouts?: number;
    /** How many refund calls fail with an unknown outcome (a timeout) before they work. */
    crashRefunds?: number;
  } = {},
) {
  const checkouts = new Map<string, CheckoutRequest & { reference: string }>();
  const refunds: RefundRequest[] = [];
  const calls = { createCheckout: 0, checkoutStatus: 0, refund: 0 };
  let failures = options.failCheckouts ?? 0;
  let crashes = options.crashRefunds ?? 0;
  const provider: PaymentProvider = {
    name: 'fake',
    async createCheckout(request) {
      calls.createCheckout++;
      if (failures-- > 0) throw new Error('provider unreachable');
      const existing = checkouts.get(request.idempotencyKey);
      const reference = existing?.reference ?? `cs_${checkouts.size + 1}`;
      checkouts.set(request.idempotencyKey, { ...request, reference });
      return { reference, url: `https://pay.example/${reference}`, expiresAt: request.expiresAt.toISOString() };
    },
    verifyWebhook: async () => {
      throw new Error('not used');
    },
    checkoutStatus: async (reference) => {
      calls.checkoutStatus++;
      return options.status?.(reference);
    },
    async refund(request) {
      calls.refund++;
      if (crashes-- > 0) throw new Error('provider timed out');
      if (options.refuseRefunds) throw new ProviderRefusedError('no');
      refunds.push(request);
      return { reference: `re_${refunds.length}`, state: 'succeeded' };
    },
  };
  return { provider, checkouts, refunds, calls };
}

export const NOW = new Date('2026-11-22T15:00:00.000Z');
export const later = (minutes: number) => () => new Date(NOW.getTime() + minutes * 60_000);
let ids = 0;
export const newId = () => `PAY${String(++ids).padStart(9, '0')}`;

export const payable: Payable = {
  subject: { kind: 'submission', code: 'ABCD-EFGH-JKMN' },
  agency: 'vital-records',
  amount: 2500,
  currency: 'USD',
  description: { en: 'Birth certificate: one copy', es: 'Acta de nacimiento: una copia' },
  refundable: true,
};

export function setup(options: Parameters<typeof fakeProvider>[0] = {}) {
  const memory = inMemoryStore([subjectKey(payable.subject)]);
  const fake = fakeProvider(options);
  const deps = {
    store: memory.store,
    provider: fake.provider,
    strings,
    now: () => NOW,
    newId,
    returnUrls: (p: Payment) => ({
      successUrl: `https://portal.example/p/${p.id}`,
      cancelUrl: `https://portal.example/p/${p.id}?x`,
    }),
  };
  const alarms: string[] = [];
  const alarmDetails: { name: string; details: Record<string, unknown> }[] = [];
  const alarm = async (name: string, details: Record<string, unknown>) => {
    alarms.push(name);
    alarmDetails.push({ name, details });
  };
  const start = async (key?: string, at = deps.now) =>
    startPayment(
      { ...payable, current: memory.pointers.get(subjectKey(payable.subject)) },
      { locale: 'en', idempotencyKey: key },
      { ...deps, now: at },
    );
  const event = (id: string, kind: ProviderEvent['kind'], paymentId: string, extra: Partial<ProviderEvent> = {}) =>
    applyProviderEvent(
      {
        id,
        kind,
        paymentId,
        occurredAt: NOW.toISOString(),
        ...(kind === 'succeeded' && { amount: 2500, currency: 'USD' }),
        ...extra,
      },
      { store: memory.store, provider: 'fake', strings, alarm, now: () => NOW },
    );
  // `refunds` is what the provider was asked; `storedRefunds` what the store keeps.
  return { ...memory, ...fake, storedRefunds: memory.refunds, deps, alarms, alarmDetails, alarm, start, event };
}

export const staff = (agency: string): Caller => ({ kind: 'person', subject: 'staff-1', groups: [`staff:${agency}`] });
