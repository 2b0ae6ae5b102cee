/**
 * The local payment provider: a hosted checkout under /sandbox/ (what checkout.stripe.com is in production)
 * and, under /v1/, the few Stripe API calls the portal makes (what api.stripe.com is):
 *   POST /v1/checkout/sessions, GET /v1/checkout/sessions/:id, POST /v1/refunds
 * with Stripe's form encoding, Bearer API key, Idempotency-Key semantics and error shapes. Webhooks are sent
 * to the portal over real HTTP, signed exactly as Stripe signs them (Stripe-Signature: t=…,v1=HMAC-SHA256 of
 * "t.body" with the webhook secret). So the real `stripe` SDK, pointed at this address, and the production
 * webhook verification run locally (docs/decisions/0020-a-sandbox-that-speaks-stripe.md).
 *
 * Test cards: 4242 4242 4242 4242 pays; 4000 0000 0000 0002 is declined (the checkout stays open; the person
 * is sent back to the portal, which offers to try again); 4000 0000 0000 0077 is paid only after a delay
 * (the portal says "still processing" until the delayed webhook arrives).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { escapeHtml as e, formatMoney } from '#catalog/i18n';
import { SECURITY_HEADERS } from '../web/security-headers.ts';

type Lang = 'en' | 'es';

export interface SandboxSession {
  id: string;
  object: 'checkout.session';
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  mode: 'payment';
  payment_intent: string | null;
  payment_status: 'paid' | 'unpaid';
  status: 'open' | 'complete' | 'expired';
  success_url: string;
  cancel_url: string;
  url: string;
  expires_at: number;
  created: number;
  livemode: false;
  locale: string | null;
  /** Not a Stripe field on the session: what the PaymentIntent carries (payment_intent_data). */
  _description: string;
  _intentMetadata: Record<string, string>;
}

export interface SandboxRefund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  payment_intent: string;
  status: 'succeeded';
  created: number;
  metadata: Record<string, string>;
}

interface StoredResponse {
  fingerprint: string;
  status: number;
  body: string;
}

interface State {
  sessions: Record<string, SandboxSession>;
  refunds: Record<string, SandboxRefund>;
  idempotency: Record<string, StoredResponse>;
}

export interface PaymentSandboxOptions {
  /** The portal's address: hosted pages live under it, webhooks go to its API. */
  portalUrl: string;
  /** The built site, for its stylesheet. */
  distDir?: string;
  /** Keep sessions across restarts (npm start); in memory when absent. */
  dataFile?: string;
  /** How long the delayed test card takes (ms). */
  delayMs?: number;
  log?: (line: string) => void;
}

export interface PaymentSandbox {
  apiKey: string;
  webhookSecret: string;
  /** What the functions need to use the sandbox (config.ts, paymentConfig). */
  env: Record<string, string>;
  handles(pathname: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
  /** How long the delayed test card takes (ms); tests shorten it. */
  delayMs: number;
  sessions(): SandboxSession[];
  /** Waits for webhooks still being sent (delayed cards, retries). */
  settled(): Promise<void>;
  stop(): void;
}

export const WEBHOOK_PATH = '/api/payments/webhook';
export const API_VERSION = '2026-10-28.endive';
const CARDS = { pays: '4242424242424242', declined: '4000000000000002', delayed: '4000000000000077' } as const;

/** The Stripe-Signature header for a payload, exactly as Stripe computes it. */
export function stripeSignature(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

/** A Stripe event envelope around an object. */
export function stripeEvent(type: string, object: unknown, created = Math.floor(Date.now() / 1000)) {
  return {
    id: `evt_${randomBytes(12).toString('hex')}`,
    object: 'event',
    api_version: API_VERSION,
    created,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

/** Stripe's request encoding (`a[b][0][c]=1`) back into objects and arrays. */
export function parseStripeForm(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, '').split('[');
    let node: Record<string, unknown> = root;
    path.forEach((part, index) => {
      if (index === path.length - 1) node[part] = value;
      else {
        node[part] ??= /^\d+$/.test(path[index + 1] ?? '') ? [] : {};
        node = node[part] as Record<string, unknown>;
      }
    });
  }
  return root;
}

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

const random = (prefix: string) => `${prefix}${randomBytes(12).toString('hex')}`;

export function createPaymentSandbox(options: PaymentSandboxOptions): PaymentSandbox {
  const portal = options.portalUrl.replace(/\/$/, '');
  const apiKey = `sk_test_sandbox_${randomBytes(12).toString('hex')}`;
  const webhookSecret = `whsec_${randomBytes(24).toString('base64url')}`;
  const log = options.log ?? ((line: string) => console.log(line));
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<unknown>>();
  let state: State = { sessions: {}, refunds: {}, idempotency: {} };
  if (options.dataFile && existsSync(options.dataFile)) state = JSON.parse(readFileSync(options.dataFile, 'utf8')) as State;
  const save = () => {
    if (!options.dataFile) return;
    mkdirSync(dirname(options.dataFile), { recursive: true });
    writeFileSync(options.dataFile, JSON.stringify(state));
  };
  let stylesheet: string | undefined;
  const stylesheetHref = () => {
    if (stylesheet === undefined && options.distDir) {
      const index = join(options.distDir, 'index.html');
      stylesheet = existsSync(index) ? (/href="(\/_astro\/[^"]+\.css)"/.exec(readFileSync(index, 'utf8'))?.[1] ?? '') : '';
    }
    return stylesheet ?? '';
  };

  // ── Sending webhooks ────────────────────────────────────────────────────────────────────────────────
  async function deliver(payload: string, attempt = 0): Promise<void> {
    let status = 0;
    try {
      const response = await fetch(`${portal}${WEBHOOK_PATH}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'stripe-signature': stripeSignature(payload, webhookSecret),
        },
        body: payload,
      });
      status = response.status;
      await response.arrayBuffer();
    } catch {
      status = 0;
    }
    if (status >= 200 && status < 300) return;
    // Like Stripe: anything but a 2xx is retried (Stripe keeps trying for 3 days; the sandbox, 3 times).
    if (attempt >= 3) {
      log(`! sandbox webhook not accepted after ${attempt + 1} tries (last status ${status})`);
      return;
    }
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, 200 * 2 ** attempt);
      timer.unref();
    });
    return deliver(payload, attempt + 1);
  }

  function send(type: string, object: unknown): Promise<void> {
    // Stripe sends indented JSON: a verifier that re-serialises the body would fail, as it should.
    const payload = JSON.stringify(stripeEvent(type, object), null, 2);
    const sending = deliver(payload);
    inFlight.add(sending);
    void sending.finally(() => inFlight.delete(sending));
    return sending;
  }

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

  const publicSession = (session: SandboxSession) => {
    const { _description: _d, _intentMetadata: _m, ...rest } = session;
    return rest;
  };

  // ── The Stripe API ──────────────────────────────────────────────────────────────────────────────────
  const apiError = (status: number, error: Record<string, unknown>) => ({ status, body: JSON.stringify({ error }, null, 2) });

  function createSession(params: Record<string, unknown>): { status: number; body: string } {
    const item = (params.line_items as Record<string, unknown>[] | undefined)?.[0];
    const price = item?.price_data as Record<string, unknown> | undefined;
    const amount = Number(price?.unit_amount);
    const quantity = Number(item?.quantity ?? 1);
    const product = price?.product_data as Record<string, string> | undefined;
    if (params.mode !== 'payment' || !price || !Number.isSafeInteger(amount) || amount <= 0 || !product?.name)
      return apiError(400, {
        type: 'invalid_request_error',
        message: 'The sandbox supports mode=payment with one line_items[0][price_data].',
      });
    for (const field of ['success_url', 'cancel_url'] as const)
      if (typeof params[field] !== 'string' || !/^https?:\/\//.test(params[field] as string))
        return apiError(400, { type: 'invalid_request_error', param: field, message: `Not a valid URL: ${field}` });
    const now = Math.floor(Date.now() / 1000);
    const expiresAt = params.expires_at === undefined ? now + 24 * 3600 : Number(params.expires_at);
    if (!(expiresAt >= now + 30 * 60 - 5 && expiresAt <= now + 24 * 3600))
      return apiError(400, {
        type: 'invalid_request_error',
        param: 'expires_at',
        message: 'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.',
      });
    const id = `cs_test_${randomBytes(24).toString('base64url')}`;
    const session: SandboxSession = {
      id,
      object: 'checkout.session',
      amount_subtotal: amount * quantity,
      amount_total: amount * quantity,
      currency: String(price.currency ?? 'usd').toLowerCase(),
      client_reference_id: typeof params.client_reference_id === 'string' ? params.client_reference_id : null,
      metadata: (params.metadata as Record<string, string>) ?? {},
      mode: 'payment',
      payment_intent: null,
      payment_status: 'unpaid',
      status: 'open',
      success_url: params.success_url as string,
      cancel_url: params.cancel_url as string,
      url: `${portal}/sandbox/checkout/${id}`,
      expires_at: expiresAt,
      created: now,
      livemode: false,
      locale: typeof params.locale === 'string' ? params.locale : null,
      _description: product.name,
      _intentMetadata:
        ((params.payment_intent_data as Record<string, unknown> | undefined)?.metadata as Record<string, string>) ?? {},
    };
    state.sessions[id] = session;
    return { status: 200, body: JSON.stringify(publicSession(session), null, 2) };
  }

  function createRefund(params: Record<string, unknown>): { status: number; body: string } {
    const session = Object.values(state.sessions).find((s) => s.payment_intent && s.payment_intent === params.payment_intent);
    if (session?.payment_status !== 'paid' || !session.payment_intent)
      return apiError(400, {
        type: 'invalid_request_error',
        code: 'resource_missing',
        param: 'payment_intent',
        message: `No such payment_intent: '${String(params.payment_intent)}'`,
      });
    const refunded = Object.values(state.refunds)
      .filter((r) => r.payment_intent === session.payment_intent)
      .reduce((sum, r) => sum + r.amount, 0);
    const amount = params.amount === undefined ? session.amount_total - refunded : Number(params.amount);
    if (!Number.isSafeInteger(amount) || amount <= 0 || amount > session.amount_total - refunded)
      return apiError(400, {
        type: 'invalid_request_error',
        code: 'amount_too_large',
        param: 'amount',
        message: `Refund amount (${amount}) is greater than unrefunded amount on charge (${session.amount_total - refunded})`,
      });
    const refund: SandboxRefund = {
      id: random('re_'),
      object: 'refund',
      amount,
      currency: session.currency,
      payment_intent: session.payment_intent!,
      status: 'succeeded',
      created: Math.floor(Date.now() / 1000),
      metadata: (params.metadata as Record<string, string>) ?? {},
    };
    state.refunds[refund.id] = refund;
    return { status: 200, body: JSON.stringify(refund, null, 2) };
  }

  async function serveApi(req: IncomingMessage, res: ServerResponse, url: URL) {
    const reply = (result: { status: number; body: string }, replayed = false) => {
      res.writeHead(result.status, {
        'content-type': 'application/json',
        'request-id': random('req_'),
        ...(replayed && { 'idempotent-replayed': 'true' }),
      });
      res.end(result.body);
    };
    if (req.headers.authorization !== `Bearer ${apiKey}`)
      return reply(apiError(401, { type: 'invalid_request_error', message: 'Invalid API Key provided.' }));
    const body = await new Promise<string>((resolve, reject) => {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        text += chunk;
      });
      req.on('end', () => resolve(text));
      req.on('error', reject);
    });
    const params = parseStripeForm(body);
    const key = req.headers['idempotency-key'];
    const route = `${req.method} ${url.pathname}`;
    const fingerprint = `${route}\u0000${body}`;
    if (req.method === 'POST' && typeof key === 'string' && key !== '') {
      const earlier = state.idempotency[key];
      if (earlier) {
        if (earlier.fingerprint !== fingerprint)
          return reply(
            apiError(400, {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
            }),
          );
        return reply(earlier, true);
      }
    }
    let result: { status: number; body: string };
    const sessionMatch = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(url.pathname);
    if (route === 'POST /v1/checkout/sessions') result = createSession(params);
    else if (route === 'POST /v1/refunds') result = createRefund(params);
    else if (req.method === 'GET' && sessionMatch) {
      const session = state.sessions[decodeURIComponent(sessionMatch[1]!)];
      result = session
        ? { status: 200, body: JSON.stringify(publicSession(session), null, 2) }
        : apiError(404, {
            type: 'invalid_request_error',
            code: 'resource_missing',
            param: 'id',
            message: `No such checkout.session: '${sessionMatch[1]}'`,
          });
    } else result = apiError(404, { type: 'invalid_request_error', message: `Unrecognized request URL (${route}).` });
    // Stripe keeps the answer to a keyed request for 24 hours, errors included (except its own 5xx).
    if (req.method === 'POST' && typeof key === 'string' && key !== '') state.idempotency[key] = { fingerprint, ...result };
    save();
    reply(result);
  }

  // ── The hosted checkout page ────────────────────────────────────────────────────────────────────────
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
      }, sandbox.delayMs);
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
    const body = await new Promise<string>((resolve, reject) => {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        text += chunk.length + text.length > 10_000 ? '' : chunk;
      });
      req.on('end', () => resolve(text));
      req.on('error', reject);
    });
    const values = Object.fromEntries(new URLSearchParams(body)) as Record<string, string>;
    const problems = checkCard(values, lang);
    if (problems.length > 0)
      return sendPage(res, 422, page(lang, `${w.problem}: ${title}`, checkoutForm(session, lang, values, problems), otherHref));
    const next = await pay(session, (values.card ?? '').replace(/[\s-]/g, ''));
    sendPage(res, 303, '', { location: next });
  }

  const sandbox: PaymentSandbox = {
    apiKey,
    webhookSecret,
    delayMs: options.delayMs ?? 5_000,
    env: {
      PAYMENT_PROVIDER: 'sandbox',
      PAYMENT_PROVIDER_API_URL: portal,
      PAYMENT_PROVIDER_SECRET_JSON: JSON.stringify({ apiKey, webhookSecret }),
    },
    handles: (pathname) => pathname.startsWith('/sandbox/') || pathname.startsWith('/v1/'),
    handle: (req, res, url) => (url.pathname.startsWith('/v1/') ? serveApi(req, res, url) : servePage(req, res, url)),
    sessions: () => Object.values(state.sessions),
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
  return sandbox;
}
