/** What the workspace's changes share: the 409 with the case as it stands. */
import { type Answer, ErrorBody, error, z } from './contract.ts';

export const conflict: Answer = {
  description: 'Someone changed the case first (or the version is wrong): the case as it stands now',
  json: ErrorBody.extend({ case: z.looseObject({ code: z.string(), version: z.number().int() }) }),
};

/** The code in the path is not a confirmation code's shape (or the body cannot be read). */
export const badRequest = error('The code in the path is not a confirmation code, or the body is empty, not UTF-8 or not JSON');
