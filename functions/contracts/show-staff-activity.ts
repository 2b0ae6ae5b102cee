import { type Contracts, error, type RouteContract, timestamp, z } from './contract.ts';

const entry = z
  .looseObject({
    id: z.string(),
    at: timestamp,
    actor: z.object({ subject: z.string(), name: z.string(), agency: z.string() }),
    action: z.string().describe('What was done: a case read, a status change, a refund, an export, …'),
    record: z.string().describe("The record acted on: a confirmation code, a payment id, or the export's filter"),
    detail: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: 'AuditEntry' });

/** The Bearer route and the cookie's page route answer alike: JSON when asked for, the page for a browser. */
const activity: RouteContract = {
  query: {
    cursor: { description: 'The `next` or `previous` of the page before', schema: z.string() },
    page: { description: "The page's number (for the page's own pagination)", schema: z.string() },
  },
  responses: {
    200: {
      description: 'One page of what the staff member did for the agency, newest first (50 a page)',
      json: z.object({ entries: z.array(entry), next: z.string().optional(), previous: z.string().optional() }),
      html: true,
    },
    400: error('The cursor is not one this list gave'),
    403: error("Only the agency's administrators read a staff member's activity"),
    404: error("No such agency for this caller, or not a staff member's id"),
  },
};

export default {
  showStaffActivity: activity,
  staffActivityPage: activity,
} satisfies Contracts;
