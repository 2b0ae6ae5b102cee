/** What every page starts with: the skip link, the gov banner and the header. The site and the functions both print it. */
import type { Lang } from '../lang.ts';
import type { SiteAssets } from './assets.ts';
import { GovBanner } from './GovBanner.tsx';
import { type LanguageSwitch, SiteHeader } from './SiteHeader.tsx';

/** The id of <main>, where the skip link and error summaries without a field lead. */
export const MAIN_ID = 'main-content';

export function SiteTop({ lang, switchTo, images }: { lang: Lang; switchTo: LanguageSwitch; images: SiteAssets['images'] }) {
  return (
    <>
      <SkipLinkAndBanner lang={lang} images={images} />
      <SiteHeader lang={lang} switchTo={switchTo} images={images} />
    </>
  );
}

/**
 * SiteTop's first part, the skip link and the gov banner: the same on every page of a language, so the static site
 * renders it once a language and each page's header (its language link differs) after it (decision 0143).
 */
export function SkipLinkAndBanner({ lang, images }: { lang: Lang; images: SiteAssets['images'] }) {
  return (
    <>
      <a class="usa-skipnav" href={`#${MAIN_ID}`}>
        {lang.t('layout.skipLink')}
      </a>
      <GovBanner lang={lang} images={images} />
    </>
  );
}
