/**
 * The payment provider this deployment uses (PAYMENT_PROVIDER), created once per function. Adding a provider
 * (Pay.gov hosted collection, say) means one adapter implementing PaymentProvider and one line here;
 * nothing in domain/ changes.
 */
import type { PaymentProvider } from '#domain/payment-provider';
import { paymentConfig } from '#shared/config';
import { providerSecretSource } from './payment-provider-secret.ts';
import { sandboxPaymentProvider } from './sandbox-payment-provider.ts';
import { stripePaymentProvider } from './stripe-payment-provider.ts';

export function configuredPaymentProvider(config = paymentConfig()): PaymentProvider {
  const secret = providerSecretSource(config);
  if (config.provider === 'sandbox') return sandboxPaymentProvider(config.apiUrl!, secret);
  return stripePaymentProvider({ name: 'stripe', secret, apiUrl: config.apiUrl });
}
