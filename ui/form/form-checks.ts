/**
 * What the inline form checks (web/src/scripts/form-enhance.ts) read from the element around a form: the
 * schema's default patterns for typed fields (a field's own pattern goes on the field) and the error
 * summary's title. On apply pages, and on <main> of every page the functions render.
 */
import { DATE_PATTERN, EMAIL_PATTERN, TEL_PATTERN } from '#catalog/form-schema';
import { SSN_PATTERN } from '#catalog/sensitive';
import type { Lang } from '../lang.ts';

export function formCheckAttributes(lang: Lang): Record<`data-${string}`, string> {
  return {
    'data-form-checks': '',
    'data-patterns': JSON.stringify({ email: EMAIL_PATTERN, tel: TEL_PATTERN, date: DATE_PATTERN, ssn: SSN_PATTERN }),
    'data-summary-title': lang.t('form.errorSummaryTitle'),
    'data-prefill-note': lang.t('form.prefilled'),
  };
}
