import { type Contracts, error, seeOther, timestamp, z } from './contract.ts';
import { confirmationCode, status } from './shared.ts';

export default {
  withdrawMySubmission: {
    responses: {
      200: {
        description: 'Withdrawn',
        json: z.object({ code: confirmationCode, status, updatedAt: timestamp, statusUrl: z.string() }),
      },
      303: seeOther('A plain form post: to the status page'),
      400: error('The code is not the shape of a confirmation code, or has a typing mistake'),
      404: error("No application of the caller's by that code"),
      409: error('The agency has already decided: it can no longer be withdrawn'),
    },
  },
} satisfies Contracts;
