/**
 * The payment sandbox's hosted checkout page under /sandbox/checkout/ (what checkout.stripe.com is in production),
 * in English and Spanish, and what paying with each test card does:
 * 4242 4242 4242 4242 pays; 4000 0000 0000 0002 is declined (the checkout stays open; the person is sent back to
 * the portal, which offers to try again); 4000 0000 0000 0077 is paid only after a delay (the portal says "still
 * processing" until the delayed webhook arrives).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatMoney } from '#catalog/i18n';
import { SECURITY_HEADERS } from '../web/security-headers.ts';
import { readText } from './http.ts';
import {
  type CardProblem,
  CHECKOUT_PREFIX,
  checkoutFormView,
  closedView,
  type Lang,
  messageView,
  renderSandboxPage,
  WORDS,
} from './payment-sandbox-pages.tsx';
import { publicSession, type SandboxSession, type SandboxStore } from './payment-sandbox-store.ts';
import { randomId as random } from './payment-sandbox-stripe-api.ts';
import type { WebhookSender } from './payment-sandbox-webhooks.ts';

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

  function sendPage(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    });
    res.end(body);
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
    const id = url.pathname.startsWith(CHECKOUT_PREFIX) ? decodeURIComponent(url.pathname.slice(CHECKOUT_PREFIX.length)) : '';
    const session = id && !id.includes('/') ? state.sessions[id] : undefined;
    const query = url.searchParams.get('lang');
    const lang: Lang = query === 'es' || query === 'en' ? query : session?.locale === 'es' ? 'es' : 'en';
    const w = WORDS[lang];
    const page = { lang, otherHref: `${url.pathname}?lang=${lang === 'en' ? 'es' : 'en'}`, stylesheet: stylesheetHref() };
    if (!session) return sendPage(res, 404, renderSandboxPage(page, messageView(w.notFound)));
    if (session.status === 'open' && session.expires_at * 1000 < Date.now()) {
      session.status = 'expired';
      save();
      void send('checkout.session.expired', publicSession(session));
    }
    if (session.status !== 'open') return sendPage(res, 200, renderSandboxPage(page, closedView(lang, session)));
    const amount = formatMoney(session.amount_total, session.currency.toUpperCase(), lang);
    if (req.method === 'GET' || req.method === 'HEAD')
      return sendPage(res, 200, renderSandboxPage(page, checkoutFormView(lang, session, amount, {}, [])));
    if (req.method !== 'POST') return sendPage(res, 405, renderSandboxPage(page, messageView('405')), { allow: 'GET, POST' });
    const body = await readText(req, CHECKOUT_MAX_BODY);
    const values = Object.fromEntries(new URLSearchParams(body)) as Record<string, string>;
    const problems = checkCard(values, lang);
    if (problems.length > 0)
      return sendPage(res, 422, renderSandboxPage(page, checkoutFormView(lang, session, amount, values, problems)));
    const next = await pay(session, (values.card ?? '').replace(/[\s-]/g, ''));
    sendPage(res, 303, '', { location: next });
  }

  return { serve: servePage };
}
