/**
 * A whole page as the functions answer it (a confirmation, a status, a form with mistakes, an error): the
 * site's look, stylesheet and scripts around the page's own content. The static site's pages are the same
 * chrome inside web/src/layouts/Layout.astro, which must own <head> so Astro can add its bundles.
 */
import type { ComponentChildren } from 'preact';
import { formCheckAttributes } from '../form/form-checks.ts';
import type { Lang } from '../lang.ts';
import type { SiteAssets } from './assets.ts';
import type { LanguageSwitch } from './SiteHeader.tsx';
import { SiteIdentifier } from './SiteIdentifier.tsx';
import { MAIN_ID, SiteTop } from './SiteTop.tsx';

export interface DocumentProps {
  lang: Lang;
  /** The page's own title; the site name is added. */
  title: string;
  switchTo: LanguageSwitch;
  assets: SiteAssets;
  agencies: string[];
  children: ComponentChildren;
}

export function Document({ lang, title, switchTo, assets, agencies, children }: DocumentProps) {
  return (
    <html lang={lang.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} | ${lang.t('site.name')}`}</title>
        <link rel="icon" type="image/png" href={assets.images.favicon} />
        <meta name="description" content={lang.t('home.intro')} />
        {/* Answers for one person: never in a search engine. */}
        <meta name="robots" content="noindex" />
        {assets.stylesheets.map((href) => (
          <link rel="stylesheet" href={href} key={href} />
        ))}
      </head>
      <body>
        <SiteTop lang={lang} switchTo={switchTo} images={assets.images} />
        {/* A form with mistakes gets the same inline checks as on the site. */}
        <main id={MAIN_ID} {...formCheckAttributes(lang)}>
          <div class="grid-container portal-page">{children}</div>
        </main>
        <SiteIdentifier lang={lang} agencies={agencies} seal={assets.images.seal} />
        {assets.scripts.map((src) => (
          <script type="module" src={src} key={src} />
        ))}
      </body>
    </html>
  );
}
