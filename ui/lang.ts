/**
 * The words a component prints, in the reader's language: components take a `Lang` rather than a locale and
 * the whole strings file, so they read like the text they show.
 */
import { type ComponentChildren, Fragment, h } from 'preact';
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

/**
 * A string whose `{name}` placeholders stand for markup ("A {gov} website belongs to…" with gov = <strong>):
 * the text around them stays text, so it is escaped like any other.
 */
export function interpolate(template: string, parts: Record<string, ComponentChildren>): ComponentChildren {
  const pieces = template.split(/\{(\w+)\}/);
  return h(
    Fragment,
    null,
    pieces.map((piece, index) => {
      if (index % 2 === 0) return piece;
      return piece in parts ? h(Fragment, { key: index }, parts[piece]) : `{${piece}}`;
    }),
  );
}
