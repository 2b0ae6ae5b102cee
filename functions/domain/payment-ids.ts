/** Payment ids: they are the receipt number, read aloud like confirmation codes, and as hard to guess. */
import { newConfirmationCode, parseConfirmationCode } from './confirmation-code.ts';

/** The payment id in `raw` (any case, dashes or spaces as typed), or undefined when it cannot be one. */
export function parsePaymentId(raw: string): string | undefined {
  const parsed = parseConfirmationCode(raw);
  return parsed.ok ? parsed.code : undefined;
}

/** A fresh payment or refund id. */
export const newPaymentId: () => string = newConfirmationCode;
