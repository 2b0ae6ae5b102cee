/**
 * What the inline form checks (scripts/form-enhance.ts) read from the element around a form: the schema's
 * default patterns for typed fields (the renderer writes data-pattern only for a field's own pattern) and the
 * error summary's title. Used on apply pages and on the shell, where the functions print a form with mistakes.
 */
import { DATE_PATTERN, EMAIL_PATTERN, TEL_PATTERN } from '#catalog/form-schema';
import type { Locale } from '#catalog/schema';
import { t } from './catalog.ts';

export function formCheckAttributes(locale: Locale): Record<string, string> {
  return {
    'data-form-checks': '',
    'data-patterns': JSON.stringify({ email: EMAIL_PATTERN, tel: TEL_PATTERN, date: DATE_PATTERN }),
    'data-summary-title': t(locale, 'form.errorSummaryTitle'),
  };
}
