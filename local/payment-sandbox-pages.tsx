/**
 * The payment sandbox's own pages (npm start only): the hosted checkout a payer meets instead of Stripe's, in
 * English and Spanish. Another site in the real world, so not the portal's chrome: a plain header saying it is a
 * sandbox, the portal's stylesheet and the same components as every other page.
 */
import type { ComponentChildren } from 'preact';
import { Alert } from '#ui/components/Alert.tsx';
import { Button, ButtonLink } from '#ui/components/Button.tsx';
import { ErrorSummary } from '#ui/components/ErrorSummary.tsx';
import { Link } from '#ui/components/Link.tsx';
import { SummaryList } from '#ui/components/SummaryList.tsx';
import { TextInput } from '#ui/form/TextInput.tsx';
import { renderDocument } from '#ui/render.ts';
import type { SandboxSession } from './payment-sandbox-store.ts';

export type Lang = 'en' | 'es';

/** Where a checkout session's page lives (the session's `url`, and where its card form posts). */
export const CHECKOUT_PREFIX = '/sandbox/checkout/';
export const checkoutPath = (sessionId: string) => `${CHECKOUT_PREFIX}${encodeURIComponent(sessionId)}`;

export interface CardProblem {
  field: 'card' | 'expiry' | 'cvc';
  message: string;
}

const ENGLISH = {
  site: 'Sandbox payments',
  testMode: 'Test mode: no real money moves. Use one of the test cards below.',
  pay: 'Pay {amount}',
  for: 'Paying for',
  amount: 'Amount',
  card: 'Card number',
  cardHint: 'Test card: 4242 4242 4242 4242',
  expiry: 'Expiration date',
  expiryHint: 'MM/YY, like 12/30',
  cvc: 'Security code (CVC)',
  cvcHint: '3 or 4 digits, like 123',
  problem: 'There is a problem',
  cardMissing: 'Enter the card number',
  cardInvalid: 'Check the card number: it is not a valid card number',
  cardUnknown: 'Use one of the test cards listed on this page',
  expiryInvalid: 'Enter the expiration date as MM/YY, like 12/30',
  expiryPast: 'The card has expired: check the expiration date',
  cvcInvalid: 'Enter the 3 or 4 digit security code',
  cards: 'Test cards',
  cardPays: 'pays at once',
  cardDeclined: 'is declined',
  cardDelayed: 'pays after a short delay',
  cancel: 'Cancel and go back',
  paidTitle: 'This checkout is already paid',
  expiredTitle: 'This checkout has expired',
  expiredText: 'Go back and start the payment again.',
  back: 'Go back',
  notFound: 'There is no checkout at this address.',
  other: 'Español',
  skip: 'Skip to main content',
};

export const WORDS: Record<Lang, typeof ENGLISH> = {
  en: ENGLISH,
  es: {
    site: 'Pagos de prueba',
    testMode: 'Modo de prueba: no se mueve dinero real. Use una de las tarjetas de prueba de abajo.',
    pay: 'Pagar {amount}',
    for: 'Pago por',
    amount: 'Cantidad',
    card: 'Número de tarjeta',
    cardHint: 'Tarjeta de prueba: 4242 4242 4242 4242',
    expiry: 'Fecha de vencimiento',
    expiryHint: 'MM/AA, como 12/30',
    cvc: 'Código de seguridad (CVC)',
    cvcHint: '3 o 4 dígitos, como 123',
    problem: 'Hay un problema',
    cardMissing: 'Escriba el número de tarjeta',
    cardInvalid: 'Revise el número de tarjeta: no es un número válido',
    cardUnknown: 'Use una de las tarjetas de prueba de esta página',
    expiryInvalid: 'Escriba la fecha de vencimiento como MM/AA, como 12/30',
    expiryPast: 'La tarjeta está vencida: revise la fecha de vencimiento',
    cvcInvalid: 'Escriba el código de seguridad de 3 o 4 dígitos',
    cards: 'Tarjetas de prueba',
    cardPays: 'paga de inmediato',
    cardDeclined: 'es rechazada',
    cardDelayed: 'paga después de un momento',
    cancel: 'Cancelar y volver',
    paidTitle: 'Este pago ya está hecho',
    expiredTitle: 'Este pago venció',
    expiredText: 'Vuelva y empiece el pago otra vez.',
    back: 'Volver',
    notFound: 'No hay ningún pago en esta dirección.',
    other: 'English',
    skip: 'Saltar al contenido principal',
  },
};

interface SandboxView {
  title: string;
  content: ComponentChildren;
}

export function renderSandboxPage(page: { lang: Lang; otherHref: string; stylesheet: string }, view: SandboxView): string {
  const w = WORDS[page.lang];
  const other = page.lang === 'en' ? 'es' : 'en';
  return renderDocument(
    <html lang={page.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${view.title} | ${w.site}`}</title>
        {page.stylesheet && <link rel="stylesheet" href={page.stylesheet} />}
      </head>
      <body>
        <a class="usa-skipnav" href="#main-content">
          {w.skip}
        </a>
        <header class="usa-header usa-header--basic">
          <div class="usa-nav-container">
            <div class="usa-navbar">
              <div class="usa-logo">
                <em class="usa-logo__text">{w.site}</em>
              </div>
            </div>
            <div class="portal-header__tools">
              <a class="usa-link" href={page.otherHref} lang={other} hreflang={other}>
                {w.other}
              </a>
            </div>
          </div>
        </header>
        <main id="main-content">
          <div class="grid-container portal-page">
            <Alert kind="warning" slim>
              {w.testMode}
            </Alert>
            {view.content}
          </div>
        </main>
      </body>
    </html>,
  );
}

/** A page that only says one thing (no such checkout; a method the page does not take). */
export function messageView(message: string): SandboxView {
  return { title: message, content: <h1>{message}</h1> };
}

/** A checkout already paid or expired: back to the portal, which says what happened. */
export function closedView(lang: Lang, session: SandboxSession): SandboxView {
  const w = WORDS[lang];
  const paid = session.status === 'complete';
  const title = paid ? w.paidTitle : w.expiredTitle;
  return {
    title,
    content: (
      <>
        <h1>{title}</h1>
        {!paid && <p>{w.expiredText}</p>}
        <p>
          <ButtonLink href={paid ? session.success_url : session.cancel_url}>{w.back}</ButtonLink>
        </p>
      </>
    ),
  };
}

/** The card form: the amount, what it pays for, three card fields, and the test cards to use. */
export function checkoutFormView(
  lang: Lang,
  session: SandboxSession,
  amount: string,
  values: Record<string, string>,
  problems: CardProblem[],
): SandboxView {
  const w = WORDS[lang];
  const title = w.pay.replace('{amount}', amount);
  const field = (name: CardProblem['field'], label: string, hint: string, autocomplete: string) => (
    <TextInput
      id={`sandbox-${name}`}
      name={name}
      label={label}
      hint={hint}
      error={problems.find((problem) => problem.field === name)?.message}
      value={values[name] ?? ''}
      inputMode="numeric"
      autocomplete={autocomplete}
      width={name === 'card' ? 'xl' : 'small'}
    />
  );
  return {
    title: problems.length > 0 ? `${w.problem}: ${title}` : title,
    content: (
      <>
        <h1>{title}</h1>
        <SummaryList
          rows={[
            { term: w.for, details: session._description },
            { term: w.amount, details: amount },
          ]}
        />
        {problems.length > 0 && (
          <ErrorSummary
            title={w.problem}
            problems={problems.map((problem) => ({ message: problem.message, href: `#sandbox-${problem.field}` }))}
          />
        )}
        <form class="usa-form" method="post" action={`${checkoutPath(session.id)}?lang=${lang}`} noValidate>
          {field('card', w.card, w.cardHint, 'cc-number')}
          {field('expiry', w.expiry, w.expiryHint, 'cc-exp')}
          {field('cvc', w.cvc, w.cvcHint, 'cc-csc')}
          <Button variant="big">{title}</Button>
        </form>
        <h2>{w.cards}</h2>
        <ul class="usa-list">
          <li>4242 4242 4242 4242 {w.cardPays}</li>
          <li>4000 0000 0000 0002 {w.cardDeclined}</li>
          <li>4000 0000 0000 0077 {w.cardDelayed}</li>
        </ul>
        <p>
          <Link href={session.cancel_url}>{w.cancel}</Link>
        </p>
      </>
    ),
  };
}
