/** USWDS identifier: which agencies run the site, the required links, and USA.gov. */
import { safeHref } from '../href.ts';
import type { Lang } from '../lang.ts';
import { POLICY_PAGES, pageHref, pages } from '../paths.ts';

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
      <nav
        class="usa-identifier__section usa-identifier__section--required-links"
        aria-label={lang.t('identifier.requiredLinks')}
      >
        <div class="usa-identifier__container">
          <ul class="usa-identifier__required-links-list">
            {POLICY_PAGES.map((id) => (
              <li class="usa-identifier__required-links-item" key={id}>
                <a href={pageHref(lang.locale, pages.policy(id))} class="usa-identifier__required-link usa-link">
                  {lang.t(`policy.${id}.link`, { government: lang.t('site.government') })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </nav>
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
