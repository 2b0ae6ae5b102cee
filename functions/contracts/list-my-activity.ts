import { type Contracts, error, timestamp, z } from './contract.ts';

const item = z
  .object({
    id: z.string(),
    kind: z.string().describe('submitted, status-changed, message, payment-started, paid, refunded, notification…, contact, …'),
    occurredAt: timestamp,
    label: z.string().describe('What happened, in words, in the language asked for'),
    summary: z.string().optional().describe("For a contact from another channel: that channel's short summary"),
    channelLabel: z.string(),
    directionLabel: z.string(),
    actorLabel: z.string(),
    agencyName: z.string(),
    caseCode: z.string().optional(),
    statusUrl: z.string().optional(),
  })
  .meta({ id: 'ActivityItem' });

export default {
  listMyActivity: {
    query: {
      cursor: { description: 'The `next` of the page before', schema: z.string() },
      limit: { description: 'Entries a page (default 25)', schema: z.string() },
    },
    responses: {
      200: {
        description: "One page of the person's timeline, newest first",
        json: z.object({ items: z.array(item), next: z.string().optional(), nextUrl: z.string().optional() }),
      },
      400: error('The cursor is not one this list gave'),
    },
  },
} satisfies Contracts;
