import { type Contracts, error, type RouteContract, seeOther, timestamp, z } from './contract.ts';
import { confirmationCode, status } from './shared.ts';

const receipt = z
  .object({
    code: confirmationCode,
    status,
    submittedAt: timestamp,
    replayed: z.boolean().describe('True when this answers a repeat of a request already handled (same Idempotency-Key)'),
    statusUrl: z.string().describe('Where the submission stands (showStatus)'),
  })
  .meta({ id: 'Receipt' });

const submit: RouteContract = {
  request: {
    description:
      'The answers: JSON `{ "answers": { … } }` checked against the form\'s own schema (see `formId`), or the form\'s fields as a plain HTML form post',
    required: true,
    json: 'form-answers',
    form: z.record(z.string(), z.string()).describe('The form fields by name, plus `_idempotency` (optional)'),
  },
  headers: {
    'Idempotency-Key': {
      description: 'Send the same key again and the first submission is answered (no second one is made)',
      schema: z.string().max(128),
    },
  },
  responses: {
    201: {
      description: 'Received: the confirmation code',
      json: receipt,
      headers: { location: 'The status path', 'idempotent-replayed': '`true` when this repeats an earlier request' },
    },
    303: seeOther('A plain form post was received: to the status page with `?submitted=1`'),
    403: error("`_draft` names a signed-in person's draft and this browser does not hold its key (decision 82)"),
    404: error('No form by that id'),
    409: error('The Idempotency-Key was used before with other answers'),
    422: error('Some answers need correcting: `fields` names each (a form post gets the form again, marked)'),
  },
};

export default { submitForm: submit, submitMyForm: submit } satisfies Contracts;
