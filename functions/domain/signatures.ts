/**
 * The time a declaration was signed is the server's, never the browser's (decision 0084): whatever time an answer
 * arrives with is replaced. A signature kept from before (the same agreement and the same typed name, as saved in
 * the draft) keeps the time it was first signed; a new or changed one is signed now.
 */
import type { Form } from '#catalog/schema';
import type { Answers } from './answers.ts';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function signDeclarations(
  form: Form,
  posted: Record<string, unknown>,
  kept: Readonly<Answers>,
  now: Date,
): Record<string, unknown> {
  const result = { ...posted };
  for (const field of form.fields) {
    if (field.type !== 'declaration') continue;
    const answer = result[field.name];
    if (!isObject(answer)) continue;
    const { signedAt: _ignored, ...given } = answer;
    const before = kept[field.name];
    const same =
      isObject(before) &&
      before.agreed === given.agreed &&
      typeof before.name === 'string' &&
      typeof given.name === 'string' &&
      before.name === given.name.trim() &&
      typeof before.signedAt === 'string';
    const complete = given.agreed === 'yes' && typeof given.name === 'string' && given.name.trim() !== '';
    result[field.name] = complete ? { ...given, signedAt: same ? before.signedAt : now.toISOString() } : given;
  }
  return result;
}
