import { type Contracts, error, page, seeOther, z } from './contract.ts';

export default {
  linkContactForm: {
    request: {
      description: "The case's confirmation code, or a person's id, and the page's CSRF token",
      required: true,
      form: z.object({
        _csrf: z.string().describe("The workspace page's CSRF token"),
        code: z.string().optional().describe("A confirmation code of one of the agency's cases"),
        person: z.string().optional().describe("A person's id (when no code is given)"),
      }),
    },
    responses: {
      303: seeOther('Linked (or already linked by someone else): back to the list, which says which'),
      404: error("Not this caller's agency"),
      422: page('No such case in the agency, or neither a code nor a person: the list again, naming the field'),
    },
  },
} satisfies Contracts;
