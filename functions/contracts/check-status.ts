import { type Contracts, cents, error, type RouteContract, timestamp, z } from './contract.ts';
import { confirmationCode, historyEntry, paymentSummary, status } from './shared.ts';

const publicStatus = z
  .object({
    code: confirmationCode,
    status,
    formId: z.string(),
    serviceId: z.string(),
    submittedAt: timestamp,
    updatedAt: timestamp,
    history: z.array(historyEntry),
    payment: paymentSummary.optional(),
    message: z.string().optional().describe('What the agency told the applicant with the current status'),
    messageId: z.string().optional().describe('That message (the staff reply): the survey after a staff reply names it'),
    emailUnreachable: z
      .literal(true)
      .optional()
      .describe('Our last e-mail to the address on the application bounced or was marked unwanted (never the address)'),
    fee: z
      .object({ amount: cents, currency: z.string() })
      .optional()
      .describe('The fee due, fixed from the answers when it was sent (decision 87): the amount only, never the answers'),
  })
  .meta({ id: 'PublicStatus', description: 'Status and dates only: never answers or personal data' });

const answers = {
  200: { description: 'Where the submission stands (an HTML status page for browsers)', json: publicStatus, html: true },
  400: error('The code is not the shape of a confirmation code, or one character is mistyped'),
  404: error('No submission has that code'),
};
const query = {
  lang: { description: 'The language of messages and pages: `en` or `es`', schema: z.enum(['en', 'es']) },
  submitted: { description: 'Set by the redirect after a form post: the page says "received"', schema: z.string() },
};

export default {
  showStatus: { query, responses: answers } satisfies RouteContract,
  findStatus: {
    query: { ...query, code: { description: 'The confirmation code', required: true, schema: z.string() } },
    responses: answers,
  },
} satisfies Contracts;
