import { type Contracts, error, page, seeOther, timestamp, z } from './contract.ts';

const notFound = error('No multi-page form by that id, or no such draft (or it expired)');
const owned = error(
  "The draft is a signed-in person's and this browser does not hold its key: sign in and open it from My account",
);

export default {
  showSaveForLater: {
    responses: {
      200: page('"Save and come back later": the date of birth (the check) and an e-mail address for the link'),
      303: seeOther("A signed-in person's draft needs no code: to the saved page; a sent draft: to where it stands"),
      403: owned,
      404: notFound,
    },
  },
  saveForLater: {
    request: {
      description: 'The date of birth (the check) and, for the link, an e-mail address',
      required: true,
      json: z.object({
        dateOfBirth: z.string().describe('YYYY-MM-DD'),
        email: z.string().optional().describe('Where the resume link is e-mailed'),
      }),
      form: z
        .record(z.string(), z.string())
        .describe('`dateOfBirth-month`, `dateOfBirth-day`, `dateOfBirth-year` and `email` (optional)'),
    },
    responses: {
      201: {
        description: 'Saved: the resume code and until when the answers are kept',
        json: z.object({ resumeCode: z.string(), expiresAt: timestamp }),
        headers: { location: 'The saved page' },
      },
      303: seeOther('A plain form post: to the saved page'),
      400: error('The JSON is not an object'),
      403: owned,
      404: notFound,
      422: error('The date of birth or the e-mail address needs correcting: `fields` names each'),
    },
  },
  showSavedDraft: {
    responses: {
      200: page(
        'The resume code, until when the answers are kept, and whether the link was e-mailed (or: find it in My account)',
      ),
      303: seeOther('A sent draft: to where it stands'),
      403: owned,
      404: notFound,
    },
  },
} satisfies Contracts;
