/**
 * The words a component prints, in the reader's language: components take a `Lang` rather than a locale and
 * the whole strings file, so they read like the text they show.
 */
import { translate } from '#catalog/i18n';
import type { Locale, Strings } from '#catalog/schema';

export interface Lang {
  locale: Locale;
  /** A site string (catalog/strings.json) with `{name}` placeholders filled in. */
  t(key: string, params?: Record<string, string | number>): string;
}

export function langFor(strings: Strings, locale: Locale): Lang {
  return { locale, t: (key, params) => translate(strings, key, locale, params) };
}
