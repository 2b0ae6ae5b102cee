/**
 * PaymentProvider on Stripe Checkout, with the real `stripe` SDK: a hosted Checkout Session per payment
 * (created with an idempotency key, so retries never open a second one), webhooks verified by the SDK over
 * the raw body with a 5-minute timestamp tolerance, refunds against the PaymentIntent.
 *
 * The same adapter drives the local sandbox (sandbox-payment-provider.ts), which speaks Stripe's protocol:
 * only the API address differs, so the production code path is the one that runs in `npm start` and tests.
 */
import type Stripe from 'stripe';
import {
  type Checkout,
  type CheckoutRequest,
  type PaymentProvider,
  type ProviderEvent,
  ProviderRefusedError,
  type RawWebhook,
  type RefundRequest,
  type RefundResult,
  type WebhookOutcome,
  WebhookSignatureError,
} from '#domain/payment-provider';
import type { PaymentEventKind } from '#domain/payment-state';
import { ServiceUnavailableError } from '#shared/errors';
import type { ProviderSecret } from './payment-provider-secret.ts';

/** Stripe's own default: how old a signed webhook may be, in seconds. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export interface StripeSettings {
  /** Recorded on each payment: 'stripe', or 'sandbox' for the local sandbox. */
  name: string;
  secret: () => Promise<ProviderSecret>;
  /** Another API address than api.stripe.com (the local sandbox), e.g. http://127.0.0.1:3000. */
  apiUrl?: string | undefined;
}

type Session = Stripe.Checkout.Session;

/**
 * The SDK, loaded on first use rather than at start-up: it is a third of a payment function's bundle and ~7 ms
 * of its start-up CPU (docs/benchmarks.md), and many requests (a receipt already paid, a refused refund, a
 * mistyped code) never talk to the provider.
 */
let sdk: Promise<typeof Stripe> | undefined;
const loadSdk = (): Promise<typeof Stripe> => {
  sdk ??= import('stripe').then((module) => module.default);
  return sdk;
};

function idOf(value: string | { id: string } | null | undefined): string | undefined {
  return typeof value === 'string' ? value : (value?.id ?? undefined);
}

/** What a Checkout Session's state means for the payment, or undefined while it is still open. */
function sessionKind(session: Session): PaymentEventKind | undefined {
  if (session.status === 'expired') return 'expired';
  if (session.status !== 'complete') return undefined;
  if (session.payment_status === 'paid') return 'succeeded';
  if (session.payment_status === 'unpaid') return 'processing';
  return undefined;
}

function sessionEvent(id: string, kind: PaymentEventKind, session: Session, created: number): ProviderEvent {
  return {
    id,
    kind,
    paymentId: session.client_reference_id ?? session.metadata?.paymentId ?? undefined,
    checkoutReference: session.id,
    paymentReference: idOf(session.payment_intent),
    amount: session.amount_total ?? undefined,
    currency: session.currency?.toUpperCase(),
    occurredAt: new Date(created * 1000).toISOString(),
  };
}

const SESSION_EVENTS: Partial<Record<string, PaymentEventKind>> = {
  'checkout.session.async_payment_succeeded': 'succeeded',
  'checkout.session.async_payment_failed': 'failed',
  'checkout.session.expired': 'expired',
};

/** A verified Stripe event in the portal's terms; other event types are acknowledged and ignored. */
export function toWebhookOutcome(event: Stripe.Event): WebhookOutcome {
  const ignored: WebhookOutcome = { kind: 'ignored', id: event.id, type: event.type };
  if (event.type === 'checkout.session.completed') {
    const kind = sessionKind(event.data.object);
    return kind ? { kind: 'event', event: sessionEvent(event.id, kind, event.data.object, event.created) } : ignored;
  }
  const sessionKindOfEvent = SESSION_EVENTS[event.type];
  if (sessionKindOfEvent && event.data.object.object === 'checkout.session') {
    return { kind: 'event', event: sessionEvent(event.id, sessionKindOfEvent, event.data.object as Session, event.created) };
  }
  if (event.type === 'payment_intent.payment_failed') {
    // A declined card: Checkout keeps the session open for another try.
    const intent = event.data.object;
    const paymentId = intent.metadata?.paymentId;
    if (!paymentId) return ignored;
    return {
      kind: 'event',
      event: {
        id: event.id,
        kind: 'attempt-failed',
        paymentId,
        paymentReference: intent.id,
        occurredAt: new Date(event.created * 1000).toISOString(),
      },
    };
  }
  return ignored;
}

/** How long one call to the provider may take (see the client's options below). */
export const PROVIDER_TIMEOUT_MS = 3000;

/**
 * The provider unreachable, timing out, throttling or failing on its side: the person is told their application is
 * kept, nothing was charged, and to try again (a 503). Nothing is charged twice on the retry: the checkout is asked
 * for with the same idempotency key.
 */
async function unlessUnavailable<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    const { errors } = await loadSdk();
    const unavailable =
      error instanceof errors.StripeConnectionError ||
      error instanceof errors.StripeRateLimitError ||
      (error instanceof errors.StripeAPIError && (error.statusCode ?? 500) >= 500);
    if (unavailable)
      throw new ServiceUnavailableError(`Payment provider unavailable: ${(error as Error).name}`, {
        cause: error,
        messageKey: 'error.paymentUnavailable',
      });
    throw error;
  }
}

export function stripePaymentProvider(settings: StripeSettings): PaymentProvider {
  const api = settings.apiUrl ? new URL(settings.apiUrl) : undefined;
  let client: { apiKey: string; stripe: Stripe } | undefined;
  const stripe = async (): Promise<Stripe> => {
    const { apiKey } = await settings.secret();
    if (client?.apiKey !== apiKey) {
      const Sdk = await loadSdk();
      client = {
        apiKey,
        stripe: new Sdk(apiKey, {
          // The SDK adds its own idempotency keys to retried POSTs; ours are passed explicitly anyway. Two tries
          // of 3 s each (and the SDK's backoff between) end inside the function's 10 s, so a provider that does
          // not answer gets the person a page that says so rather than the gateway's timeout.
          maxNetworkRetries: 1,
          timeout: PROVIDER_TIMEOUT_MS,
          ...(api && {
            host: api.hostname,
            port: api.port || (api.protocol === 'https:' ? 443 : 80),
            protocol: api.protocol === 'https:' ? 'https' : 'http',
          }),
        }),
      };
    }
    return client.stripe;
  };

  return {
    name: settings.name,

    async createCheckout(request: CheckoutRequest): Promise<Checkout> {
      const session = await unlessUnavailable(
        (await stripe()).checkout.sessions.create(
          {
            mode: 'payment',
            submit_type: 'pay',
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: request.currency.toLowerCase(),
                  unit_amount: request.amount,
                  product_data: { name: request.description },
                },
              },
            ],
            client_reference_id: request.paymentId,
            metadata: { paymentId: request.paymentId },
            // Declined attempts arrive as PaymentIntent events: tag them too.
            payment_intent_data: { metadata: { paymentId: request.paymentId }, description: request.description },
            success_url: request.successUrl,
            cancel_url: request.cancelUrl,
            locale: request.locale,
            expires_at: Math.floor(request.expiresAt.getTime() / 1000),
          },
          { idempotencyKey: request.idempotencyKey },
        ),
      );
      if (!session.url) throw new Error(`Stripe returned Checkout Session ${session.id} without a URL`);
      return { reference: session.id, url: session.url, expiresAt: new Date(session.expires_at * 1000).toISOString() };
    },

    async verifyWebhook(raw: RawWebhook): Promise<WebhookOutcome> {
      const { webhookSecret } = await settings.secret();
      let event: Stripe.Event;
      try {
        event = await (await stripe()).webhooks.constructEventAsync(
          raw.body,
          raw.headers['stripe-signature'] ?? '',
          webhookSecret,
          WEBHOOK_TOLERANCE_SECONDS,
        );
      } catch (error) {
        throw new WebhookSignatureError((error as Error).message);
      }
      return toWebhookOutcome(event);
    },

    async checkoutStatus(checkoutReference: string): Promise<ProviderEvent | undefined> {
      let session: Session;
      try {
        session = await (await stripe()).checkout.sessions.retrieve(checkoutReference);
      } catch (error) {
        // A session the provider no longer knows can never be paid.
        const { errors } = await loadSdk();
        if (error instanceof errors.StripeInvalidRequestError && error.code === 'resource_missing') {
          return {
            id: `status:${checkoutReference}:expired`,
            kind: 'expired',
            checkoutReference,
            occurredAt: new Date().toISOString(),
          };
        }
        throw error;
      }
      const kind = sessionKind(session);
      return kind && sessionEvent(`status:${session.id}:${kind}`, kind, session, Math.floor(Date.now() / 1000));
    },

    async refund(request: RefundRequest): Promise<RefundResult> {
      let refund: Stripe.Refund;
      try {
        refund = await (await stripe()).refunds.create(
          { payment_intent: request.paymentReference, amount: request.amount, metadata: { paymentId: request.paymentId } },
          { idempotencyKey: request.idempotencyKey },
        );
      } catch (error) {
        const { errors } = await loadSdk();
        if (error instanceof errors.StripeInvalidRequestError || error instanceof errors.StripeCardError)
          throw new ProviderRefusedError(error.message);
        throw error;
      }
      if (refund.status === 'failed' || refund.status === 'canceled')
        throw new ProviderRefusedError(`Refund ${refund.id} ${refund.status}`);
      return { reference: refund.id, state: refund.status === 'succeeded' ? 'succeeded' : 'pending' };
    },
  };
}
