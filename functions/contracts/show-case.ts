import { type Contracts, error, page, z } from './contract.ts';
import { historyEntry, status } from './shared.ts';

export default {
  showCase: {
    responses: {
      200: {
        description: 'The case: answers, history, messages and notes (the read is audited; administrators also get `audit`)',
        json: z.looseObject({
          submission: z.looseObject({ code: z.string(), status, answers: z.record(z.string(), z.unknown()) }),
          history: z.array(historyEntry),
          messages: z.array(z.looseObject({})),
          version: z.number().int(),
          audit: z.array(z.looseObject({})).optional(),
          nextStatuses: z.array(status),
        }),
      },
      400: error('The code is not the shape of a confirmation code'),
      404: error("No such case in the caller's agency"),
    },
  },
  casePage: {
    responses: {
      200: page('The case with its timeline, and the forms that work it (status, message or note, assignment, refund)'),
      400: error('The code is not the shape of a confirmation code'),
      404: error("No such case in the caller's agency"),
    },
  },
} satisfies Contracts;
