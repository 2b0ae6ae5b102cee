/**
 * PaymentProvider on the local sandbox (local/payment-sandbox.ts). The sandbox speaks Stripe's protocol for
 * the calls the portal makes and signs webhooks exactly as Stripe does, so this adapter is the Stripe
 * adapter pointed at the sandbox's address: `npm start` and the tests run the production code path,
 * including webhook signature checks, with no network and no Stripe account.
 */
import type { PaymentProvider } from '#domain/payment-provider';
import type { ProviderSecret } from './payment-provider-secret.ts';
import { stripePaymentProvider } from './stripe-payment-provider.ts';

export function sandboxPaymentProvider(apiUrl: string, secret: () => Promise<ProviderSecret>): PaymentProvider {
  return stripePaymentProvider({ name: 'sandbox', apiUrl, secret });
}
