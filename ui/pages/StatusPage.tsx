/** Where a submission stands: the confirmation page right after sending, and the status page after that. */
import type { Localized } from '#catalog/schema';
import type { PublicStatus } from '#domain/submissions';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { DateTime } from '../components/DateTime.tsx';
import { Link } from '../components/Link.tsx';
import { SummaryList } from '../components/SummaryList.tsx';
import { Tag } from '../components/Tag.tsx';
import { FeedbackSurvey } from '../form/FeedbackSurvey.tsx';
import { TextInput } from '../form/TextInput.tsx';
import type { Lang } from '../lang.ts';
import { apiPath, pageHref, pages } from '../paths.ts';
import { statusLabel } from '../status-label.ts';
import { PaymentSection } from './PaymentPages.tsx';
import type { PageView } from './view.ts';

/** What the catalog says about a service, for "What happens next": its usual time and whom to call. */
export interface ServiceFacts {
  processingTime: Localized;
  agency?: { name: Localized; phone: string; hours: Localized };
}

/** What happens next, how long it usually takes, and the number to call (with the code to hand). */
function NextSteps({ lang, facts }: { lang: Lang; facts: ServiceFacts }) {
  const { locale } = lang;
  return (
    <section class="portal-section" aria-labelledby="next-steps-heading" data-next-steps>
      <h2 id="next-steps-heading">{lang.t('status.nextHeading')}</h2>
      <ol class="usa-list">
        <li>{lang.t('status.nextReview')}</li>
        <li>{lang.t('status.nextTime', { time: facts.processingTime[locale] })}</li>
        <li>{lang.t('status.nextCheck')}</li>
      </ol>
      {facts.agency && (
        <p data-agency-contact>
          {lang.t('status.callUs', { agency: facts.agency.name[locale] })}{' '}
          <Link href={`tel:${facts.agency.phone.replace(/[^0-9+]/g, '')}`}>{facts.agency.phone}</Link> (
          {facts.agency.hours[locale]})
        </p>
      )}
    </section>
  );
}

/**
 * "Get a copy of what you sent": the code alone never shows answers, so the form asks for the e-mail address
 * given in them too (decision 0117); a plain form post, the PDF comes back as a download.
 */
function CopyForm({ lang, code }: { lang: Lang; code: string }) {
  return (
    <section class="portal-section" aria-labelledby="copy-heading" data-copy-form>
      <h2 id="copy-heading">{lang.t('pdf.downloadTitle')}</h2>
      <p>{lang.t('pdf.downloadIntro')}</p>
      <form class="usa-form" method="post" action={apiPath('downloadSubmissionPdf', { code }, { lang: lang.locale })}>
        <TextInput id="copy-email" name="email" type="email" label={lang.t('pdf.emailLabel')} autocomplete="email" />
        <Button variant="outline">{lang.t('pdf.downloadButton')}</Button>
      </form>
    </section>
  );
}

export function statusPage(
  lang: Lang,
  status: PublicStatus,
  options: {
    serviceTitle: Localized | undefined;
    justSubmitted: boolean;
    altHref: string;
    /** For a service with a fee: the payment section, with its "Pay" button's Idempotency-Key. */
    fee?: { amount: number; currency: string } | undefined;
    idempotencyKey: string;
    /** The service's usual time and phone: "What happens next". */
    facts?: ServiceFacts | undefined;
  },
): PageView {
  const { locale } = lang;
  const heading = lang.t(options.justSubmitted ? 'status.submittedTitle' : 'status.title');
  // A staff reply shown here (the message with the status) is what the survey asks about, employees included:
  // a person was involved (decision 0106). Otherwise it is about sending (confirmation) or checking the status.
  const reply = !options.justSubmitted && status.message ? status.messageId : undefined;
  return {
    title: heading,
    altHref: options.altHref,
    content: (
      <div data-status-page>
        <h1>{heading}</h1>
        {options.justSubmitted && <Alert kind="success">{lang.t('status.submittedText')}</Alert>}
        {status.emailUnreachable && (
          <div data-email-unreachable>
            <Alert kind="warning">{lang.t('status.emailUnreachable')}</Alert>
          </div>
        )}
        <h2 class="portal-code-label">{lang.t('status.code')}</h2>
        <p class="portal-code" data-confirmation-code>
          {status.code}
        </p>
        <SummaryList
          rows={[
            options.serviceTitle && { term: lang.t('status.service'), details: options.serviceTitle[locale] },
            {
              term: lang.t('status.status'),
              details: (
                <>
                  <Tag kind="status" state={status.status} label={statusLabel(lang, status.status)} />{' '}
                  <span data-status-meaning>{lang.t(`status.meaning.${status.status}`)}</span>
                </>
              ),
            },
            { term: lang.t('status.sentOn'), details: <DateTime iso={status.submittedAt} locale={locale} /> },
            { term: lang.t('status.updatedOn'), details: <DateTime iso={status.updatedAt} locale={locale} /> },
          ]}
        />
        {status.message && (
          <Alert kind="warning" heading={lang.t('status.messageTitle')}>
            <span data-status-message>{status.message}</span>
            {reply && (
              <>
                {' '}
                <Link href="#feedback-heading" data-rate-reply>
                  {lang.t('feedback.rateReply')}
                </Link>
              </>
            )}
          </Alert>
        )}
        {options.fee && (
          <PaymentSection
            lang={lang}
            code={status.code}
            fee={options.fee}
            payment={status.payment}
            idempotencyKey={options.idempotencyKey}
          />
        )}
        {options.facts && <NextSteps lang={lang} facts={options.facts} />}
        <CopyForm lang={lang} code={status.code} />
        <h2>{lang.t('status.history')}</h2>
        <ol class="usa-list">
          {status.history.map((entry) => (
            <li key={entry.at + entry.status}>
              {statusLabel(lang, entry.status)}: <DateTime iso={entry.at} locale={locale} />
            </li>
          ))}
        </ol>
        <p>
          <Link href={pageHref(locale, pages.status())}>{lang.t('status.checkAnother')}</Link>
        </p>
        <FeedbackSurvey
          lang={lang}
          target={
            reply
              ? { task: 'staff-reply', code: status.code, message: reply }
              : { task: options.justSubmitted ? 'apply' : 'status', code: status.code }
          }
          agencyName={options.facts?.agency?.name[locale] ?? lang.t('feedback.thisAgency')}
        />
      </div>
    ),
  };
}
