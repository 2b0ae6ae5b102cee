/**
 * USWDS basic header without the nav (its mobile menu needs JavaScript and the site has no menu): the portal
 * name, the account link, the language switch and the site search.
 */
import type { Locale } from '#catalog/schema';
import { SearchForm } from '../form/SearchForm.tsx';
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
  return (
    <header class="usa-header usa-header--basic">
      <div class="usa-nav-container">
        <div class="usa-navbar">
          <div class="usa-logo">
            <em class="usa-logo__text">
              <a href={pageHref(lang.locale, pages.home())}>
                {/* The name beside it says it all: the seal is decoration here (the identifier names it). */}
                {images.seal && <img class="portal-logo__seal" src={safeHref(images.seal)} alt="" width={40} height={40} />}
                {lang.t('site.name')}
              </a>
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
          <SearchForm lang={lang} id="site-search" images={images} />
        </div>
      </div>
    </header>
  );
}
