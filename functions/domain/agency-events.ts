/**
 * Events for agency systems (decision 0096): a submission received, a case's status changed, a payment settled,
 * published on the portal's event bus so an agency's case management or finance system subscribes with an
 * EventBridge rule (or an API destination) without touching the portal.
 *
 * They are made from what the table already writes in the same transaction as the change (the outbox): the
 * timeline's `submitted` and `status-changed` entries, and a payment's `paid` history entry (a bill paid by
 * reference has no case and no timeline, so the payment's own history is the one record of every settlement).
 *
 * An event carries ids, the service and the status or amount: never answers, names or addresses. A system that
 * needs the case reads it through the API (`caseUrl`) with its own credentials. Delivery is at least once (the
 * stream and EventBridge both retry): `eventId` is the same every time one change is delivered, so a consumer
 * drops a repeat by it.
 */
import type { Payment, PaymentHistoryEntry, PaymentSubject } from './payment-records.ts';
import type { Submission, SubmissionStatus } from './submissions.ts';
import type { TimelineEntry } from './timeline.ts';

/** The `source` of every event (EventBridge reserves `aws.`). */
export const AGENCY_EVENT_SOURCE = 'front-door';

export const AGENCY_EVENT_TYPES = ['Submission Received', 'Case Status Changed', 'Payment Settled'] as const;
export type AgencyEventType = (typeof AGENCY_EVENT_TYPES)[number];

interface Common {
  /** The same for every delivery of one change: drop a repeat by it. */
  eventId: string;
  agency: string;
  occurredAt: string;
}

/** Where a system with staff credentials reads the case (the API's `showCase`). */
interface AboutCase {
  confirmationCode: string;
  caseUrl: string;
}

export interface SubmissionReceived extends Common, AboutCase {
  serviceId: string;
  formId: string;
  /** `web` (the site's forms) or `api` (a JSON client). */
  channel: Submission['channel'];
}

export interface CaseStatusChanged extends Common, AboutCase {
  serviceId: string;
  status: SubmissionStatus;
}

export interface PaymentSettled extends Common {
  paymentId: string;
  amount: number;
  currency: string;
  /** What was paid: a case's fee (its confirmation code) or a bill (its reference). */
  subject: { kind: 'submission'; confirmationCode: string } | { kind: 'bill'; reference: string };
}

export type AgencyEvent =
  | { type: 'Submission Received'; detail: SubmissionReceived }
  | { type: 'Case Status Changed'; detail: CaseStatusChanged }
  | { type: 'Payment Settled'; detail: PaymentSettled };

/** The timeline entries that become events (the stream filter on AWS lists the same kinds). */
export const EVENT_ENTRY_KINDS = ['submitted', 'status-changed'] as const satisfies readonly TimelineEntry['kind'][];

/** The payment history entry that becomes an event. */
export const EVENT_PAYMENT_KIND = 'paid' satisfies PaymentHistoryEntry['kind'];

export function isEventEntry(entry: Pick<TimelineEntry, 'kind' | 'caseCode'>): boolean {
  return (EVENT_ENTRY_KINDS as readonly string[]).includes(entry.kind) && entry.caseCode !== undefined;
}

/**
 * The event for a timeline entry, given the submission it concerns (for the service and form); none for an
 * entry of another kind, or one whose submission is gone.
 */
export function eventOfEntry(
  entry: TimelineEntry,
  submission: Pick<Submission, 'code' | 'serviceId' | 'formId' | 'channel'> | undefined,
  caseUrl: (code: string) => string,
): AgencyEvent | undefined {
  if (!isEventEntry(entry) || !submission || submission.code !== entry.caseCode) return undefined;
  const common = {
    eventId: entry.id,
    agency: entry.agency,
    occurredAt: entry.occurredAt,
    confirmationCode: submission.code,
    caseUrl: caseUrl(submission.code),
  };
  if (entry.kind === 'submitted')
    return {
      type: 'Submission Received',
      detail: {
        ...common,
        serviceId: submission.serviceId,
        formId: submission.formId,
        channel: submission.channel,
      },
    };
  if (!entry.status) return undefined;
  return {
    type: 'Case Status Changed',
    detail: { ...common, serviceId: submission.serviceId, status: entry.status },
  };
}

function subjectOf(subject: PaymentSubject): PaymentSettled['subject'] {
  return subject.kind === 'submission'
    ? { kind: 'submission', confirmationCode: subject.code }
    : { kind: 'bill', reference: subject.reference };
}

/** The event for a payment's history entry: only `paid` is one (a payment is paid once: its states go forward). */
export function eventOfPaymentHistory(
  entry: Pick<PaymentHistoryEntry, 'kind' | 'at'>,
  payment: Pick<Payment, 'id' | 'agency' | 'amount' | 'currency' | 'subject'> | undefined,
): AgencyEvent | undefined {
  if (entry.kind !== EVENT_PAYMENT_KIND || !payment) return undefined;
  return {
    type: 'Payment Settled',
    detail: {
      eventId: `${payment.id}:${EVENT_PAYMENT_KIND}`,
      agency: payment.agency,
      occurredAt: entry.at,
      paymentId: payment.id,
      amount: payment.amount,
      currency: payment.currency,
      subject: subjectOf(payment.subject),
    },
  };
}
