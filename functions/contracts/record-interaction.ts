import { ACTORS, CHANNELS, DIRECTIONS, MAX_SUMMARY } from '#domain/timeline';
import { type Answer, type Contracts, error, timestamp, z } from './contract.ts';

const interaction = z.object({
  channel: z.enum(CHANNELS).describe('The channel of the contact'),
  direction: z.enum(DIRECTIONS).describe('`in`: the person contacted the agency; `out`: the agency contacted them'),
  occurredAt: timestamp.describe('With its offset, e.g. 2026-12-01T09:30:00Z; not in the future, not before 2000'),
  agency: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  summary: z.string().min(1).max(MAX_SUMMARY).describe('One line: a short summary, no more personal data than it needs'),
  externalId: z
    .string()
    .regex(/^[A-Za-z0-9._:#/-]{1,128}$/)
    .describe("The sending system's own id: the same id twice is one entry"),
  actor: z.enum(ACTORS).optional().describe('Who it was with: `citizen` for a contact in, `staff` for one out, when absent'),
  person: z
    .object({
      confirmationCode: z.string().optional(),
      personId: z.string().optional(),
      email: z.string().optional().describe('A verified e-mail address'),
      phone: z.string().optional().describe('A verified phone number, E.164'),
    })
    .describe('How to find the person (at least one); a contact that matches nobody is kept "unlinked"'),
});

const receipt = (description: string): Answer => ({
  description,
  json: z.object({
    id: z.string(),
    linked: z.enum(['case', 'person', 'unlinked']).describe('`unlinked`: kept for staff to link from the workspace'),
    caseCode: z.string().optional(),
    replayed: z.boolean(),
  }),
});

export default {
  recordInteraction: {
    request: { description: 'The contact', required: true, json: interaction },
    responses: {
      201: receipt('Recorded'),
      200: receipt('The same externalId was recorded before: that entry'),
      400: error('The body is not JSON'),
      409: error('The same externalId was recorded before with other content'),
      422: error('Some fields are wrong: `fields` names each'),
    },
  },
} satisfies Contracts;
