/**
 * What the payment rules raise for a person to look at (CloudWatch metrics in namespace FrontDoor; infra
 * alarms on each at the first occurrence): a provider reporting another amount or currency than the catalog's,
 * and money taken by a checkout that a newer one had replaced (one of the two must be refunded).
 */
export const PAYMENT_ALARMS = {
  PaymentAmountMismatch:
    'The payment provider reported an amount or currency other than the catalog fee; nothing was credited. Check the provider dashboard and the webhook log.',
  PaymentAfterReplacement: 'Two checkouts for one application or bill both took money. Refund one of them (docs/payments.md).',
} as const;

/** Raises an alarm; resolves once it is counted (the caller awaits it before the function may freeze). */
export type Alarm = (name: keyof typeof PAYMENT_ALARMS, details: Record<string, unknown>) => Promise<void>;
