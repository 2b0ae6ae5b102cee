/**
 * The parts of a queue export (decision 0067): a browser cannot follow the `Link: rel="next"` header the CSV
 * answers with, so this page lists the parts of the filter's export — part n of m, which cases, a download
 * link each — as plain links that work without JavaScript; a large export's list comes a few parts a page, with a
 * link to the next parts (decision 0127), and the parts' count shows once the last page is reached.
 */
import { Alert } from '../../components/Alert.tsx';
import { Link } from '../../components/Link.tsx';
import { Table } from '../../components/Table.tsx';
import type { Lang } from '../../lang.ts';
import type { PageView } from '../view.ts';
import { StaffBar, type StaffContext } from './StaffBar.tsx';

export interface ExportPartRow {
  part: number;
  /** Known once the list reached its last part (the last page). */
  of?: number | undefined;
  firstRow: number;
  lastRow: number;
  /** The part's download (the export's page route with the part's range). */
  href: string;
}

export function exportPartsPage(
  lang: Lang,
  options: {
    staff: StaffContext;
    /** The filter in words: status, and the service and "assigned to me" when chosen. */
    filterWords: string;
    /** Known on the list's last page. */
    total?: number | undefined;
    rows: number;
    parts: ExportPartRow[];
    /** The list's next page, when there are more parts. */
    nextHref?: string | undefined;
    /** Set when a part was too large and the parts were made smaller (the rows a part now holds). */
    resized?: number | undefined;
    queueHref: string;
    altHref: string;
  },
): PageView {
  const title = lang.t('export.partsTitle');
  const shown = options.parts.length;
  const number = (n: number) => n.toLocaleString(lang.locale === 'es' ? 'es-US' : 'en-US');
  const first = options.parts[0];
  const last = options.parts.at(-1);
  const of = last?.of;
  const counts = { total: number(options.total ?? 0), filter: options.filterWords };
  // The first page of a long list, a later page, or the whole list on one page (its total known).
  const intro =
    options.nextHref && first && last
      ? lang.t(first.part === 1 ? 'export.partsIntroMore' : 'export.partsIntroLater', {
          filter: options.filterWords,
          rows: number(options.rows),
          first: first.part,
          last: last.part,
        })
      : first && first.part > 1 && last
        ? lang.t('export.partsIntroLast', { ...counts, first: first.part, last: last.part, of: of ?? last.part })
        : shown === 0
          ? lang.t('export.partsNone', counts)
          : shown === 1
            ? lang.t('export.partsOne', counts)
            : lang.t('export.partsIntro', { ...counts, rows: options.rows, of: of ?? shown });
  return {
    title,
    altHref: options.altHref,
    content: (
      <div data-export-parts-page>
        <StaffBar lang={lang} staff={options.staff} />
        <h1>{title}</h1>
        {options.resized !== undefined && (
          <Alert kind="info" slim>
            <span data-export-resized>{lang.t('export.partsResized', { rows: options.resized })}</span>
          </Alert>
        )}
        <p class="usa-intro" data-export-summary>
          {intro}
        </p>
        {shown > 0 && (
          <>
            <Table
              caption={lang.t('export.partsCaption')}
              columns={[
                {
                  key: 'part',
                  header: lang.t('export.col.part'),
                  cell: (p) =>
                    p.of === undefined
                      ? lang.t('export.partN', { part: p.part })
                      : lang.t('export.partOf', { part: p.part, of: p.of }),
                },
                {
                  key: 'rows',
                  header: lang.t('export.col.rows'),
                  cell: (p) => lang.t('export.rowRange', { first: number(p.firstRow), last: number(p.lastRow) }),
                },
                {
                  key: 'download',
                  header: lang.t('export.col.download'),
                  cell: (p) => (
                    <Link href={p.href} data-export-part={String(p.part)}>
                      {p.of === undefined
                        ? lang.t('export.downloadPartN', { part: p.part })
                        : lang.t('export.downloadPart', { part: p.part, of: p.of })}
                    </Link>
                  ),
                },
              ]}
              rows={options.parts}
              rowKey={(p) => String(p.part)}
            />
            {options.nextHref && (
              <p>
                <Link href={options.nextHref} data-export-parts-next>
                  {lang.t('export.partsNext', { part: (last?.part ?? 0) + 1 })}
                </Link>
              </p>
            )}
            <p>{lang.t('export.partsSnapshot')}</p>
          </>
        )}
        <p>
          <Link href={options.queueHref}>{lang.t('agency.backToQueue')}</Link>
        </p>
      </div>
    ),
  };
}
