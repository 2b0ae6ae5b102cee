import { badRequest, caseForm, conflict } from './case-change.ts';
import { type Contracts, error, z } from './contract.ts';
import { status } from './shared.ts';

const fields = z.object({
  status: status.describe('The status to move to'),
  version: z
    .string()
    .regex(/^\d{1,9}$/)
    .describe('The version of the case the change is made on'),
  message: z.string().optional().describe('To the citizen (needed for some statuses)'),
  reason: z.string().optional().describe('Why (needed for a denial)'),
});

export default {
  changeCaseStatus: {
    request: { description: 'The new status and the version it applies to', required: true, json: fields, form: fields },
    responses: {
      200: { description: 'Moved', json: z.object({ code: z.string(), status, version: z.number().int() }) },
      400: badRequest,
      404: error("No such case in the caller's agency"),
      409: conflict,
      422: error('The workflow does not allow that move, or a message or reason is missing'),
    },
  },
  changeCaseStatusForm: caseForm(
    fields.extend({ _csrf: z.string().describe("The workspace page's CSRF token") }),
    'The new status and the version it applies to',
  ),
} satisfies Contracts;
