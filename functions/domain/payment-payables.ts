/**
 * What a person can pay for, with the amount its owner set: an application's fee from the catalog, or an
 * agency's bill. The amount always comes from there, never from the browser.
 */
import { translate } from '#catalog/i18n';
import type { Fee, Locale, Localized, Strings } from '#catalog/schema';
import { BadRequestError, NotFoundError, PortalError } from '#shared/errors';
import { parseConfirmationCode } from './confirmation-code.ts';
import { feeOfSubmission } from './fees.ts';
import { type Bill, type BillStore, findBill } from './payment-bills.ts';
import { parsePaymentId } from './payment-ids.ts';
import type { PaymentStore, PaymentSubject } from './payment-records.ts';
import type { PaymentSummary } from './payment-state.ts';
import type { SubmissionStore } from './submissions.ts';

/** Something a person can pay for, with the amount its owner set. */
export interface Payable {
  subject: PaymentSubject;
  agency: string;
  amount: number;
  currency: string;
  /** What the payment is for, as the receipt and the provider's page say it. */
  description: Localized;
  refundable: boolean;
  /** The payment already started for it, if any. */
  current?: PaymentSummary | undefined;
  /** The signed-in person whose submission it is (their timeline shows the payment). */
  ownerSubject?: string | undefined;
  /** The submission's service (the payment's timeline entries count for it). */
  serviceId?: string | undefined;
}

export class NotPayableError extends PortalError {
  override name = 'NotPayableError';
  override readonly statusCode = 409;
  override readonly code = 'not_payable';
}

/** What a payment for a submission needs to know of its service: the catalog's fee. */
export interface FeeService {
  title: Localized;
  agency: string;
  fee?: Fee | undefined;
}

/** The submission with that confirmation code, as something to pay: its service's fee, from the catalog. */
export async function findPayableSubmission(
  rawCode: string,
  locale: Locale,
  deps: { submissions: SubmissionStore; serviceOf: (formId: string) => Promise<FeeService | undefined>; strings: Strings },
): Promise<Payable> {
  const t = (key: string) => translate(deps.strings, key, locale);
  const parsed = parseConfirmationCode(rawCode);
  if (!parsed.ok) throw new BadRequestError(t(parsed.reason === 'check' ? 'status.codeMistyped' : 'status.codeShape'));
  const found = await deps.submissions.findByCode(parsed.code);
  if (!found) throw new NotFoundError(t('status.notFound'));
  const { submission } = found;
  const service = await deps.serviceOf(submission.formId);
  if (!service?.fee) throw new NotPayableError(t('payment.noFee'));
  const { fee } = service;
  // What it costs was fixed from the answers when it was sent (fees.ts), never from the browser.
  const due = feeOfSubmission(submission, fee) ?? { amount: fee.amount, currency: fee.currency };
  return {
    subject: { kind: 'submission', code: submission.code },
    agency: submission.agency,
    amount: due.amount,
    currency: due.currency,
    description: { en: `${service.title.en}: ${fee.description.en}`, es: `${service.title.es}: ${fee.description.es}` },
    refundable: fee.refundable,
    current: submission.payment,
    serviceId: submission.serviceId,
    ...(submission.ownerSubject && { ownerSubject: submission.ownerSubject }),
  };
}

/** A bill as something to pay: the agency's amount. */
export function payableBill(bill: Bill): Payable {
  return {
    subject: { kind: 'bill', reference: bill.reference },
    agency: bill.agency,
    amount: bill.amount,
    currency: bill.currency,
    description: bill.description,
    refundable: bill.refundable,
    current: bill.payment,
  };
}

/** What a request to pay names: an application's code, a bill (reference and check value), or an earlier payment. */
export interface PayRequest {
  code?: string | undefined;
  bill?: string | undefined;
  check?: string | undefined;
  /** "Try again" from a payment's page: the payment's id (unguessable) stands for what it paid for. */
  payment?: string | undefined;
}

export interface PayableDeps {
  payments: Pick<PaymentStore, 'get'>;
  submissions: SubmissionStore;
  bills: BillStore;
  serviceOf: (formId: string) => Promise<FeeService | undefined>;
  strings: Strings;
}

/** What `request` asks to pay for; the first of payment, code and bill that it names wins. */
export async function findPayable(request: PayRequest, locale: Locale, deps: PayableDeps): Promise<Payable> {
  const t = (key: string) => translate(deps.strings, key, locale);
  if (request.payment !== undefined) {
    const id = parsePaymentId(request.payment);
    const earlier = id && (await deps.payments.get(id));
    if (!earlier) throw new NotFoundError(t('payment.notFound'));
    if (earlier.subject.kind === 'submission') return findPayableSubmission(earlier.subject.code, locale, deps);
    const bill = await deps.bills.get(earlier.subject.reference);
    if (!bill) throw new NotFoundError(t('payment.notFound'));
    return payableBill(bill);
  }
  if (request.code !== undefined) return findPayableSubmission(request.code, locale, deps);
  if (request.bill !== undefined)
    return payableBill(
      await findBill(
        { reference: request.bill, check: request.check ?? '', locale },
        { store: deps.bills, strings: deps.strings },
      ),
    );
  throw new BadRequestError(t('payment.whatToPay'));
}
