/**
 * Pages the API answers with, in the site's look: a view from ui/pages inside the site's chrome, with the
 * stylesheet, scripts and images the build read off the site. The rendering itself (./views.ts) loads on first
 * use: `htmlPage` is the one place that imports it (decision 17).
 */
import type { Locale } from '#catalog/schema';
import { type Lang, langFor } from '#ui/lang.ts';
import type { PageView } from '#ui/pages/view.ts';
import { html } from './responses.ts';
import { strings } from './site.ts';

export const OTHER_LOCALE: Record<Locale, Locale> = { en: 'es', es: 'en' };

/** The words of ui/ components in the request's language. */
export function langOf(locale: Locale): Lang {
  return langFor(strings, locale);
}

/** The same GET address in the other language (the API reads ?lang=). */
export function otherLanguageHref(path: string, locale: Locale): string {
  const url = new URL(path, 'http://localhost');
  url.searchParams.set('lang', OTHER_LOCALE[locale]);
  return url.pathname + url.search;
}

/** What a page's view is built from: the page views of ui/pages and the helpers they take. */
export type Views = typeof import('./views.ts');

/**
 * An HTML answer: `view` picks and fills a page from `Views` (loaded on first use), which is rendered inside
 * the site's chrome. `htmlPage(200, locale, ({ statusPage, langOf }) => statusPage(langOf(locale), status, …))`
 */
export async function htmlPage(
  statusCode: number,
  locale: Locale,
  view: (views: Views) => PageView,
  headers: Record<string, string> = {},
) {
  const views = await import('./views.ts');
  return html(statusCode, views.renderView(locale, view(views)), headers);
}
