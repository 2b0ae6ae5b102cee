/**
 * The agency events' schemas (decision 0096), for the OpenAPI document's `webhooks`: what a rule's target on the
 * portal's event bus receives — EventBridge's envelope around each event's `detail` (functions/domain/agency-events.ts).
 */
import { AGENCY_EVENT_SOURCE, type AgencyEventType } from '#domain/agency-events';
import { timestamp, z } from './contract.ts';
import { confirmationCode, status } from './shared.ts';

const common = {
  eventId: z.string().describe('The same for every delivery of one change: drop a repeat by it'),
  agency: z.string().describe('The agency id, e.g. `vital-records`'),
  occurredAt: timestamp.describe('When the change happened'),
};
const aboutCase = {
  confirmationCode,
  caseUrl: z.string().describe("Where a system with staff credentials reads the case (the API's `showCase`)"),
};

const details: Record<AgencyEventType, { name: string; summary: string; detail: z.ZodType }> = {
  'Submission Received': {
    name: 'submissionReceived',
    summary: 'A form was sent: the new case, its service and form',
    detail: z
      .object({
        ...common,
        ...aboutCase,
        serviceId: z.string(),
        formId: z.string(),
        channel: z.enum(['web', 'api']).describe("`web`: the site's forms; `api`: a JSON client"),
      })
      .meta({ id: 'SubmissionReceived' }),
  },
  'Case Status Changed': {
    name: 'caseStatusChanged',
    summary: 'Staff moved a case through the workflow (or the applicant withdrew it): the new status',
    detail: z.object({ ...common, ...aboutCase, serviceId: z.string(), status }).meta({ id: 'CaseStatusChanged' }),
  },
  'Payment Settled': {
    name: 'paymentSettled',
    summary: "A payment was paid (the provider confirmed it): a case's fee or a bill by reference",
    detail: z
      .object({
        ...common,
        paymentId: z.string().describe('The payment (also its receipt number)'),
        amount: z.number().int().describe('In cents'),
        currency: z.string(),
        subject: z.union([
          z.object({ kind: z.literal('submission'), confirmationCode }),
          z.object({ kind: z.literal('bill'), reference: z.string() }),
        ]),
      })
      .meta({ id: 'PaymentSettled' }),
  },
};

/** Each event type's envelope as a target receives it. */
export const agencyEventSchemas = Object.entries(details).map(([type, { name, summary, detail }]) => ({
  type: type as AgencyEventType,
  name,
  summary,
  envelope: z.object({
    version: z.literal('0'),
    id: z.string().describe("EventBridge's id of this delivery"),
    'detail-type': z.literal(type),
    source: z.literal(AGENCY_EVENT_SOURCE),
    account: z.string(),
    time: timestamp,
    region: z.string(),
    resources: z.array(z.string()),
    detail,
  }),
}));
