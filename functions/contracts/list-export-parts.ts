import { type Contracts, error, z } from './contract.ts';
import { queueFilter } from './show-agency-queue.ts';

const part = z.object({
  part: z.number().int().describe('Its number, from 1'),
  of: z.number().int().describe('How many parts there are'),
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
      resized: { description: '`1`: a part was too large for one file, so the parts were made smaller', schema: z.string() },
      lang: { description: 'The language of the page: `en` or `es`', schema: z.enum(['en', 'es']) },
    },
    responses: {
      200: {
        description:
          "The filter's export as its parts (part n of m, which cases, a download link each): a page for browsers, JSON otherwise",
        json: z.object({
          total: z.number().int().describe('Cases in the filter when the list was made'),
          rows: z.number().int().describe('Cases a part'),
          parts: z.array(part),
        }),
        html: true,
      },
      404: error('No such agency queue for this caller'),
    },
  },
} satisfies Contracts;
