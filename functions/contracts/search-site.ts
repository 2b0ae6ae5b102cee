import { type Contracts, z } from './contract.ts';

export default {
  searchSite: {
    query: {
      q: { description: 'What to look for (cut at 200 characters)', schema: z.string() },
      lang: { description: '`en` or `es`', schema: z.enum(['en', 'es']) },
    },
    responses: {
      200: {
        description: "The catalog's services, life events and tasks that match (an HTML results page for browsers)",
        json: z.object({
          query: z.string(),
          results: z.array(
            z.object({
              kind: z.enum(['service', 'lifeEvent', 'task']),
              title: z.string(),
              summary: z.string(),
              href: z.string(),
              keywords: z.string(),
            }),
          ),
        }),
        html: true,
      },
    },
  },
} satisfies Contracts;
