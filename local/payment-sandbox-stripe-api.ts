/**
 * The payment sandbox's Stripe-shaped API under /v1/ (what api.stripe.com is in production): the few calls the
 * portal makes, POST /v1/checkout/sessions, GET /v1/checkout/sessions/:id and POST /v1/refunds, with Stripe's
 * form encoding, Bearer API key, Idempotency-Key semantics and error shapes.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readText } from './http.ts';
import { checkoutPath } from './payment-sandbox-pages.tsx';
import { publicSession, type SandboxRefund, type SandboxSession, type SandboxStore } from './payment-sandbox-store.ts';

/** Far above anything the portal sends (Stripe's own limits are lower); only a runaway client reaches it. */
const API_MAX_BODY = 256 * 1024;

export const randomId = (prefix: string) => `${prefix}${randomBytes(12).toString('hex')}`;

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

export function createStripeApi(options: { store: SandboxStore; portal: string; apiKey: string }) {
  const { store: state, portal, apiKey } = options;
  const random = randomId;
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
      url: `${portal}${checkoutPath(id)}`,
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
    const body = await readText(req, API_MAX_BODY);
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
    state.save();
    reply(result);
  }

  return { serve: serveApi };
}
