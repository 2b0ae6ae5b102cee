/**
 * Telling "the table did not answer, or is busy" from "the request was wrong", for the DynamoDB client's
 * outermost middleware (./dynamodb.ts) and the transaction retries (./dynamodb-transactions.ts). Its own module:
 * no configuration is read here, so anything may import it.
 */
import { ServiceUnavailableError } from '#shared/errors';

/** Errors that mean "the table did not answer, or is busy" rather than "the request was wrong". */
const UNAVAILABLE_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

export function isStoreUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, $metadata } = error as { code?: string; $metadata?: { httpStatusCode?: number } };
  return (
    UNAVAILABLE_NAMES.has(error.name) ||
    (code !== undefined && NETWORK_CODES.has(code)) ||
    ($metadata?.httpStatusCode ?? 0) >= 500
  );
}

/** The store unreachable, slow or throttling (after the SDK's retries): a 503 with Retry-After (with-http.ts). */
export class StoreUnavailableError extends ServiceUnavailableError {
  override name = 'StoreUnavailableError';
}
