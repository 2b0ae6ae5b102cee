/**
 * The payment provider port: what the portal needs from any hosted-checkout provider. Card data never
 * reaches the portal (PCI DSS SAQ A): the person pays on the provider's page, the provider tells us what
 * happened. Adapters live in functions/adapters/ (Stripe Checkout; the local sandbox, which speaks Stripe's
 * protocol); a government provider such as Pay.gov hosted collection is one more adapter:
 * - createCheckout → start a hosted collection and return the page to send the person to;
 * - verifyWebhook  → check and translate a provider notification (a provider without notifications
 *                    answers every call with a WebhookSignatureError and relies on checkoutStatus);
 * - checkoutStatus → ask the provider where a checkout stands (used when the person comes back);
 * - refund         → return money.
 */
import type { Locale } from '#catalog/schema';
import type { PaymentEventKind } from './payment-state.ts';

export interface CheckoutRequest {
  /** Ours: the provider hands it back in every event about this checkout. */
  paymentId: string;
  /** In the currency's smallest unit (cents). Always from the catalog or the bill, never from the browser. */
  amount: number;
  currency: string;
  /** What the person sees on the provider's page. */
  description: string;
  locale: Locale;
  /** Where the provider sends the person afterwards (absolute URLs on the portal's own host). */
  successUrl: string;
  cancelUrl: string;
  expiresAt: Date;
  /** The same key always gets the same checkout: retries and racing requests never open a second one. */
  idempotencyKey: string;
}

export interface Checkout {
  /** The provider's id for the checkout (Stripe: the Checkout Session id). */
  reference: string;
  /** The provider's hosted page. */
  url: string;
  expiresAt: string;
}

/** One thing the provider says happened, in neutral terms. */
export interface ProviderEvent {
  /** The provider's event id: the same event delivered twice has the same id. */
  id: string;
  kind: PaymentEventKind;
  /** Ours, as given to the provider; when absent, the payment is found by its checkout reference. */
  paymentId?: string | undefined;
  checkoutReference?: string | undefined;
  /** The provider's id for the money movement, needed to refund (Stripe: the PaymentIntent id). */
  paymentReference?: string | undefined;
  /** What the provider says was paid; checked against what was asked for. */
  amount?: number | undefined;
  currency?: string | undefined;
  occurredAt: string;
}

export type WebhookOutcome =
  | { kind: 'event'; event: ProviderEvent }
  /** Verified, but nothing the portal acts on (another event type, or a checkout the portal did not start). */
  | { kind: 'ignored'; id: string; type: string };

export interface RawWebhook {
  /** The exact bytes received: signatures are over the raw body, never over re-serialised JSON. */
  body: Uint8Array;
  headers: Record<string, string | undefined>;
}

export interface RefundRequest {
  paymentId: string;
  paymentReference: string;
  amount: number;
  currency: string;
  idempotencyKey: string;
}

export interface RefundResult {
  reference: string;
  /** Card refunds usually succeed at once; some methods settle later. */
  state: 'succeeded' | 'pending';
}

/** The notification is not provably from the provider (bad or missing signature, stale timestamp). */
export class WebhookSignatureError extends Error {
  override name = 'WebhookSignatureError';
}

/** The provider refused (or could not be reached for) a refund; nothing was refunded. */
export class ProviderRefusedError extends Error {
  override name = 'ProviderRefusedError';
}

export interface PaymentProvider {
  /** Recorded on each payment, so a later switch of provider still refunds through the right one. */
  readonly name: string;
  createCheckout(request: CheckoutRequest): Promise<Checkout>;
  verifyWebhook(raw: RawWebhook): Promise<WebhookOutcome>;
  checkoutStatus(checkoutReference: string): Promise<ProviderEvent | undefined>;
  refund(request: RefundRequest): Promise<RefundResult>;
}
