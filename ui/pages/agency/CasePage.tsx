/**
 * A case for staff of its agency: what was sent (the form's own labels, in the staff member's language), the
 * service, fee and payment, who works it, the history, messages and internal notes, and the forms that work it —
 * status, message or note, assignment, refund — each a plain POST answered with a 303 back here. A refused change
 * shows this page again with the error summary; a change someone else beat shows the case as it now stands.
 */

import { formatMoney } from '#catalog/i18n';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Link } from '../../components/Link.tsx';
import { SummaryList } from '../../components/SummaryList.tsx';
import { Table } from '../../components/Table.tsx';
import { Tag } from '../../components/Tag.tsx';
import { Timeline } from '../../components/Timeline.tsx';
import { HiddenFields } from '../../form/HiddenFields.tsx';
import { RadioGroup } from '../../form/RadioGroup.tsx';
import { Select } from '../../form/Select.tsx';
import { Textarea } from '../../form/Textarea.tsx';
import { TextInput } from '../../form/TextInput.tsx';
import type { Lang } from '../../lang.ts';
import { apiPath } from '../../paths.ts';
import { statusLabel } from '../../status-label.ts';
import type { TimelineItemView } from '../../timeline-view.ts';
import type { PageView } from '../view.ts';
import { StaffBar, type StaffContext } from './StaffBar.tsx';

/** The form fields a refused change points at (the error summary links to them). */
export type CaseField = 'status' | 'message' | 'reason' | 'text' | 'amount';

export interface CaseView {
  code: string;
  status: string;
  version: number;
  serviceTitle: string;
  fee?: { amount: number; currency: string; refundable: boolean } | undefined;
  payment?: { id: string; state: string; amount: number; currency: string; refunded: number } | undefined;
  submittedAt: string;
  updatedAt: string;
  assignedTo?: { subject: string; name: string } | undefined;
  answers: { name: string; label: string; value: string }[];
  /** Files the citizen attached: each opens through an audited, short-lived link (decision 0113). */
  files?: { question: string; name: string; size: string; href: string }[] | undefined;
  history: { status: string; at: string }[];
  messages: { id: string; at: string; kind: 'message' | 'note'; text: string; by: { name: string } }[];
  nextStatuses: string[];
  /** Every interaction on the case, newest first (the first page of it), across channels. */
  timeline?: TimelineItemView[] | undefined;
  /** The applicant's person id when they applied signed in: the case links their whole timeline for the agency. */
  ownerSubject?: string | undefined;
  agency?: string | undefined;
  audit?:
    | {
        id: string;
        at: string;
        actor: { name: string; subject?: string | undefined };
        action: string;
        from: { address?: string | undefined };
      }[]
    | undefined;
}

export interface CaseProblem {
  message: string;
  field?: CaseField | undefined;
  /** "Someone else changed this case": the page shows the case as it now stands. */
  conflict?: boolean;
}

const FIELD_IDS: Record<CaseField, string> = {
  status: 'status-to',
  message: 'status-message',
  reason: 'status-reason',
  text: 'write-text',
  amount: 'refund-amount',
};

/** Whether the payment still has money staff may give back. */
function refundable(view: CaseView): boolean {
  const { payment, fee } = view;
  if (!payment || !fee?.refundable) return false;
  return (payment.state === 'paid' || payment.state === 'partially-refunded') && payment.refunded < payment.amount;
}

export function casePage(
  lang: Lang,
  options: {
    staff: StaffContext;
    view: CaseView;
    problem?: CaseProblem | undefined;
    /** What was typed into the form that was refused, to show it again. */
    values?: Record<string, string> | undefined;
    altHref: string;
  },
): PageView {
  const { locale } = lang;
  const { view, staff, problem } = options;
  const values = options.values ?? {};
  const title = lang.t('agency.caseTitle', { code: view.code });
  const csrf = { _csrf: staff.csrf };
  // The language travels in the address, where every handler reads it (requestLocale), as on GET pages.
  const inLang = { lang: locale };
  const errorFor = (field: CaseField) => (problem && !problem.conflict && problem.field === field ? problem.message : undefined);
  const assignedToMe = view.assignedTo?.subject === staff.subject;
  return {
    title,
    altHref: options.altHref,
    content: (
      <div data-case-page data-case-status={view.status}>
        <StaffBar lang={lang} staff={staff} />
        {problem && !problem.conflict && (
          <ErrorSummary
            title={lang.t('form.errorSummaryTitle')}
            problems={[{ message: problem.message, href: `#${FIELD_IDS[problem.field ?? 'status']}` }]}
          />
        )}
        {problem?.conflict && (
          <Alert kind="warning" heading={lang.t('form.errorSummaryTitle')}>
            <span data-case-conflict>{problem.message}</span>
          </Alert>
        )}
        <h1>{title}</h1>
        <SummaryList
          rows={[
            { term: lang.t('status.service'), details: view.serviceTitle },
            {
              term: lang.t('status.status'),
              details: <Tag kind="status" state={view.status} label={statusLabel(lang, view.status)} />,
              data: { 'data-status': view.status },
            },
            { term: lang.t('status.sentOn'), details: <DateTime iso={view.submittedAt} locale={locale} /> },
            { term: lang.t('status.updatedOn'), details: <DateTime iso={view.updatedAt} locale={locale} /> },
            {
              term: lang.t('agency.fee'),
              details: view.fee ? formatMoney(view.fee.amount, view.fee.currency, locale) : lang.t('agency.noFee'),
            },
            view.fee && {
              term: lang.t('agency.payment'),
              details: view.payment ? (
                <>
                  <Tag kind="payment-state" state={view.payment.state} label={lang.t(`payment.state.${view.payment.state}`)} />
                  {view.payment.refunded > 0 && (
                    <>
                      {' '}
                      {lang.t('agency.refundedSoFar', {
                        amount: formatMoney(view.payment.refunded, view.payment.currency, locale),
                      })}
                    </>
                  )}
                </>
              ) : (
                lang.t('payment.state.unpaid')
              ),
              data: { 'data-payment-state': view.payment?.state ?? 'unpaid' },
            },
            { term: lang.t('agency.colAssigned'), details: view.assignedTo?.name ?? lang.t('agency.nobody') },
          ]}
        />

        <h2>{lang.t('agency.answers')}</h2>
        <SummaryList
          rows={view.answers.map((answer) => ({
            term: answer.label,
            details: answer.value === '' ? lang.t('agency.noAnswer') : answer.value,
            data: { 'data-answer': answer.name },
          }))}
        />
        <p>
          <Link href={apiPath('casePdfPage', { code: view.code }, inLang)} data-case-pdf>
            {lang.t('pdf.caseLink')}
          </Link>
        </p>

        {view.files && view.files.length > 0 && (
          <section aria-labelledby="files-heading">
            <h2 id="files-heading">{lang.t('case.files')}</h2>
            <ul class="usa-list portal-case-files" data-case-files>
              {view.files.map((file) => (
                <li key={file.href}>
                  {file.question}:{' '}
                  <a class="usa-link" href={file.href} data-case-file={file.name}>
                    {file.name}
                  </a>{' '}
                  <span class="usa-hint">({file.size})</span>
                </li>
              ))}
            </ul>
          </section>
        )}

        <section aria-labelledby="assign-heading">
          <h2 id="assign-heading">{lang.t('agency.assignHeading')}</h2>
          <form method="post" action={apiPath('assignCaseForm', { code: view.code }, inLang)} data-assign-form>
            <HiddenFields fields={{ ...csrf, version: String(view.version), to: assignedToMe ? 'nobody' : 'me' }} />
            <Button variant="outline">{lang.t(assignedToMe ? 'agency.unassign' : 'agency.assignToMe')}</Button>
          </form>
        </section>

        <section aria-labelledby="status-heading">
          <h2 id="status-heading">{lang.t('agency.statusHeading')}</h2>
          {view.nextStatuses.length === 0 ? (
            <p>{lang.t('agency.closed')}</p>
          ) : (
            <form
              method="post"
              action={apiPath('changeCaseStatusForm', { code: view.code }, inLang)}
              class="usa-form"
              data-status-form
            >
              <HiddenFields fields={{ ...csrf, version: String(view.version) }} />
              <Select
                id={FIELD_IDS.status}
                name="status"
                label={lang.t('agency.newStatus')}
                placeholder={lang.t('agency.chooseStatus')}
                value={values.status ?? ''}
                error={errorFor('status')}
                choices={view.nextStatuses.map((status) => ({ value: status, label: statusLabel(lang, status) }))}
              />
              <Textarea
                id={FIELD_IDS.message}
                name="message"
                label={lang.t('agency.statusMessage')}
                hint={lang.t('agency.statusMessageHint')}
                value={values.message ?? ''}
                error={errorFor('message')}
                maxLength={5000}
              />
              <Textarea
                id={FIELD_IDS.reason}
                name="reason"
                label={lang.t('agency.statusReason')}
                hint={lang.t('agency.statusReasonHint')}
                value={values.reason ?? ''}
                error={errorFor('reason')}
                maxLength={5000}
              />
              <Button>{lang.t('agency.statusButton')}</Button>
            </form>
          )}
        </section>

        <section aria-labelledby="write-heading">
          <h2 id="write-heading">{lang.t('agency.writeHeading')}</h2>
          <form
            method="post"
            action={apiPath('addCaseMessageForm', { code: view.code }, inLang)}
            class="usa-form"
            data-write-form
          >
            <HiddenFields fields={csrf} />
            <RadioGroup
              id="write-kind"
              name="kind"
              label={lang.t('agency.kind')}
              value={values.kind ?? 'note'}
              choices={[
                { value: 'note', label: lang.t('agency.kindNote') },
                { value: 'message', label: lang.t('agency.kindMessage') },
              ]}
            />
            <Textarea
              id={FIELD_IDS.text}
              name="text"
              label={lang.t('agency.text')}
              value={values.text ?? ''}
              error={errorFor('text')}
              maxLength={5000}
            />
            <Button>{lang.t('agency.writeButton')}</Button>
          </form>
        </section>

        {refundable(view) && view.payment && (
          <section aria-labelledby="refund-heading">
            <h2 id="refund-heading">{lang.t('agency.refundHeading')}</h2>
            <form
              method="post"
              action={apiPath('refundPaymentForm', { code: view.code, paymentId: view.payment.id }, inLang)}
              class="usa-form"
              data-refund-form
            >
              <HiddenFields fields={csrf} />
              <TextInput
                id={FIELD_IDS.amount}
                name="amount"
                label={lang.t('agency.refundAmount')}
                hint={lang.t('agency.refundAmountHint')}
                inputMode="numeric"
                width="medium"
                value={values.amount ?? ''}
                error={errorFor('amount')}
                maxLength={9}
              />
              <TextInput
                id="refund-reason"
                name="reason"
                label={lang.t('agency.refundReason')}
                value={values.reason ?? ''}
                maxLength={500}
              />
              <Button variant="outline">{lang.t('agency.refundButton')}</Button>
            </form>
          </section>
        )}

        <section aria-labelledby="messages-heading">
          <h2 id="messages-heading">{lang.t('agency.messagesHeading')}</h2>
          {view.messages.length === 0 ? (
            <p>{lang.t('agency.noMessages')}</p>
          ) : (
            <ul class="usa-list usa-list--unstyled" data-messages>
              {view.messages.map((message) => (
                <li key={message.id} class="portal-case-message" data-message-kind={message.kind}>
                  <p>
                    <strong>{lang.t(message.kind === 'note' ? 'agency.noteLabel' : 'agency.messageLabel')}</strong>
                    {' · '}
                    {message.by.name}, <DateTime iso={message.at} locale={locale} />
                  </p>
                  <p class="portal-preserve-lines">{message.text}</p>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="history-heading">
          <h2 id="history-heading">{lang.t('agency.historyHeading')}</h2>
          <ol class="usa-list" data-history>
            {view.history.map((entry) => (
              <li key={entry.at + entry.status}>
                {statusLabel(lang, entry.status)}: <DateTime iso={entry.at} locale={locale} />
              </li>
            ))}
          </ol>
        </section>

        {view.timeline && <Timeline lang={lang} items={view.timeline} />}
        {view.ownerSubject && view.agency && (
          <p data-person-link>
            <Link href={apiPath('personPage', { agency: view.agency, person: view.ownerSubject }, { lang: lang.locale })}>
              {lang.t('person.link')}
            </Link>
          </p>
        )}

        {view.audit && (
          <section aria-labelledby="audit-heading" data-audit>
            <h2 id="audit-heading">{lang.t('agency.auditHeading')}</h2>
            <Table
              caption={lang.t('agency.auditHeading')}
              captionHidden
              rows={view.audit}
              rowKey={(entry) => entry.id}
              columns={[
                { key: 'when', header: lang.t('agency.auditWhen'), cell: (entry) => <DateTime iso={entry.at} locale={locale} /> },
                {
                  key: 'who',
                  header: lang.t('agency.auditWho'),
                  cell: (entry) =>
                    entry.actor.subject ? (
                      <a
                        class="usa-link"
                        href={apiPath('staffActivityPage', { agency: staff.agency, subject: entry.actor.subject }, inLang)}
                      >
                        {entry.actor.name}
                      </a>
                    ) : (
                      entry.actor.name
                    ),
                },
                { key: 'what', header: lang.t('agency.auditWhat'), cell: (entry) => entry.action },
                { key: 'from', header: lang.t('agency.auditFrom'), cell: (entry) => entry.from.address ?? '' },
              ]}
            />
          </section>
        )}
      </div>
    ),
  };
}
