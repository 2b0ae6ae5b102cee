import { type Contracts, error, page, type RouteContract, seeOther, z } from './contract.ts';

const pageFields = {
  description:
    "One page's answers: the page's fields as a plain HTML form post (a repeating page's `_item`, `_remove` or neither), or JSON `{ \"answers\": { … } }` in the form's answers schema, of which the page's own questions are kept",
  required: true,
  json: 'form-answers',
  form: z
    .record(z.string(), z.string())
    .describe(
      'The page\'s fields by name, plus `_return=check` when changing an answer from "Check your answers", or `_save=later` for "Save and come back later" (what is right is kept, nothing refused)',
    ),
} satisfies RouteContract['request'];

const saved = z.object({
  draftId: z.string().describe('The draft the answers are kept in (30 days)'),
  next: z.string().describe('The next page to show (showFormPage), or "Check your answers"'),
});

const notFound = error('No multi-page form by that id, no such draft (or it expired), or no such page');
const mistakes = {
  description: 'Some answers on the page need correcting: the page again with them marked (JSON: `fields` names each)',
  json: error('').json,
  html: true,
};

const owned = error(
  "The draft is a signed-in person's and this browser does not hold its key (decision 82): sign in and open it from My account",
);
const start = {
  request: pageFields,
  responses: {
    201: {
      description: "The draft is made: where to go next (a signed-in start also sets the draft's key cookie)",
      json: saved,
      headers: { location: 'The next page' },
    },
    303: seeOther('A plain form post: to the next page, or with `_save=later` to "Save and come back later"'),
    400: error('The JSON is not `{ "answers": { … } }`'),
    404: notFound,
    422: mistakes,
  },
} satisfies RouteContract;

export default {
  startFormDraft: start,
  startMyFormDraft: start,
  showFormPage: {
    query: {
      return: { description: '`check`: the person came from "Check your answers" and goes back there', schema: z.string() },
      item: { description: "A repeating page's item to add or change (0, 1, …)", schema: z.string() },
    },
    responses: {
      200: page('The page with the answers kept so far, or "Check your answers" (pageId `check-your-answers`)'),
      303: seeOther('Already sent: to where it stands; or "Check your answers" while a page is still to be answered'),
      403: owned,
      404: notFound,
    },
  },
  saveFormPage: {
    request: pageFields,
    responses: {
      200: { description: 'Saved: where to go next', json: saved, headers: { location: 'The next page' } },
      303: seeOther('A plain form post: to the next page, back to "Check your answers", or to "Save and come back later"'),
      400: error('The JSON is not `{ "answers": { … } }`'),
      403: owned,
      404: notFound,
      422: mistakes,
    },
  },
} satisfies Contracts;
