import { badRequest, caseForm, conflict } from './case-change.ts';
import { type Contracts, error, z } from './contract.ts';

const fields = z.object({
  to: z.enum(['me', 'nobody']),
  version: z
    .string()
    .regex(/^\d{1,9}$/)
    .describe('The version of the case the change is made on'),
});

export default {
  assignCase: {
    request: { description: 'Whom to assign it to, and the version it applies to', required: true, json: fields, form: fields },
    responses: {
      200: {
        description: 'Assigned (or unassigned)',
        json: z.object({
          code: z.string(),
          assignedTo: z.object({ subject: z.string(), name: z.string() }).nullable(),
          version: z.number().int(),
        }),
      },
      400: badRequest,
      404: error("No such case in the caller's agency"),
      409: conflict,
    },
  },
  assignCaseForm: caseForm(
    fields.extend({ _csrf: z.string().describe("The workspace page's CSRF token") }),
    'Whom to assign it to, and the version it applies to',
  ),
} satisfies Contracts;
