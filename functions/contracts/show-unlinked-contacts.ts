import { type Contracts, error, page, z } from './contract.ts';

export default {
  unlinkedContactsPage: {
    query: {
      lang: { description: '`en` or `es`', schema: z.enum(['en', 'es']) },
      cursor: { description: 'Where the next (older) page starts', schema: z.string() },
      linked: { description: 'After a link: the case or person it went to', schema: z.string() },
      gone: { description: '`1` after a link someone else had made first', schema: z.string() },
    },
    responses: {
      200: page("The agency's contacts nobody could match yet, each with its link form"),
      404: error("Not this caller's agency"),
    },
  },
} satisfies Contracts;
