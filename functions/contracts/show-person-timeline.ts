import { type Contracts, error, page, z } from './contract.ts';

export default {
  personPage: {
    query: {
      lang: { description: '`en` or `es`', schema: z.enum(['en', 'es']) },
      cursor: { description: 'Where the next (older) page starts', schema: z.string() },
    },
    responses: {
      200: page("The person's timeline for the staff member's agency (the read is audited)"),
      404: error("Not this caller's agency"),
    },
  },
} satisfies Contracts;
