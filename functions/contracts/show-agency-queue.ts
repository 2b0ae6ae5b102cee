import { type Contracts, error, page, type RouteContract, timestamp, z } from './contract.ts';
import { confirmationCode, paymentSummary, status } from './shared.ts';

/** The queue's filter, as the queue, its page and its export read it (functions/domain/case-queue.ts). */
export const queueFilter = {
  status: { description: 'Which status to list (`received` when absent)', schema: z.string() },
  service: { description: 'Only this service', schema: z.string() },
  mine: { description: '`yes`: only cases assigned to the caller', schema: z.string() },
  order: { description: '`oldest` (default) or `newest` first', schema: z.string() },
} satisfies RouteContract['query'];

export default {
  showAgencyQueue: {
    query: { ...queueFilter, cursor: { description: 'The `next` or `previous` of the page before', schema: z.string() } },
    responses: {
      200: {
        description: 'One page of the queue, with counts by status',
        json: z.object({
          counts: z.record(z.string(), z.number().int()),
          oldestOpenSince: timestamp.optional(),
          cases: z.array(
            z.object({
              code: confirmationCode,
              serviceId: z.string(),
              formId: z.string(),
              status,
              submittedAt: timestamp,
              updatedAt: timestamp,
              assignedTo: z.object({ subject: z.string(), name: z.string() }).optional(),
              payment: paymentSummary.optional(),
            }),
          ),
          next: z.string().optional(),
          previous: z.string().optional(),
        }),
      },
      400: error('The cursor is not one this queue gave'),
      404: error('No such agency queue for this caller'),
    },
  },
  agencyQueuePage: {
    query: {
      ...queueFilter,
      cursor: { description: 'The `next` or `previous` link of the page before', schema: z.string() },
    },
    responses: {
      200: page('One page of the queue with its filters, counts by status and the oldest open case'),
      400: error('The cursor is not one this queue gave'),
      404: error('No such agency queue for this caller'),
    },
  },
} satisfies Contracts;
