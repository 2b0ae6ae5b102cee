/** Pages the API renders in the site's look: the confirmation/status page and error pages. */
import { escapeHtml as e, formatDate, localePath, translate } from '#catalog/i18n';
import type { Locale, Localized } from '#catalog/schema';
import type { PublicStatus } from '#domain/submissions';
import { shells, strings } from './site.ts';

const OTHER: Record<Locale, Locale> = { en: 'es', es: 'en' };

/** The same GET address in the other language (the API reads ?lang=). */
export function otherLanguageHref(path: string, locale: Locale): string {
  const url = new URL(path, 'http://localhost');
  url.searchParams.set('lang', OTHER[locale]);
  return url.pathname + url.search;
}

export function renderPage(locale: Locale, title: string, main: string, altHref: string): string {
  const site = translate(strings, 'site.name', locale);
  return shells[locale]
    .replaceAll('__PORTAL_TITLE__', e(`${title} | ${site}`))
    .replaceAll('__PORTAL_ALT_HREF__', e(altHref))
    .replace('__PORTAL_MAIN__', main);
}

export function renderErrorPage(locale: Locale, heading: string, message: string, altHref: string): string {
  const main =
    `<div class="grid-container portal-page"><h1>${e(heading)}</h1>` +
    `<div class="usa-alert usa-alert--error" role="alert"><div class="usa-alert__body"><p class="usa-alert__text">${e(message)}</p></div></div>` +
    `<p><a class="usa-link" href="${localePath(locale, '/')}">${e(translate(strings, 'nav.home', locale))}</a></p></div>`;
  return renderPage(locale, heading, main, altHref);
}

export function statusLabel(status: string, locale: Locale): string {
  return translate(strings, `status.${status}`, locale);
}

export function renderStatusPage(
  status: PublicStatus,
  serviceTitle: Localized | undefined,
  locale: Locale,
  options: { justSubmitted: boolean; altHref: string; paymentHtml?: string },
): string {
  const t = (key: string) => e(translate(strings, key, locale));
  const heading = options.justSubmitted
    ? translate(strings, 'status.submittedTitle', locale)
    : translate(strings, 'status.title', locale);
  const success = options.justSubmitted
    ? `<div class="usa-alert usa-alert--success"><div class="usa-alert__body"><p class="usa-alert__text">${t('status.submittedText')}</p></div></div>`
    : '';
  const history = status.history
    .map(
      (entry) =>
        `<li>${e(statusLabel(entry.status, locale))}: <time datetime="${e(entry.at)}">${e(formatDate(entry.at, locale))}</time></li>`,
    )
    .join('');
  const main =
    `<div class="grid-container portal-page" data-status-page>` +
    `<h1>${e(heading)}</h1>${success}` +
    `<h2 class="portal-code-label">${t('status.code')}</h2>` +
    `<p class="portal-code" data-confirmation-code>${e(status.code)}</p>` +
    `<dl class="portal-facts">` +
    (serviceTitle ? `<dt>${t('status.service')}</dt><dd>${e(serviceTitle[locale])}</dd>` : '') +
    `<dt>${t('status.status')}</dt><dd><span class="usa-tag" data-status="${e(status.status)}">${e(statusLabel(status.status, locale))}</span></dd>` +
    `<dt>${t('status.sentOn')}</dt><dd><time datetime="${e(status.submittedAt)}">${e(formatDate(status.submittedAt, locale))}</time></dd>` +
    `<dt>${t('status.updatedOn')}</dt><dd><time datetime="${e(status.updatedAt)}">${e(formatDate(status.updatedAt, locale))}</time></dd>` +
    `</dl>${options.paymentHtml ?? ''}<h2>${t('status.history')}</h2><ol class="usa-list">${history}</ol>` +
    `<p><a class="usa-link" href="${localePath(locale, '/status/')}">${t('status.checkAnother')}</a></p></div>`;
  return renderPage(locale, heading, main, options.altHref);
}
