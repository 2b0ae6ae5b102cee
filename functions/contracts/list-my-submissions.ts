import { type Contracts, timestamp, z } from './contract.ts';
import { confirmationCode, paymentSummary, status } from './shared.ts';

const item = z.object({
  code: confirmationCode,
  formId: z.string(),
  serviceId: z.string(),
  agency: z.string(),
  status,
  submittedAt: timestamp,
  updatedAt: timestamp,
  payment: paymentSummary.optional(),
  message: z.string().optional().describe('What the agency said with the current status'),
  serviceTitle: z.string(),
  statusLabel: z.string(),
  statusMeaning: z.string().describe("The status page's own words for what the status means"),
  statusUrl: z.string(),
  withdrawUrl: z.string().optional().describe('While the agency is still working on it: where to withdraw it'),
  paymentLabel: z.string(),
  paymentUrl: z.string().optional(),
});

export default {
  listMySubmissions: {
    responses: {
      200: {
        description: "The caller's own submissions, newest first (at most 100)",
        json: z.object({ submissions: z.array(item) }),
      },
    },
  },
} satisfies Contracts;
