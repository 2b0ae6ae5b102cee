import { badRequest, caseForm } from './case-change.ts';
import { type Contracts, error, z } from './contract.ts';

const fields = z.object({
  kind: z.enum(['message', 'note']).describe('`message` is shown to the citizen; `note` never is'),
  text: z.string(),
});

export default {
  addCaseMessage: {
    request: { description: 'The message or note', required: true, json: fields, form: fields },
    responses: {
      201: { description: 'Written', json: z.object({ message: z.looseObject({ kind: z.string(), text: z.string() }) }) },
      400: badRequest,
      404: error("No such case in the caller's agency"),
      422: error('The text is empty or too long'),
    },
  },
  addCaseMessageForm: caseForm(
    fields.extend({ _csrf: z.string().describe("The workspace page's CSRF token") }),
    'The message or note',
  ),
} satisfies Contracts;
