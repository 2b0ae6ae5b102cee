/** USWDS identifier: which agencies run the site. Required links are left out until those pages exist. */
import { safeHref } from '../href.ts';
import type { Lang } from '../lang.ts';

export function SiteIdentifier({ lang, agencies }: { lang: Lang; agencies: string[] }) {
  const names = new Intl.ListFormat(lang.locale, { type: 'conjunction' }).format(agencies);
  return (
    <footer class="usa-identifier">
      <section class="usa-identifier__section usa-identifier__section--masthead" aria-label={lang.t('identifier.label')}>
        <div class="usa-identifier__container">
          <section class="usa-identifier__identity" aria-label={lang.t('identifier.description')}>
            <p class="usa-identifier__identity-domain">{lang.t('site.domain')}</p>
            <p class="usa-identifier__identity-disclaimer">{lang.t('identifier.content', { agencies: names })}</p>
          </section>
        </div>
      </section>
      <section class="usa-identifier__section usa-identifier__section--usagov" aria-label={lang.t('identifier.usagovLabel')}>
        <div class="usa-identifier__container">
          <div class="usa-identifier__usagov-description">{lang.t('identifier.usagovDescription')}</div>{' '}
          <a href={safeHref(lang.t('identifier.usagovUrl'))} class="usa-link">
            {lang.t('identifier.usagovLink')}
          </a>
        </div>
      </section>
    </footer>
  );
}
