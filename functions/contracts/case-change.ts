/** What the workspace's changes share: the 409 with the case as it stands. */
import { type Answer, ErrorBody, error, page, type RouteContract, seeOther, z } from './contract.ts';

export const conflict: Answer = {
  description: 'Someone changed the case first (or the version is wrong): the case as it stands now',
  json: ErrorBody.extend({ case: z.looseObject({ code: z.string(), version: z.number().int() }) }),
};

/** The code in the path is not a confirmation code's shape (or the body cannot be read). */
export const badRequest = error('The code in the path is not a confirmation code, or the body is empty, not UTF-8 or not JSON');

/**
 * What a case page's form answers (functions/http/agency-pages.ts caseFormAnswer): 303 back to the case when the
 * change was made; the case page again, with what to fix, when it was refused; the case as it now stands when
 * someone changed it first.
 */
export function caseForm(
  fields: z.ZodType,
  description: string,
  notFound = "No such case in the caller's agency",
): RouteContract {
  return {
    request: { description: `${description}, and the form's \`_csrf\``, required: true, form: fields },
    responses: {
      303: seeOther('Done: back to the case page'),
      400: error('The code in the path is not a confirmation code, or the body could not be read'),
      404: error(notFound),
      409: page('Someone changed the case first: the case page as it stands now, saying so'),
      422: page('Refused (the workflow, a missing message or reason, an amount): the case page again, with what to fix'),
    },
  };
}
