/**
 * Pages the API answers with, in the site's look: a view from ui/pages inside the site's chrome
 * (ui/chrome/Document.tsx), with the stylesheet, scripts and images the build read off the site.
 */
import { h } from 'preact';
import { translate } from '#catalog/i18n';
import type { Locale } from '#catalog/schema';
import { Document } from '#ui/chrome/Document.tsx';
import { type Lang, langFor } from '#ui/lang.ts';
import type { PageView } from '#ui/pages/view.ts';
import { renderDocument } from '#ui/render.ts';
import { agencies, assets, strings } from './site.ts';

const OTHER: Record<Locale, Locale> = { en: 'es', es: 'en' };

/** The words of ui/ components in the request's language. */
export function langOf(locale: Locale): Lang {
  return langFor(strings, locale);
}

/** The same GET address in the other language (the API reads ?lang=). */
export function otherLanguageHref(path: string, locale: Locale): string {
  const url = new URL(path, 'http://localhost');
  url.searchParams.set('lang', OTHER[locale]);
  return url.pathname + url.search;
}

export function renderView(locale: Locale, view: PageView): string {
  const other = OTHER[locale];
  return renderDocument(
    h(Document, {
      lang: langOf(locale),
      title: view.title,
      switchTo: { locale: other, href: view.altHref, label: translate(strings, 'layout.otherLanguage', other) },
      assets,
      agencies: agencies[locale],
      children: view.content,
    }),
  );
}
