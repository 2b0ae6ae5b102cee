/**
 * An agency's work queue: counts by status and the oldest open case at the top, the filter (status, service,
 * assigned to me, order) and the search as plain GET forms, 25 cases a page with next/previous links that keep
 * the filter. Works without JavaScript.
 */
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { Link } from '../../components/Link.tsx';
import { Table } from '../../components/Table.tsx';
import { Tag } from '../../components/Tag.tsx';
import { Checkbox } from '../../form/Checkbox.tsx';
import { HiddenFields } from '../../form/HiddenFields.tsx';
import { type Choice, Select } from '../../form/Select.tsx';
import { TextInput } from '../../form/TextInput.tsx';
import { safeHref } from '../../href.ts';
import type { Lang } from '../../lang.ts';
import { apiPath } from '../../paths.ts';
import { statusLabel } from '../../status-label.ts';
import type { PageView } from '../view.ts';
import { StaffBar, type StaffContext } from './StaffBar.tsx';

export interface QueueRow {
  code: string;
  serviceTitle: string;
  status: string;
  submittedAt: string;
  assignedTo?: string | undefined;
}

export interface QueueFilterView {
  status: string;
  serviceId?: string | undefined;
  mine: boolean;
  order: 'oldest' | 'newest';
}

/** The query string of a queue page with this filter (and a cursor): what links and the form keep. */
export function queueQuery(filter: QueueFilterView, locale: string, cursor?: string): Record<string, string> {
  return {
    status: filter.status,
    ...(filter.serviceId && { service: filter.serviceId }),
    ...(filter.mine && { mine: 'yes' }),
    order: filter.order,
    lang: locale,
    ...(cursor && { cursor }),
  };
}

export function CaseTable({ lang, caption, rows }: { lang: Lang; caption: string; rows: QueueRow[] }) {
  const { locale } = lang;
  return (
    <Table<QueueRow>
      caption={caption}
      rows={rows}
      rowKey={(row) => row.code}
      columns={[
        {
          key: 'code',
          header: lang.t('agency.colCode'),
          cell: (row) => (
            <Link href={apiPath('casePage', { code: row.code }, { lang: locale })} data-case-link={row.code}>
              {row.code}
            </Link>
          ),
        },
        { key: 'service', header: lang.t('agency.colService'), cell: (row) => row.serviceTitle },
        {
          key: 'status',
          header: lang.t('agency.colStatus'),
          cell: (row) => <Tag kind="status" state={row.status} label={statusLabel(lang, row.status)} />,
        },
        { key: 'sent', header: lang.t('agency.colSent'), cell: (row) => <DateTime iso={row.submittedAt} locale={locale} /> },
        { key: 'assigned', header: lang.t('agency.colAssigned'), cell: (row) => row.assignedTo ?? lang.t('agency.nobody') },
      ]}
    />
  );
}

export function FindCaseForm({ lang, agency, query, error }: { lang: Lang; agency: string; query?: string; error?: string }) {
  return (
    <section aria-labelledby="find-heading">
      <h2 id="find-heading">{lang.t('agency.findHeading')}</h2>
      <form method="get" action={apiPath('findAgencyCasesPage', { agency })} class="usa-form" data-find-case>
        <HiddenFields fields={{ lang: lang.locale }} />
        <TextInput id="find-q" name="q" label={lang.t('agency.findLabel')} value={query ?? ''} error={error} maxLength={254} />
        <Button>{lang.t('agency.findButton')}</Button>
      </form>
    </section>
  );
}

export function queuePage(
  lang: Lang,
  options: {
    staff: StaffContext;
    agencyName: string;
    statuses: readonly string[];
    counts: Record<string, number>;
    oldestOpenDays?: number | undefined;
    filter: QueueFilterView;
    services: Choice[];
    rows: QueueRow[];
    next?: string | undefined;
    previous?: string | undefined;
    altHref: string;
  },
): PageView {
  const { locale } = lang;
  const { filter, staff } = options;
  const title = lang.t('agency.queueTitle', { agency: options.agencyName });
  const pageHref = (cursor?: string) => apiPath('agencyQueuePage', { agency: staff.agency }, queueQuery(filter, locale, cursor));
  return {
    title,
    altHref: options.altHref,
    content: (
      <div data-queue-page>
        <StaffBar lang={lang} staff={staff} back={false} />
        <h1>{title}</h1>
        <section aria-labelledby="counts-heading">
          <h2 id="counts-heading">{lang.t('agency.counts')}</h2>
          <ul class="usa-list" data-counts>
            {options.statuses.map((status) => (
              <li key={status}>
                <Link
                  href={apiPath('agencyQueuePage', { agency: staff.agency }, queueQuery({ ...filter, status }, locale))}
                  data-count={status}
                >
                  {statusLabel(lang, status)}: {options.counts[status] ?? 0}
                </Link>
              </li>
            ))}
          </ul>
          <p data-oldest-open>
            {options.oldestOpenDays === undefined
              ? lang.t('agency.noOpen')
              : lang.t('agency.oldestOpen', { days: options.oldestOpenDays })}
          </p>
        </section>
        <FindCaseForm lang={lang} agency={staff.agency} />
        <section aria-labelledby="filter-heading">
          <h2 id="filter-heading">{lang.t('agency.filterHeading')}</h2>
          <form method="get" action={apiPath('agencyQueuePage', { agency: staff.agency })} class="usa-form" data-queue-filter>
            <HiddenFields fields={{ lang: locale }} />
            <Select
              id="filter-status"
              name="status"
              label={lang.t('agency.filterStatus')}
              placeholder={lang.t('agency.chooseStatus')}
              value={filter.status}
              choices={options.statuses.map((status) => ({ value: status, label: statusLabel(lang, status) }))}
            />
            <Select
              id="filter-service"
              name="service"
              label={lang.t('agency.filterService')}
              placeholder={lang.t('agency.filterAllServices')}
              value={filter.serviceId ?? ''}
              choices={options.services}
            />
            <Select
              id="filter-order"
              name="order"
              label={lang.t('agency.filterOrder')}
              placeholder={lang.t('agency.orderOldest')}
              value={filter.order === 'newest' ? 'newest' : ''}
              choices={[{ value: 'newest', label: lang.t('agency.orderNewest') }]}
            />
            <Checkbox id="filter-mine" name="mine" label={lang.t('agency.filterMine')} checked={filter.mine} />
            <Button>{lang.t('agency.filterApply')}</Button>
          </form>
        </section>
        {options.rows.length === 0 ? (
          <Alert kind="info" slim>
            {lang.t('agency.noCases')}
          </Alert>
        ) : (
          <CaseTable
            lang={lang}
            caption={lang.t('agency.casesCaption', { status: statusLabel(lang, filter.status) })}
            rows={options.rows}
          />
        )}
        <ul class="usa-list usa-list--unstyled" data-export-actions>
          <li>
            <Link href={apiPath('exportAgencyQueuePage', { agency: staff.agency }, queueQuery(filter, locale))} data-export-link>
              {lang.t('agency.exportLink')}
            </Link>
          </li>
          <li>
            <Link href={apiPath('exportPartsPage', { agency: staff.agency }, queueQuery(filter, locale))} data-export-parts-link>
              {lang.t('export.partsLink')}
            </Link>
          </li>
        </ul>
        {(options.next || options.previous) && (
          <nav aria-label={lang.t('pagination.label')} class="usa-pagination" data-queue-pages>
            <ul class="usa-pagination__list">
              {options.previous && (
                <li class="usa-pagination__item usa-pagination__arrow">
                  <a
                    href={safeHref(pageHref(options.previous))}
                    class="usa-pagination__link usa-pagination__previous-page"
                    aria-label={lang.t('pagination.previousLabel')}
                    data-previous-page
                  >
                    <span class="usa-pagination__link-text">{lang.t('pagination.previous')}</span>
                  </a>
                </li>
              )}
              {options.next && (
                <li class="usa-pagination__item usa-pagination__arrow">
                  <a
                    href={safeHref(pageHref(options.next))}
                    class="usa-pagination__link usa-pagination__next-page"
                    aria-label={lang.t('pagination.nextLabel')}
                    data-next-page
                  >
                    <span class="usa-pagination__link-text">{lang.t('pagination.next')}</span>
                  </a>
                </li>
              )}
            </ul>
          </nav>
        )}
      </div>
    ),
  };
}

/** The cases sent with one e-mail address (a search), or the search again with what to fix. */
export function caseSearchPage(
  lang: Lang,
  options: { staff: StaffContext; query: string; rows?: QueueRow[]; error?: string; altHref: string },
): PageView {
  const title = options.rows ? lang.t('agency.searchTitle', { email: options.query }) : lang.t('agency.findHeading');
  return {
    title,
    altHref: options.altHref,
    content: (
      <div data-search-page>
        <StaffBar lang={lang} staff={options.staff} />
        <h1>{title}</h1>
        {options.rows &&
          (options.rows.length === 0 ? (
            <Alert kind="info" slim>
              {lang.t('agency.noCases')}
            </Alert>
          ) : (
            <CaseTable lang={lang} caption={title} rows={options.rows} />
          ))}
        <FindCaseForm
          lang={lang}
          agency={options.staff.agency}
          query={options.query}
          {...(options.error && { error: options.error })}
        />
      </div>
    ),
  };
}
