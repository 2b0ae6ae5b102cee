/** USWDS identifier: which agencies run the site, the required links, and USA.gov. */
import { safeHref } from '../href.ts';
import type { Lang } from '../lang.ts';
import { POLICY_PAGES, pageHref, pages } from '../paths.ts';

/** How to reach the government about the site (agency.config.json's agency.contact), when the config says. */
function Contact({ lang }: { lang: Lang }) {
  const phone = lang.t('site.contactPhone');
  if (!phone) return null;
  const email = lang.t('site.contactEmail');
  const hours = lang.t('site.contactHours');
  return (
    <p class="usa-identifier__identity-disclaimer">
      {lang.t('identifier.contactCall')}{' '}
      <a class="usa-link" href={safeHref(`tel:${phone.replace(/[^\d+]/g, '')}`)}>
        {phone}
      </a>
      {hours && ` (${hours})`}
      {email && (
        <>
          {' '}
          {lang.t('identifier.contactWrite')}{' '}
          <a class="usa-link" href={safeHref(`mailto:${email}`)}>
            {email}
          </a>
        </>
      )}
      .
    </p>
  );
}

// One formatter a language: building one is most of this component's time on a 7,000-page build (decision 118).
const lists = new Map<string, Intl.ListFormat>();
const listOf = (locale: string, items: string[]) => {
  let format = lists.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { type: 'conjunction' });
    lists.set(locale, format);
  }
  return format.format(items);
};

export function SiteIdentifier({ lang, agencies, seal }: { lang: Lang; agencies: string[]; seal?: string | undefined }) {
  const names = listOf(lang.locale, agencies);
  return (
    <footer class="usa-identifier">
      <section class="usa-identifier__section usa-identifier__section--masthead" aria-label={lang.t('identifier.label')}>
        <div class="usa-identifier__container">
          {seal && (
            <div class="usa-identifier__logos">
              <a href={pageHref(lang.locale, pages.home())} class="usa-identifier__logo">
                <img
                  class="usa-identifier__logo-img"
                  src={safeHref(seal)}
                  alt={lang.t('identifier.sealAlt', { government: lang.t('site.government') })}
                />
              </a>
            </div>
          )}
          <section class="usa-identifier__identity" aria-label={lang.t('identifier.description')}>
            <p class="usa-identifier__identity-domain">{lang.t('site.domain')}</p>
            <p class="usa-identifier__identity-disclaimer">{lang.t('identifier.content', { agencies: names })}</p>
            <Contact lang={lang} />
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
