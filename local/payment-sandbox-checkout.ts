/**
 * The payment sandbox's hosted checkout page under /sandbox/checkout/ (what checkout.stripe.com is in production),
 * in English and Spanish, and what paying with each test card does:
 * 4242 4242 4242 4242 pays; 4000 0000 0000 0002 is declined (the checkout stays open; the person is sent back to
 * the portal, which offers to try again); 4000 0000 0000 0077 is paid only after a delay (the portal says "still
 * processing" until the delayed webhook arrives).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeHtml as e, formatMoney } from '#catalog/i18n';
import { SECURITY_HEADERS } from '../web/security-headers.ts';
import { readText } from './http.ts';
import { publicSession, type SandboxSession, type SandboxStore } from './payment-sandbox-store.ts';
import { randomId as random } from './payment-sandbox-stripe-api.ts';
import type { WebhookSender } from './payment-sandbox-webhooks.ts';

type Lang = 'en' | 'es';

/** A card form is three short fields. */
const CHECKOUT_MAX_BODY = 10 * 1024;

export const CARDS = { pays: '4242424242424242', declined: '4000000000000002', delayed: '4000000000000077' } as const;

const luhn = (digits: string) =>
  [...digits].reverse().reduce((sum, char, index) => {
    const n = Number(char) * (index % 2 === 1 ? 2 : 1);
    return sum + (n > 9 ? n - 9 : n);
  }, 0) %
    10 ===
  0;

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

const WORDS: Record<Lang, typeof ENGLISH> = {
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

export interface HostedCheckoutOptions {
  store: SandboxStore;
  webhooks: WebhookSender;
  /** The site's stylesheet (/_astro/…css), so the page looks like the portal; none when the site is not built. */
  stylesheetHref: () => string;
  /** How long the delayed test card takes (ms); read at each payment, so tests can shorten it. */
  delayMs: () => number;
  /** Timers of delayed payments, cleared when the sandbox stops. */
  timers: Set<NodeJS.Timeout>;
}

export function createHostedCheckout(options: HostedCheckoutOptions) {
  const { store: state, webhooks, stylesheetHref, timers } = options;
  const save = () => state.save();
  const send = webhooks.send;

  const intentOf = (session: SandboxSession, status: string, lastError?: Record<string, string>) => ({
    id: session.payment_intent ?? random('pi_'),
    object: 'payment_intent',
    amount: session.amount_total,
    currency: session.currency,
    description: session._description,
    metadata: session._intentMetadata,
    status,
    ...(lastError && { last_payment_error: lastError }),
    created: Math.floor(Date.now() / 1000),
    livemode: false,
  });

  function page(lang: Lang, title: string, main: string, otherHref: string): string {
    const w = WORDS[lang];
    const css = stylesheetHref();
    return (
      `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>${e(title)} | ${e(w.site)}</title>${css ? `<link rel="stylesheet" href="${e(css)}">` : ''}</head><body>` +
      `<a class="usa-skipnav" href="#main-content">${e(w.skip)}</a>` +
      `<header class="usa-header usa-header--basic"><div class="usa-nav-container"><div class="usa-navbar"><div class="usa-logo">` +
      `<em class="usa-logo__text">${e(w.site)}</em></div></div><div class="portal-header__tools">` +
      `<a class="usa-link" href="${e(otherHref)}" lang="${lang === 'en' ? 'es' : 'en'}" hreflang="${lang === 'en' ? 'es' : 'en'}">${e(w.other)}</a>` +
      `</div></div></header><main id="main-content"><div class="grid-container portal-page">` +
      `<div class="usa-alert usa-alert--warning usa-alert--slim"><div class="usa-alert__body"><p class="usa-alert__text">${e(w.testMode)}</p></div></div>` +
      `${main}</div></main></body></html>`
    );
  }

  function sendPage(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    });
    res.end(body);
  }

  interface CardProblem {
    field: 'card' | 'expiry' | 'cvc';
    message: string;
  }

  function checkoutForm(session: SandboxSession, lang: Lang, values: Record<string, string>, problems: CardProblem[]): string {
    const w = WORDS[lang];
    const amount = formatMoney(session.amount_total, session.currency.toUpperCase(), lang);
    const input = (name: CardProblem['field'], label: string, hint: string, autocomplete: string, width: string) => {
      const problem = problems.find((p) => p.field === name);
      const id = `sandbox-${name}`;
      return (
        `<div class="usa-form-group${problem ? ' usa-form-group--error' : ''}">` +
        `<label class="usa-label${problem ? ' usa-label--error' : ''}" for="${id}">${e(label)}</label>` +
        `<div class="usa-hint" id="${id}-hint">${e(hint)}</div>` +
        (problem ? `<span class="usa-error-message" id="${id}-error">${e(problem.message)}</span>` : '') +
        `<input class="usa-input ${width}${problem ? ' usa-input--error' : ''}" id="${id}" name="${name}" type="text" inputmode="numeric"` +
        ` autocomplete="${autocomplete}" value="${e(values[name] ?? '')}" aria-describedby="${id}-hint${problem ? ` ${id}-error` : ''}"${problem ? ' aria-invalid="true"' : ''}>` +
        `</div>`
      );
    };
    const summary =
      problems.length > 0
        ? `<div class="usa-alert usa-alert--error" role="alert" data-error-summary><div class="usa-alert__body"><h2 class="usa-alert__heading">${e(w.problem)}</h2>` +
          `<ul class="usa-list usa-list--unstyled">${problems.map((p) => `<li><a class="usa-link" href="#sandbox-${p.field}">${e(p.message)}</a></li>`).join('')}</ul></div></div>`
        : '';
    return (
      `<h1>${e(w.pay.replace('{amount}', amount))}</h1>` +
      `<dl class="portal-facts"><dt>${e(w.for)}</dt><dd>${e(session._description)}</dd><dt>${e(w.amount)}</dt><dd>${e(amount)}</dd></dl>` +
      summary +
      `<form class="usa-form" method="post" action="/sandbox/checkout/${e(session.id)}?lang=${lang}" novalidate>` +
      input('card', w.card, w.cardHint, 'cc-number', 'usa-input--xl') +
      input('expiry', w.expiry, w.expiryHint, 'cc-exp', 'usa-input--small') +
      input('cvc', w.cvc, w.cvcHint, 'cc-csc', 'usa-input--small') +
      `<button class="usa-button usa-button--big" type="submit">${e(w.pay.replace('{amount}', amount))}</button></form>` +
      `<h2>${e(w.cards)}</h2><ul class="usa-list">` +
      `<li>4242 4242 4242 4242 ${e(w.cardPays)}</li><li>4000 0000 0000 0002 ${e(w.cardDeclined)}</li><li>4000 0000 0000 0077 ${e(w.cardDelayed)}</li></ul>` +
      `<p><a class="usa-link" href="${e(session.cancel_url)}">${e(w.cancel)}</a></p>`
    );
  }

  function checkCard(values: Record<string, string>, lang: Lang): CardProblem[] {
    const w = WORDS[lang];
    const problems: CardProblem[] = [];
    const card = (values.card ?? '').replace(/[\s-]/g, '');
    if (card === '') problems.push({ field: 'card', message: w.cardMissing });
    else if (!/^\d{12,19}$/.test(card) || !luhn(card)) problems.push({ field: 'card', message: w.cardInvalid });
    else if (!(Object.values(CARDS) as string[]).includes(card)) problems.push({ field: 'card', message: w.cardUnknown });
    const expiry = /^\s*(\d{1,2})\s*\/\s*(\d{2})\s*$/.exec(values.expiry ?? '');
    const month = Number(expiry?.[1]);
    if (!expiry || month < 1 || month > 12) problems.push({ field: 'expiry', message: w.expiryInvalid });
    else {
      const now = new Date();
      const endOfMonth = new Date(Date.UTC(2000 + Number(expiry[2]), month, 1));
      if (endOfMonth <= now) problems.push({ field: 'expiry', message: w.expiryPast });
    }
    if (!/^\d{3,4}$/.test((values.cvc ?? '').trim())) problems.push({ field: 'cvc', message: w.cvcInvalid });
    return problems;
  }

  async function pay(session: SandboxSession, card: string): Promise<string> {
    session.payment_intent ??= random('pi_');
    if (card === CARDS.declined) {
      // The attempt fails, the session stays open: Stripe sends payment_intent.payment_failed.
      await send(
        'payment_intent.payment_failed',
        intentOf(session, 'requires_payment_method', {
          code: 'card_declined',
          decline_code: 'generic_decline',
          message: 'Your card was declined.',
        }),
      );
      save();
      return session.cancel_url;
    }
    session.status = 'complete';
    session.payment_status = card === CARDS.delayed ? 'unpaid' : 'paid';
    save();
    await send('checkout.session.completed', publicSession(session));
    if (card === CARDS.delayed) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        session.payment_status = 'paid';
        save();
        void send('checkout.session.async_payment_succeeded', publicSession(session));
      }, options.delayMs());
      timer.unref();
      timers.add(timer);
    }
    return session.success_url;
  }

  async function servePage(req: IncomingMessage, res: ServerResponse, url: URL) {
    const match = /^\/sandbox\/checkout\/([^/]+)$/.exec(url.pathname);
    const session = match ? state.sessions[decodeURIComponent(match[1]!)] : undefined;
    const query = url.searchParams.get('lang');
    const lang: Lang = query === 'es' || query === 'en' ? query : session?.locale === 'es' ? 'es' : 'en';
    const w = WORDS[lang];
    const otherHref = `${url.pathname}?lang=${lang === 'en' ? 'es' : 'en'}`;
    if (!session) return sendPage(res, 404, page(lang, w.notFound, `<h1>${e(w.notFound)}</h1>`, otherHref));
    if (session.status === 'open' && session.expires_at * 1000 < Date.now()) {
      session.status = 'expired';
      save();
      void send('checkout.session.expired', publicSession(session));
    }
    if (session.status !== 'open') {
      const [title, text, href] =
        session.status === 'complete'
          ? [w.paidTitle, '', session.success_url]
          : [w.expiredTitle, w.expiredText, session.cancel_url];
      const main = `<h1>${e(title)}</h1>${text ? `<p>${e(text)}</p>` : ''}<p><a class="usa-button" href="${e(href)}">${e(w.back)}</a></p>`;
      return sendPage(res, 200, page(lang, title, main, otherHref));
    }
    const title = w.pay.replace('{amount}', formatMoney(session.amount_total, session.currency.toUpperCase(), lang));
    if (req.method === 'GET' || req.method === 'HEAD')
      return sendPage(res, 200, page(lang, title, checkoutForm(session, lang, {}, []), otherHref));
    if (req.method !== 'POST') return sendPage(res, 405, page(lang, title, `<h1>405</h1>`, otherHref), { allow: 'GET, POST' });
    const body = await readText(req, CHECKOUT_MAX_BODY);
    const values = Object.fromEntries(new URLSearchParams(body)) as Record<string, string>;
    const problems = checkCard(values, lang);
    if (problems.length > 0)
      return sendPage(res, 422, page(lang, `${w.problem}: ${title}`, checkoutForm(session, lang, values, problems), otherHref));
    const next = await pay(session, (values.card ?? '').replace(/[\s-]/g, ''));
    sendPage(res, 303, '', { location: next });
  }

  return { serve: servePage };
}
