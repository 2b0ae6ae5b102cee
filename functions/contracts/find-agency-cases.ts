import { type Contracts, error, page, seeOther, timestamp, z } from './contract.ts';
import { confirmationCode, status } from './shared.ts';

export default {
  findAgencyCases: {
    query: { q: { description: "A confirmation code or the applicant's e-mail", required: true, schema: z.string() } },
    responses: {
      200: {
        description: 'The case (a code was given) or the cases of that applicant (an e-mail was given)',
        json: z.union([
          z.object({ caseUrl: z.string() }),
          z.object({
            cases: z.array(
              z.object({ code: confirmationCode, serviceId: z.string(), status, submittedAt: timestamp, caseUrl: z.string() }),
            ),
          }),
        ]),
      },
      400: error('Neither a confirmation code nor an e-mail address'),
      404: error("No such case in the caller's agency"),
    },
  },
  findAgencyCasesPage: {
    query: { q: { description: "A confirmation code or the applicant's e-mail", schema: z.string() } },
    responses: {
      200: page("The applicant's cases (an e-mail was given), or the search form again"),
      303: seeOther('A confirmation code was given: to the case page'),
      400: page(
        'Neither a confirmation code nor an e-mail address (or a typing mistake in the code): the search again, with help',
      ),
      404: error("No such case in the caller's agency"),
    },
  },
} satisfies Contracts;
