import { type Contracts, z } from './contract.ts';

export default {
  getHealth: {
    responses: {
      200: { description: 'The API and its table answer', json: z.object({ status: z.literal('ok') }) },
      503: {
        description: 'The table does not answer',
        json: z.object({ status: z.literal('unavailable') }),
        headers: { 'retry-after': 'Seconds to wait before asking again' },
      },
    },
  },
} satisfies Contracts;
