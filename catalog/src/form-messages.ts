/**
 * The plain-language message for each way an answer can be wrong. One source for the server's checks
 * and the browser's inline checks (the renderer puts them on each input as data-msg-* attributes).
 */
import { translate } from './i18n.ts';
import type { Field, Locale, Strings } from './schema.ts';

export type ProblemKind = 'required' | 'invalid' | 'tooLong' | 'future' | 'past' | 'tooFar';

/** One mistake in a person's answers: which field, and what to do about it. */
export interface FieldProblem {
  field: string;
  message: string;
}

function lowerFirst(label: string): string {
  // Keep acronyms ("ZIP code", "DMV number") as they are.
  return /^[A-ZÁÉÍÓÚÑ]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** The label without a trailing "(optional)" note, for use inside a sentence. */
export function bareLabel(field: Field, locale: Locale): string {
  return field.label[locale].replace(/\s*\((optional|opcional)\)\s*$/i, '');
}

export function messageFor(field: Field, kind: ProblemKind, locale: Locale, strings: Strings, part?: string): string {
  const label = lowerFirst(bareLabel(field, locale));
  // One box of an address or a name: "Home address: enter a 5-digit ZIP code, like 55501".
  if (part !== undefined && (field.type === 'address' || field.type === 'name')) {
    const what =
      kind === 'tooLong'
        ? translate(strings, 'validation.partTooLong', locale, { part: translate(strings, `form.part.${part}`, locale) })
        : translate(strings, `validation.part.${part}.fix`, locale);
    return `${bareLabel(field, locale)}: ${what}`;
  }
  // A declaration: agree to sign electronically first, then type the name (the time signed is the server's).
  if (field.type === 'declaration') {
    if (part === 'agreed' || part === 'name') return translate(strings, `validation.declaration.${part}`, locale);
    if (kind === 'required' || part === 'signedAt') return translate(strings, 'validation.declaration.sign', locale);
  }
  if (field.type === 'ssn' && kind === 'invalid' && !field.errors?.invalid) return translate(strings, 'validation.ssn', locale);
  // A sentence that starts with the label keeps its capital letter.
  const Label = bareLabel(field, locale);
  if (kind === 'future') return translate(strings, 'validation.dateNotInFuture', locale, { Label });
  if (kind === 'past') return translate(strings, 'validation.dateNotInPast', locale, { Label });
  if (kind === 'tooFar') {
    const years = field.dateRange?.withinYears ?? 0;
    // "within a year", not "within 1 years" (in Spanish "a un año", not "a 1 años").
    return translate(strings, years === 1 ? 'validation.dateWithinYear' : 'validation.dateWithinYears', locale, { Label, years });
  }
  if (kind === 'required') {
    if (field.errors?.required) return field.errors.required[locale];
    if (field.type === 'checkbox') return translate(strings, 'validation.checkbox', locale, { label });
    if (field.type === 'checkboxes') return translate(strings, 'validation.chooseSome', locale, { label });
    if (field.type === 'file') return translate(strings, 'validation.upload', locale, { label });
    if (field.type === 'radio' || field.type === 'select' || field.type === 'yesNo')
      return translate(strings, 'validation.choose', locale, { label });
    return translate(strings, 'validation.required', locale, { label });
  }
  if (kind === 'tooLong') {
    return translate(strings, 'validation.tooLong', locale, { label, max: field.maxLength ?? defaultMaxLength(field) });
  }
  if (field.errors?.invalid) return field.errors.invalid[locale];
  switch (field.type) {
    case 'email':
      return translate(strings, 'validation.email', locale);
    case 'tel':
      return translate(strings, 'validation.tel', locale);
    case 'date':
      return translate(strings, 'validation.date', locale);
    case 'memorableDate':
      return translate(strings, 'validation.memorableDate', locale, { label });
    case 'money':
      if (field.minimum !== undefined || field.maximum !== undefined) {
        const dollars = (cents: number) =>
          new Intl.NumberFormat(locale === 'es' ? 'es-US' : 'en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
        return translate(strings, 'validation.moneyRange', locale, {
          label,
          min: dollars(field.minimum ?? 0),
          max: dollars(field.maximum ?? 1_000_000_000),
        });
      }
      return translate(strings, 'validation.money', locale, { label });
    case 'integer':
      if (field.minimum !== undefined && field.maximum !== undefined) {
        return translate(strings, 'validation.integerRange', locale, { label, min: field.minimum, max: field.maximum });
      }
      return translate(strings, 'validation.integer', locale, { label });
    case 'radio':
    case 'select':
    case 'yesNo':
    case 'checkboxes':
      return translate(strings, 'validation.choose', locale, { label });
    case 'file':
      return translate(strings, 'validation.fileCount', locale, { Label, max: field.upload?.maxFiles ?? 1 });
    default:
      return translate(strings, 'validation.invalid', locale, { label });
  }
}

/** Answers longer than this are refused even where the form sets no limit. */
export function defaultMaxLength(field: Field): number {
  if (field.maxLength) return field.maxLength;
  return field.type === 'textarea' ? 4000 : 200;
}
