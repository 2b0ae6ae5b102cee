/**
 * What payment routes show: the page after the provider (paid / still processing / not paid, try again) with
 * the receipt, the payment part of the status page, a found bill with its "Pay" button, and the pay forms
 * again with a mistake marked.
 */
import { formatMoney } from '#catalog/i18n';
import type { Bill } from '#domain/payment-bills';
import type { Payment, PaymentHistoryEntry, PaymentSubject } from '#domain/payment-records';
import {
  canStartPaying,
  holdsMoney,
  isSettled,
  mayStillTakeMoney,
  type PaymentState,
  type PaymentSummary,
} from '#domain/payment-state';
import { Alert, type AlertKind } from '../components/Alert.tsx';
import { ButtonLink } from '../components/Button.tsx';
import { DateTime, Day } from '../components/DateTime.tsx';
import { Link } from '../components/Link.tsx';
import { SummaryList, type SummaryRow } from '../components/SummaryList.tsx';
import { Tag } from '../components/Tag.tsx';
import { FeedbackSurvey } from '../form/FeedbackSurvey.tsx';
import { BillLookupForm, type FormProblem, PayButton, PayByCodeForm } from '../form/PaymentForms.tsx';
import type { Lang } from '../lang.ts';
import { apiPath, pageHref, pages } from '../paths.ts';
import type { PageView } from './view.ts';

const OTHER = { en: 'es', es: 'en' } as const;

function money(lang: Lang, cents: number, currency: string): string {
  return formatMoney(cents, currency, lang.locale);
}

function StateTag({ lang, state }: { lang: Lang; state: PaymentState | 'unpaid' }) {
  return <Tag kind="payment-state" state={state} label={lang.t(`payment.state.${state}`)} />;
}

function subjectRow(lang: Lang, subject: PaymentSubject): SummaryRow {
  return subject.kind === 'submission'
    ? {
        term: lang.t('payment.application'),
        details: <Link href={apiPath('showStatus', { code: subject.code }, { lang: lang.locale })}>{subject.code}</Link>,
      }
    : { term: lang.t('payment.bill'), details: subject.reference };
}

function History({ lang, history, payment }: { lang: Lang; history: PaymentHistoryEntry[]; payment: Payment }) {
  if (history.length === 0) return null;
  return (
    <>
      <h2>{lang.t('payment.historyHeading')}</h2>
      <ol class="usa-list" data-payment-history>
        {history.map((entry) => (
          <li key={entry.at + entry.kind}>
            {entry.kind === 'refunded'
              ? lang.t('payment.history.refunded', { amount: money(lang, entry.amount ?? 0, payment.currency) })
              : lang.t(`payment.history.${entry.kind}`)}
            : <DateTime iso={entry.at} locale={lang.locale} />
          </li>
        ))}
      </ol>
    </>
  );
}

function Receipt({ lang, payment, history }: { lang: Lang; payment: Payment; history: PaymentHistoryEntry[] }) {
  return (
    <>
      <h2>{lang.t('payment.receiptHeading')}</h2>
      <SummaryList
        data-receipt
        rows={[
          {
            term: lang.t('payment.receiptNumber'),
            // Plain text, not the big confirmation-code style: the two must not be mistaken for each other.
            details: payment.id,
            data: { 'data-receipt-number': true },
          },
          { term: lang.t('payment.paidFor'), details: payment.description[lang.locale] },
          {
            term: lang.t('payment.amount'),
            details: money(lang, payment.amount, payment.currency),
            data: { 'data-amount': true },
          },
          payment.paidAt !== undefined && {
            term: lang.t('payment.paidOn'),
            details: <DateTime iso={payment.paidAt} locale={lang.locale} />,
          },
          subjectRow(lang, payment.subject),
          { term: lang.t('payment.status'), details: <StateTag lang={lang} state={payment.state} /> },
          payment.refunded > 0 && {
            term: lang.t('payment.refunded'),
            details: money(lang, payment.refunded, payment.currency),
            data: { 'data-refunded': true },
          },
        ]}
      />
      <History lang={lang} history={history} payment={payment} />
      <p class="usa-hint">{lang.t('payment.keep')}</p>
    </>
  );
}

export type ReturnedFrom = 'checkout' | 'cancel' | undefined;

/** The heading and message for a payment's state, as the person should read it. */
function outcome(
  lang: Lang,
  payment: Payment,
  from: ReturnedFrom,
): { title: string; kind: AlertKind; message: string; retry: boolean } {
  const amount = money(lang, payment.amount, payment.currency);
  if (isSettled(payment.state))
    return { title: 'payment.title.paid', kind: 'success', message: lang.t('payment.paidText', { amount }), retry: false };
  if (payment.state === 'processing' || (payment.state === 'pending' && from === 'checkout'))
    return { title: 'payment.title.processing', kind: 'info', message: lang.t('payment.processingText'), retry: false };
  if (payment.state === 'declined')
    return { title: 'payment.title.declined', kind: 'error', message: lang.t('payment.declinedText'), retry: true };
  if (payment.state === 'pending')
    return { title: 'payment.title.notPaid', kind: 'warning', message: lang.t('payment.notPaidText'), retry: true };
  const text = payment.state === 'expired' ? 'payment.expiredText' : 'payment.failedText';
  return { title: 'payment.title.declined', kind: 'error', message: lang.t(text), retry: true };
}

export function paymentPage(
  lang: Lang,
  details: { payment: Payment; history: PaymentHistoryEntry[] },
  options: { from: ReturnedFrom; idempotencyKey: string },
): PageView {
  const { payment, history } = details;
  const { locale } = lang;
  const result = outcome(lang, payment, options.from);
  const heading = lang.t(result.title);
  const here = apiPath('showPayment', { paymentId: payment.id }, { lang: locale });
  const amount = money(lang, payment.amount, payment.currency);
  return {
    title: heading,
    altHref: apiPath(
      'showPayment',
      { paymentId: payment.id },
      { lang: OTHER[locale], ...(options.from && { from: options.from }) },
    ),
    content: (
      <div data-payment-page data-payment-state={payment.state}>
        <h1>{heading}</h1>
        <Alert kind={result.kind}>{result.message}</Alert>
        {isSettled(payment.state) ? (
          <Receipt lang={lang} payment={payment} history={history} />
        ) : (
          <SummaryList
            rows={[
              { term: lang.t('payment.for'), details: payment.description[locale] },
              { term: lang.t('payment.amount'), details: amount, data: { 'data-amount': true } },
              subjectRow(lang, payment.subject),
            ]}
          />
        )}
        <div class="portal-section">
          {result.retry && (
            <PayButton
              lang={lang}
              label={lang.t('payment.tryAgain', { amount })}
              pays={{ payment: payment.id }}
              idempotencyKey={options.idempotencyKey}
            />
          )}
          {!result.retry && !isSettled(payment.state) && (
            <p>
              <ButtonLink variant="outline" href={here}>
                {lang.t('payment.checkAgain')}
              </ButtonLink>
            </p>
          )}
          {payment.subject.kind === 'submission' && (
            <p>
              <Link href={apiPath('showStatus', { code: payment.subject.code }, { lang: locale })}>
                {lang.t('payment.statusLink')}
              </Link>
            </p>
          )}
        </div>
        {isSettled(payment.state) && (
          <FeedbackSurvey lang={lang} target={{ task: 'pay', payment: payment.id }} agencyName={lang.t('feedback.thisAgency')} />
        )}
      </div>
    ),
  };
}

/** The "Payment" part of the status page of a submission whose service has a fee. */
export function PaymentSection({
  lang,
  code,
  fee,
  payment,
  idempotencyKey,
}: {
  lang: Lang;
  code: string;
  fee: { amount: number; currency: string };
  payment: PaymentSummary | undefined;
  idempotencyKey: string;
}) {
  const state: PaymentState | 'unpaid' =
    payment && (isSettled(payment.state) || mayStillTakeMoney(payment.state)) ? payment.state : 'unpaid';
  const amount = money(lang, payment?.amount ?? fee.amount, payment?.currency ?? fee.currency);
  const canPay = canStartPaying(payment?.state);
  return (
    <section class="portal-section" aria-labelledby="payment-heading" data-payment-section>
      <h2 id="payment-heading">{lang.t('payment.heading')}</h2>
      <SummaryList
        rows={[
          { term: lang.t('payment.amount'), details: amount },
          { term: lang.t('payment.status'), details: <StateTag lang={lang} state={state} /> },
        ]}
      />
      {canPay || !payment ? (
        <PayButton lang={lang} label={lang.t('payment.payButton', { amount })} pays={{ code }} idempotencyKey={idempotencyKey} />
      ) : (
        <p>
          <Link href={apiPath('showPayment', { paymentId: payment.id }, { lang: lang.locale })}>
            {lang.t(isSettled(payment.state) ? 'payment.viewReceipt' : 'payment.viewPayment')}
          </Link>
        </p>
      )}
    </section>
  );
}

/** A bill found by reference and check value, with its "Pay" button (or its receipt link once paid). */
export function billPage(lang: Lang, bill: Bill, check: string, idempotencyKey: string): PageView {
  const { locale } = lang;
  const heading = lang.t('bill.title');
  const amount = money(lang, bill.amount, bill.currency);
  const payment = bill.payment;
  const done = payment && holdsMoney(payment.state);
  return {
    title: heading,
    altHref: pageHref(OTHER[locale], pages.payBill()),
    content: (
      <div data-bill-page>
        <h1>{heading}</h1>
        <SummaryList
          rows={[
            { term: lang.t('payment.bill'), details: bill.reference, data: { 'data-bill-reference': true } },
            { term: lang.t('payment.for'), details: bill.description[locale] },
            { term: lang.t('payment.amount'), details: amount, data: { 'data-amount': true } },
            bill.dueOn !== undefined && { term: lang.t('bill.dueOn'), details: <Day day={bill.dueOn} locale={locale} /> },
            payment && { term: lang.t('payment.status'), details: <StateTag lang={lang} state={payment.state} /> },
          ]}
        />
        <div class="portal-section">
          {done ? (
            <>
              <Alert kind={isSettled(payment.state) ? 'success' : 'info'}>
                {lang.t(isSettled(payment.state) ? 'bill.paid' : 'payment.processingText')}
              </Alert>
              <p>
                <Link href={apiPath('showPayment', { paymentId: payment.id }, { lang: locale })}>
                  {lang.t(isSettled(payment.state) ? 'payment.viewReceipt' : 'payment.viewPayment')}
                </Link>
              </p>
            </>
          ) : (
            <>
              <p>{lang.t('pay.secureNote')}</p>
              <PayButton
                lang={lang}
                label={lang.t('payment.payButton', { amount })}
                pays={{ bill: bill.reference, check }}
                idempotencyKey={idempotencyKey}
              />
            </>
          )}
        </div>
      </div>
    ),
  };
}

/** The bill page again, with the mistake marked and the answers kept (a plain post without JavaScript). */
export function billLookupPage(lang: Lang, values: { bill: string; check: string }, problem: FormProblem): PageView {
  const heading = lang.t('bill.pageTitle');
  return {
    title: `${lang.t('error.titlePrefix')} ${heading}`,
    altHref: pageHref(OTHER[lang.locale], pages.payBill()),
    content: (
      <>
        <h1>{heading}</h1>
        <p class="usa-intro">{lang.t('bill.intro')}</p>
        <BillLookupForm lang={lang} bill={values.bill} check={values.check} problem={problem} />
      </>
    ),
  };
}

/** The "pay by confirmation code" form again, with the mistake marked. */
export function payByCodePage(lang: Lang, code: string, problem: FormProblem): PageView {
  const heading = lang.t('pay.byCodeTitle');
  return {
    title: `${lang.t('error.titlePrefix')} ${heading}`,
    altHref: pageHref(OTHER[lang.locale], pages.status()),
    content: (
      <>
        <h1>{heading}</h1>
        <PayByCodeForm lang={lang} code={code} problem={problem} />
      </>
    ),
  };
}
