/**
 * USWDS pagination for long lists (previous / page n / next). Every link is a plain GET that keeps the
 * list's filters: `hrefFor(page)` builds it.
 */
import { safeHref } from '../href.ts';
import type { Lang } from '../lang.ts';

export function Pagination({
  lang,
  page,
  hasNext,
  hrefFor,
}: {
  lang: Lang;
  /** From 1. */
  page: number;
  hasNext: boolean;
  hrefFor: (page: number) => string;
}) {
  if (page <= 1 && !hasNext) return null;
  return (
    <nav aria-label={lang.t('pagination.label')} class="usa-pagination">
      <ul class="usa-pagination__list">
        {page > 1 && (
          <li class="usa-pagination__item usa-pagination__arrow">
            <a
              href={safeHref(hrefFor(page - 1))}
              class="usa-pagination__link usa-pagination__previous-page"
              aria-label={lang.t('pagination.previousLabel')}
            >
              <span class="usa-pagination__link-text">{lang.t('pagination.previous')}</span>
            </a>
          </li>
        )}
        <li class="usa-pagination__item usa-pagination__page-no">
          <span class="usa-pagination__button usa-current" aria-current="page">
            <span class="usa-sr-only">{lang.t('pagination.page')} </span>
            {page}
          </span>
        </li>
        {hasNext && (
          <li class="usa-pagination__item usa-pagination__arrow">
            <a
              href={safeHref(hrefFor(page + 1))}
              class="usa-pagination__link usa-pagination__next-page"
              aria-label={lang.t('pagination.nextLabel')}
            >
              <span class="usa-pagination__link-text">{lang.t('pagination.next')}</span>
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
