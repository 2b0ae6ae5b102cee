/** Response pieces more than one route answers with. */

import { PAYMENT_STATES } from '#domain/payment-state';
import { STATUSES } from '#domain/submissions';
import { cents, timestamp, z } from './contract.ts';

export const status = z.enum(STATUSES).describe("Where a submission stands in the agency's workflow");
export const paymentState = z.enum(PAYMENT_STATES);
export const confirmationCode = z.string().describe('The confirmation code, e.g. `K7M2-9QXR-4TDC`');

export const paymentSummary = z
  .object({
    id: z.string().describe('The payment (also its receipt number)'),
    state: paymentState,
    amount: cents,
    currency: z.string(),
    refunded: cents,
    updatedAt: timestamp,
  })
  .meta({ id: 'PaymentSummary' });

export const historyEntry = z.object({ status, at: timestamp });

export const paymentSubject = z.union([
  z.object({ kind: z.literal('submission'), code: confirmationCode }),
  z.object({ kind: z.literal('bill'), reference: z.string() }),
]);

export const localized = z.object({ en: z.string(), es: z.string() }).describe('The same text in English and Spanish');
