/**
 * Bills and fines paid by reference (a parking ticket: its number and the car's plate). Agencies load them
 * through a machine route (PUT /api/bills/{reference}, scope frontdoor/bills); the amount is the agency's,
 * never the browser's. A bill is found only with its reference AND the check value printed beside it (the
 * plate, or a ZIP code), and both failures look the same, so references cannot be collected by guessing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { translate } from '#catalog/i18n';
import type { Locale, Localized, Strings } from '#catalog/schema';
import { BadRequestError, ConflictError, NotFoundError } from '#shared/errors';
import type { PaymentSummary } from './payment-state.ts';

export interface Bill {
  /** As printed, normalised: upper case letters and digits. Unique across the portal (agencies prefix theirs). */
  reference: string;
  agency: string;
  /** What it is for, as the person will recognise it ("Parking ticket, 5th Street, 2 March"). */
  description: Localized;
  amount: number;
  currency: 'USD';
  /** The second thing the person types (plate or ZIP code), normalised like the reference. */
  check: string;
  refundable: boolean;
  /** yyyy-mm-dd, shown to the person. */
  dueOn?: string | undefined;
  /** Withdrawn by the agency (a dismissed ticket): nothing to pay. */
  cancelled?: boolean | undefined;
  loadedAt: string;
  payment?: PaymentSummary | undefined;
}

export interface BillStore {
  get(reference: string): Promise<Bill | undefined>;
  /**
   * Saves the bill unless someone may have paid it: only a bill without a payment, or whose payment ended
   * unpaid (endedUnpaid in payment-state.ts), may change.
   */
  put(bill: Bill): Promise<'saved' | 'has-payment'>;
}

const REFERENCE = /^[A-Z0-9]{4,32}$/;
const MAX_AMOUNT = 10_000_000; // $100,000: far above any fine; a typo guard for the agency's loader.
export const MAX_AGENCY_ID = 64;

/** What people type: any case, spaces and dashes anywhere. */
export function normaliseReference(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '');
}

function sameCheck(typed: string, stored: string): boolean {
  const a = createHash('sha256').update(normaliseReference(typed)).digest();
  const b = createHash('sha256').update(stored).digest();
  return timingSafeEqual(a, b);
}

export interface FindBillInput {
  reference: string;
  check: string;
  locale: Locale;
}

/** The bill with that reference and check value, or a 404 that does not say which of the two was wrong. */
export async function findBill(input: FindBillInput, deps: { store: BillStore; strings: Strings }): Promise<Bill> {
  const t = (key: string) => translate(deps.strings, key, input.locale);
  const reference = normaliseReference(input.reference);
  if (reference === '' || normaliseReference(input.check) === '') throw new BadRequestError(t('bill.bothNeeded'));
  if (!REFERENCE.test(reference)) throw new BadRequestError(t('bill.referenceShape'));
  const bill = await deps.store.get(reference);
  if (!bill || !sameCheck(input.check, bill.check)) throw new NotFoundError(t('bill.notFound'));
  if (bill.cancelled) throw new ConflictError(t('bill.cancelled'));
  return bill;
}

export class InvalidBillError extends BadRequestError {
  override name = 'InvalidBillError';
  override readonly statusCode = 422;
  override readonly code = 'invalid_bill';
}

function localized(value: unknown): value is Localized {
  if (typeof value !== 'object' || value === null) return false;
  const { en, es } = value as Record<string, unknown>;
  return typeof en === 'string' && en.trim() !== '' && typeof es === 'string' && es.trim() !== '';
}

/**
 * Checks a bill an agency sends (JSON) and names every problem at once. The loader is a program, so the
 * messages are for its developer, in English.
 */
export function parseBill(reference: string, body: unknown, now: Date): Bill {
  const problems: string[] = [];
  const ref = normaliseReference(reference);
  if (!REFERENCE.test(ref)) problems.push('reference: use 4 to 32 letters and digits (spaces and dashes are ignored)');
  const data = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const allowed = new Set(['agency', 'description', 'amount', 'currency', 'check', 'refundable', 'dueOn', 'cancelled']);
  for (const key of Object.keys(data))
    if (!allowed.has(key)) problems.push(`${key}: not a bill field (use ${[...allowed].join(', ')})`);
  const { agency, description, amount, currency, check, refundable, dueOn, cancelled } = data;
  if (typeof agency !== 'string' || agency.length > MAX_AGENCY_ID || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(agency))
    problems.push(`agency: the agency id, like "motor-vehicles" (at most ${MAX_AGENCY_ID} characters)`);
  if (!localized(description)) problems.push('description: { "en": "…", "es": "…" }, both non-empty');
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0 || amount > MAX_AMOUNT)
    problems.push(`amount: whole cents, from 1 to ${MAX_AMOUNT}`);
  if (currency !== 'USD') problems.push('currency: "USD"');
  const checkValue = typeof check === 'string' ? normaliseReference(check) : '';
  if (!/^[A-Z0-9]{2,16}$/.test(checkValue))
    problems.push('check: the plate or ZIP code printed on the bill, 2 to 16 letters and digits');
  if (typeof refundable !== 'boolean') problems.push('refundable: true or false');
  if (dueOn !== undefined && (typeof dueOn !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(dueOn) || Number.isNaN(Date.parse(dueOn))))
    problems.push('dueOn: a date like 2026-12-31');
  if (cancelled !== undefined && typeof cancelled !== 'boolean') problems.push('cancelled: true or false');
  if (problems.length > 0) throw new InvalidBillError(`The bill has ${problems.length} problem(s): ${problems.join('; ')}`);
  return {
    reference: ref,
    agency: agency as string,
    description: description as Localized,
    amount: amount as number,
    currency: 'USD',
    check: checkValue,
    refundable: refundable as boolean,
    ...(dueOn !== undefined && { dueOn: dueOn as string }),
    ...(cancelled !== undefined && { cancelled: cancelled as boolean }),
    loadedAt: now.toISOString(),
  };
}

/** Saves a bill from the agency; a bill that already has a payment cannot be changed (409). */
export async function loadBill(bill: Bill, deps: { store: BillStore }): Promise<void> {
  const result = await deps.store.put(bill);
  if (result === 'has-payment')
    throw new ConflictError(
      `Bill ${bill.reference} already has a payment; it cannot be changed. Refund it first or issue a new reference.`,
    );
}
