/**
 * Prefill from sign-in (docs/decisions/0086): questions marked `prefill` start with what the person's sign-in says
 * (the token's e-mail, name and phone number claims). Only questions not answered yet get it, and it is an answer like any
 * other: shown on its page, marked as from the sign-in, and the person can change it.
 */
import type { Form } from '#catalog/schema';
import type { Caller } from './authorization.ts';

export interface SignInClaims {
  email?: string | undefined;
  name?: string | undefined;
  givenName?: string | undefined;
  familyName?: string | undefined;
  /** The token's `phone_number` (E.164, like +15555550123). */
  phone?: string | undefined;
}

export function claimsForPrefill(
  caller: Caller,
  extra: { givenName?: string; familyName?: string; phone?: string } = {},
): SignInClaims {
  if (caller.kind !== 'person') return {};
  return { email: caller.email, name: caller.name, ...extra };
}

/** The answers the sign-in gives, for the form's prefilled questions (a name question gets its parts). */
export function prefillAnswers(form: Form, claims: SignInClaims, answered: Readonly<Record<string, unknown>> = {}) {
  const answers: Record<string, unknown> = {};
  const words = (claims.name ?? '').trim().split(/\s+/).filter(Boolean);
  const given = claims.givenName?.trim() || words[0];
  const family = claims.familyName?.trim() || (words.length > 1 ? words.at(-1) : undefined);
  for (const field of form.fields) {
    if (!field.prefill || field.name in answered) continue;
    if (field.type === 'name') {
      if (given && family) answers[field.name] = { given, family };
      continue;
    }
    const value =
      field.prefill === 'email'
        ? claims.email?.trim()
        : field.prefill === 'name'
          ? claims.name?.trim()
          : field.prefill === 'phone'
            ? claims.phone?.trim()
            : field.prefill === 'givenName'
              ? given
              : family;
    if (value) answers[field.name] = field.prefill === 'email' ? value.toLowerCase() : value;
  }
  return answers;
}

/** Which of these answers came from the sign-in unchanged (the page marks them so). */
export function prefilledNames(form: Form, claims: SignInClaims, answers: Readonly<Record<string, unknown>>): string[] {
  const offered = prefillAnswers(form, claims);
  return Object.keys(offered).filter((name) => JSON.stringify(offered[name]) === JSON.stringify(answers[name]));
}
