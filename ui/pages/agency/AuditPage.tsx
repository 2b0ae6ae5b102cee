/**
 * A staff member's activity, for their agency's administrators: every entry of the audit trail they left for the
 * agency, newest first, 50 a page (functions/domain/audit-activity.ts). Plain links page through it; nothing on
 * the page changes an entry.
 */
import { formatMoney } from '#catalog/i18n';
import type { AuditEntry } from '#domain/audit';
import { DateTime } from '../../components/DateTime.tsx';
import { Link } from '../../components/Link.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { Table } from '../../components/Table.tsx';
import type { Lang } from '../../lang.ts';
import { apiPath } from '../../paths.ts';
import { statusLabel } from '../../status-label.ts';
import type { PageView } from '../view.ts';

const CONFIRMATION_CODE = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

/** What the entry did, in words, with the few details worth reading (a status change, an amount). */
function What({ lang, entry }: { lang: Lang; entry: AuditEntry }) {
  const { detail } = entry;
  const said = lang.t(`audit.action.${entry.action}`);
  if (entry.action === 'case.status' && detail?.from && detail.to)
    return (
      <>
        {said}: {statusLabel(lang, detail.from)} → {statusLabel(lang, detail.to)}
      </>
    );
  if (entry.action === 'payment.refund' && detail?.amount && detail.currency)
    return (
      <>
        {said}: {formatMoney(Number(detail.amount), detail.currency, lang.locale)}
      </>
    );
  return <>{said}</>;
}

function Record({ entry }: { entry: AuditEntry }) {
  if (CONFIRMATION_CODE.test(entry.record))
    return <Link href={apiPath('showCase', { code: entry.record }, {})}>{entry.record}</Link>;
  return <span class="portal-break-anywhere">{entry.record}</span>;
}

export interface AuditPageOptions {
  agency: string;
  subject: string;
  entries: AuditEntry[];
  /** From 1: which page this is (the address carries it). */
  page: number;
  /** Addresses of the next (older) and previous (newer) pages, when there are such pages. */
  nextHref?: string | undefined;
  previousHref?: string | undefined;
  retentionDays: number;
  altHref: string;
}

export function auditPage(lang: Lang, options: AuditPageOptions): PageView {
  const { entries, page } = options;
  const name = entries[0]?.actor.name ?? options.subject;
  const title = lang.t('audit.title', { name });
  return {
    title,
    altHref: options.altHref,
    content: (
      <div data-audit-page>
        <h1>{title}</h1>
        <p>{lang.t('audit.intro', { days: options.retentionDays })}</p>
        {entries.length === 0 ? (
          <p data-audit-empty>{lang.t('audit.empty')}</p>
        ) : (
          <Table
            caption={lang.t('audit.caption')}
            rowKey={(entry) => entry.id}
            rows={entries}
            columns={[
              { key: 'when', header: lang.t('audit.when'), cell: (e) => <DateTime iso={e.at} locale={lang.locale} /> },
              { key: 'what', header: lang.t('audit.what'), cell: (e) => <What lang={lang} entry={e} /> },
              { key: 'record', header: lang.t('audit.record'), cell: (e) => <Record entry={e} /> },
              {
                key: 'from',
                header: lang.t('audit.from'),
                cell: (e) =>
                  e.from.address || e.from.userAgent ? (
                    <>
                      {e.from.address}
                      {e.from.address && e.from.userAgent && <br />}
                      {e.from.userAgent && <small class="portal-break-anywhere">{e.from.userAgent}</small>}
                    </>
                  ) : (
                    lang.t('audit.unknownOrigin')
                  ),
              },
            ]}
          />
        )}
        <Pagination
          lang={lang}
          page={page}
          hasNext={options.nextHref !== undefined}
          hrefFor={(wanted) => (wanted > page ? (options.nextHref ?? '#') : (options.previousHref ?? '#'))}
        />
      </div>
    ),
  };
}
