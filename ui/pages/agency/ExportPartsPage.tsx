/**
 * The parts of a queue export (decision 0067): a browser cannot follow the `Link: rel="next"` header the CSV
 * answers with, so this page lists every part of the filter's export — part n of m, which cases, a download
 * link each — as plain links that work without JavaScript.
 */
import { Alert } from '../../components/Alert.tsx';
import { Link } from '../../components/Link.tsx';
import { Table } from '../../components/Table.tsx';
import type { Lang } from '../../lang.ts';
import type { PageView } from '../view.ts';
import { StaffBar, type StaffContext } from './StaffBar.tsx';

export interface ExportPartRow {
  part: number;
  of: number;
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
    total: number;
    rows: number;
    parts: ExportPartRow[];
    /** Set when a part was too large and the parts were made smaller (the rows a part now holds). */
    resized?: number | undefined;
    queueHref: string;
    altHref: string;
  },
): PageView {
  const title = lang.t('export.partsTitle');
  const of = options.parts.length;
  const counts = { total: options.total.toLocaleString(lang.locale === 'es' ? 'es-US' : 'en-US'), filter: options.filterWords };
  const intro =
    of === 0
      ? lang.t('export.partsNone', counts)
      : of === 1
        ? lang.t('export.partsOne', counts)
        : lang.t('export.partsIntro', { ...counts, rows: options.rows, of });
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
        {of > 0 && (
          <>
            <Table
              caption={lang.t('export.partsCaption')}
              columns={[
                {
                  key: 'part',
                  header: lang.t('export.col.part'),
                  cell: (p) => lang.t('export.partOf', { part: p.part, of: p.of }),
                },
                {
                  key: 'rows',
                  header: lang.t('export.col.rows'),
                  cell: (p) => lang.t('export.rowRange', { first: p.firstRow, last: p.lastRow }),
                },
                {
                  key: 'download',
                  header: lang.t('export.col.download'),
                  cell: (p) => (
                    <Link href={p.href} data-export-part={String(p.part)}>
                      {lang.t('export.downloadPart', { part: p.part, of: p.of })}
                    </Link>
                  ),
                },
              ]}
              rows={options.parts}
              rowKey={(p) => String(p.part)}
            />
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
