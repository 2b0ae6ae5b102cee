/**
 * The official USWDS 3 banner, rendered as USWDS's script leaves it (collapsed). web/src/scripts/gov-banner.ts
 * toggles it; without JavaScript, site.scss shows the explanation and hides the toggle.
 */
import type { ComponentChildren } from 'preact';
import { interpolate } from '../interpolate.ts';
import type { Lang } from '../lang.ts';
import type { SiteAssets } from './assets.ts';

const CONTENT_ID = 'gov-banner';

function Lock({ lang }: { lang: Lang }) {
  return (
    <span class="icon-lock">
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width="52"
        height="64"
        viewBox="0 0 52 64"
        class="usa-banner__lock-image"
        role="img"
        aria-labelledby="banner-lock-description"
        focusable="false"
      >
        <title id="banner-lock-title">{lang.t('banner.lockTitle')}</title>
        <desc id="banner-lock-description">{lang.t('banner.lockDescription')}</desc>
        <path
          fill="#000000"
          fill-rule="evenodd"
          d="M26 0c10.493 0 19 8.507 19 19v9h3a4 4 0 0 1 4 4v28a4 4 0 0 1-4 4H4a4 4 0 0 1-4-4V32a4 4 0 0 1 4-4h3v-9C7 8.507 15.507 0 26 0zm0 8c-5.979 0-10.843 4.77-10.996 10.712L15 19v9h22v-9c0-6.075-4.925-11-11-11z"
        />
      </svg>
    </span>
  );
}

/** One of the banner's two explanations: an icon, a heading and what it means. */
function Guidance({ icon, heading, children }: { icon: string; heading: string; children: ComponentChildren }) {
  return (
    <div class="usa-banner__guidance tablet:grid-col-6">
      <img class="usa-banner__icon usa-media-block__img" src={icon} role="img" alt="" aria-hidden="true" width={40} height={40} />
      <div class="usa-media-block__body">
        <p>
          <strong>{heading}</strong>
          <br />
          {children}
        </p>
      </div>
    </div>
  );
}

export function GovBanner({ lang, images }: { lang: Lang; images: SiteAssets['images'] }) {
  return (
    <section class="usa-banner" aria-label={lang.t('banner.label', { government: lang.t('site.government') })}>
      <div class="usa-accordion">
        <header class="usa-banner__header" data-gov-banner-header>
          <div class="usa-banner__inner">
            <div class="grid-col-auto">
              <img aria-hidden="true" class="usa-banner__header-flag" src={images.flag} alt="" width={16} height={11} />
            </div>
            <div class="grid-col-fill tablet:grid-col-auto" aria-hidden="true">
              <p class="usa-banner__header-text">{lang.t('banner.text', { government: lang.t('site.government') })}</p>
              <p class="usa-banner__header-action">{lang.t('banner.action')}</p>
            </div>
            <button
              type="button"
              class="usa-accordion__button usa-banner__button"
              aria-expanded="false"
              aria-controls={CONTENT_ID}
              data-gov-banner-button
            >
              <span class="usa-banner__button-text">{lang.t('banner.action')}</span>
            </button>
          </div>
        </header>
        <div class="usa-banner__content usa-accordion__content" id={CONTENT_ID} hidden>
          <div class="grid-row grid-gap-lg">
            <Guidance icon={images.dotGov} heading={lang.t('banner.domainHeading')}>
              {interpolate(lang.t('banner.domainText'), { gov: <strong>.gov</strong> })}
            </Guidance>
            <Guidance icon={images.https} heading={lang.t('banner.httpsHeading')}>
              {interpolate(lang.t('banner.httpsText'), {
                lock: <strong>{lang.t('banner.lock')}</strong>,
                icon: <Lock lang={lang} />,
                https: <strong>https://</strong>,
              })}
            </Guidance>
          </div>
        </div>
      </div>
    </section>
  );
}
