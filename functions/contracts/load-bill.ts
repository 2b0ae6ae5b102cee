import { MAX_AGENCY_ID } from '#domain/payment-bills';
import { type Contracts, cents, error, z } from './contract.ts';

export default {
  loadBill: {
    request: {
      description: 'The bill (the reference is in the path)',
      required: true,
      json: z.object({
        agency: z
          .string()
          .max(MAX_AGENCY_ID)
          .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
          .describe('The agency id, like `motor-vehicles`'),
        description: z
          .object({ en: z.string().min(1), es: z.string().min(1) })
          .describe('What the bill is for, in both languages'),
        amount: cents.min(1).max(10_000_000),
        currency: z.literal('USD'),
        check: z
          .string()
          .regex(/^[A-Za-z0-9 -]{2,16}$/)
          .describe('The plate or ZIP code printed on the bill (2 to 16 letters and digits)'),
        refundable: z.boolean(),
        dueOn: z
          .string()
          .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d)$/)
          .optional()
          .describe('A date like 2026-12-31'),
        cancelled: z.boolean().optional(),
      }),
    },
    responses: {
      200: {
        description: 'Saved (the same bill again changes nothing)',
        json: z.object({ reference: z.string(), amount: cents, currency: z.string(), saved: z.literal(true) }),
      },
      409: error('Someone may have paid this bill: it cannot change'),
      422: error('The bill has problems: the message lists each'),
    },
  },
} satisfies Contracts;
