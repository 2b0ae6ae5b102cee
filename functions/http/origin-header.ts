/**
 * The contract between CloudFront and the API: CloudFront adds this header, with a secret value, to every
 * /api/* request it forwards; the API refuses requests without it, so nobody can call the raw execute-api
 * address and go around CloudFront and its firewall. infra/ sets the header on the CloudFront origin and
 * the same value as ORIGIN_VERIFY_SECRET on every function (docs/decisions/0011-origin-verify-header.md).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Whether the header's value is the expected secret (compared in constant time). */
export function isExpectedOrigin(expected: string, received: string | undefined): boolean {
  return received !== undefined && timingSafeEqual(digest(received), digest(expected));
}
