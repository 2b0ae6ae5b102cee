/** Search results, rendered by the search function for a plain GET: one result per service, life event or task. */
import type { SearchResult } from '#catalog/search';
import type { SiteAssets } from '../chrome/assets.ts';
import { Link } from '../components/Link.tsx';
import { SearchForm } from '../form/SearchForm.tsx';
import type { Lang } from '../lang.ts';
import { pageHref, pages } from '../paths.ts';
import type { PageView } from './view.ts';

export function searchPage(
  lang: Lang,
  options: {
    query: string;
    results: SearchResult[];
    altHref: string;
    images: SiteAssets['images'];
    lifeEvents: { title: string; href: string }[];
  },
): PageView {
  const { query, results } = options;
  const count = results.length;
  const message =
    query.trim() === ''
      ? lang.t('search.empty')
      : lang.t(count === 0 ? 'search.none' : count === 1 ? 'search.one' : 'search.many', { query, count });
  return {
    title: query.trim() === '' ? lang.t('search.title') : lang.t('search.titleFor', { query }),
    altHref: options.altHref,
    content: (
      <div data-search-page>
        <h1>{lang.t('search.title')}</h1>
        <SearchForm lang={lang} id="search-page-q" images={options.images} value={query} size="big" />
        <section class="portal-section" aria-labelledby="results-heading">
          <h2 id="results-heading" class="usa-sr-only">
            {lang.t('search.resultsHeading')}
          </h2>
          <p role="status" data-search-status>
            {message}
          </p>
          {count > 0 && (
            <ol class="portal-results" data-search-list>
              {results.map(({ entry }) => (
                <li key={entry.href}>
                  <Link href={entry.href}>{entry.title}</Link>
                  <p>{entry.summary}</p>
                </li>
              ))}
            </ol>
          )}
        </section>
        <section class="portal-section" aria-labelledby="browse-heading">
          <h2 id="browse-heading">{lang.t('search.browseHeading')}</h2>
          <ul class="usa-list">
            {options.lifeEvents.map((event) => (
              <li key={event.href}>
                <Link href={event.href}>{event.title}</Link>
              </li>
            ))}
            <li>
              <Link href={pageHref(lang.locale, pages.allServices())}>{lang.t('services.allTitle')}</Link>
            </li>
          </ul>
        </section>
      </div>
    ),
  };
}
