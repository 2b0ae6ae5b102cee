import { type Contracts, download, error, seeOther, z } from './contract.ts';
import { queueFilter } from './show-agency-queue.ts';

const query = {
  ...queueFilter,
  size: { description: 'Rows a part, at most 5,000 (the default)', schema: z.string() },
  cursor: { description: "The next part's cursor, from the `Link` header of the part before", schema: z.string() },
  part: { description: "The part's number, from the same `Link` header (or the parts page's link)", schema: z.string() },
  until: {
    description: "The part's last case, from the parts page's link: the part ends there, whole or not at all",
    schema: z.string(),
  },
  of: { description: 'How many parts the parts page listed (the file is named part-n-of-m)', schema: z.string() },
};
const tooLarge = error('A part asked for by its range (`until`) does not fit one file: ask for smaller parts (`size`)');

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
      413: tooLarge,
    },
  },
  exportAgencyQueuePage: {
    query,
    responses: {
      200: part,
      303: seeOther('A part from the parts page too large for one file: back to the parts page, with smaller parts'),
      400: error('The cursor is not one this queue gave'),
      404: error('No such agency queue for this caller'),
    },
  },
} satisfies Contracts;
