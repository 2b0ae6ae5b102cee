import { type Contracts, error, z } from './contract.ts';
import { queueFilter } from './show-agency-queue.ts';

const part = z.object({
  part: z.number().int().describe('Its number, from 1'),
  of: z.number().int().optional().describe('How many parts there are (once the list has reached its last part)'),
  firstRow: z.number().int().describe('The first of its cases, counted from 1 in the filter’s order'),
  lastRow: z.number().int(),
  after: z.string().optional().describe('The sort key it starts after (absent for the first part)'),
  until: z.string().describe('Its last sort key: the part ends there'),
});

export default {
  exportPartsPage: {
    query: {
      ...queueFilter,
      size: { description: 'Cases a part, 1 to 5,000 (default 5,000)', schema: z.string() },
      cursor: { description: "The list's next page: the previous page's `next` (opaque)", schema: z.string() },
      part: { description: "The number of the next page's first part", schema: z.string() },
      resized: { description: '`1`: a part was too large for one file, so the parts were made smaller', schema: z.string() },
      lang: { description: 'The language of the page: `en` or `es`', schema: z.enum(['en', 'es']) },
    },
    responses: {
      200: {
        description:
          "The filter's export as its parts (part n of m, which cases, a download link each): a page for browsers, JSON otherwise",
        json: z.object({
          total: z.number().int().optional().describe('Cases in the filter when the list was made (on its last page)'),
          rows: z.number().int().describe('Cases a part'),
          parts: z.array(part).describe('At most 4 parts a page'),
          next: z
            .object({ cursor: z.string(), part: z.number().int() })
            .optional()
            .describe('More parts: ask again with this `cursor` and `part` (and the same filter and size)'),
        }),
        html: true,
      },
      404: error('No such agency queue for this caller'),
    },
  },
} satisfies Contracts;
