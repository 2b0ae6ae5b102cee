/**
 * USWDS basic header without the nav (its mobile menu needs JavaScript and the site has no menu): the portal
 * name, the account link, the language switch and the site search.
 */
import type { Locale } from '#catalog/schema';
import { safeHref } from '../href.ts';
import type { Lang } from '../lang.ts';
import { pageHref, pages } from '../paths.ts';
import type { SiteAssets } from './assets.ts';

export interface LanguageSwitch {
  /** The other language… */
  locale: Locale;
  /** …and the same page in it. */
  href: string;
  /** The other language's name, in that language ("Español"). */
  label: string;
}

export function SiteHeader({ lang, switchTo, images }: { lang: Lang; switchTo: LanguageSwitch; images: SiteAssets['images'] }) {
  const searchLabel = lang.t('layout.searchLabel');
  return (
    <header class="usa-header usa-header--basic">
      <div class="usa-nav-container">
        <div class="usa-navbar">
          <div class="usa-logo">
            <em class="usa-logo__text">
              <a href={pageHref(lang.locale, pages.home())}>{lang.t('site.name')}</a>
            </em>
          </div>
        </div>
        <div class="portal-header__tools">
          {/* "Sign in" until signed in, then "My account" (scripts/account-link.ts); the page explains itself without JavaScript. */}
          <a
            class="usa-link"
            href={pageHref(lang.locale, pages.account())}
            data-account-link
            data-signed-out={lang.t('account.link')}
            data-signed-in={lang.t('account.linkSignedIn')}
          >
            {lang.t('account.link')}
          </a>
          <a class="usa-link" href={safeHref(switchTo.href)} lang={switchTo.locale} hreflang={switchTo.locale}>
            {switchTo.label}
          </a>
          {/* biome-ignore lint/a11y/useSemanticElements: USWDS's search markup; <search> is too new for some screen readers people use. */}
          <form
            class="usa-search usa-search--small"
            role="search"
            aria-label={lang.t('layout.searchSection')}
            action={pageHref(lang.locale, pages.search())}
            method="get"
          >
            <label class="usa-sr-only" for="site-search">
              {searchLabel}
            </label>
            <input class="usa-input" id="site-search" type="search" name="q" data-site-search />
            <button class="usa-button" type="submit">
              <img src={images.search} class="usa-search__submit-icon" alt={searchLabel} width={24} height={24} />
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
