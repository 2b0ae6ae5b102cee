import { type Contracts, download, error, z } from './contract.ts';
import { queueFilter } from './show-agency-queue.ts';

const query = {
  ...queueFilter,
  size: { description: 'Rows a part, at most 5,000 (the default)', schema: z.string() },
  cursor: { description: "The next part's cursor, from the `Link` header of the part before", schema: z.string() },
  part: { description: "The part's number, from the same `Link` header", schema: z.string() },
};

const part = download('One part of the export (UTF-8 with a byte order mark; the export is audited)', 'text/csv', {
  link: '`<…>; rel="next"`: the next part, when there is one',
});

export default {
  exportAgencyQueue: {
    query,
    responses: {
      200: part,
      400: error('The cursor is not one this queue gave'),
      404: error('No such agency queue for this caller'),
    },
  },
  exportAgencyQueuePage: {
    query,
    responses: {
      200: part,
      400: error('The cursor is not one this queue gave'),
      404: error('No such agency queue for this caller'),
    },
  },
} satisfies Contracts;
