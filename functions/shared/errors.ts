/**
 * Errors a person may see. Anything with a statusCode below 500 is shown as written, so the message is
 * plain language; anything else becomes a generic 500 and is logged with the request id.
 */
import type { FieldProblem } from '#catalog/form-messages';

export class PortalError extends Error {
  override name = 'PortalError';
  readonly statusCode: number = 500;
  /** A stable, machine-readable code for API clients. */
  readonly code: string = 'internal_error';
}

export class BadRequestError extends PortalError {
  override name = 'BadRequestError';
  override readonly statusCode: number = 400;
  override readonly code: string = 'bad_request';
}

/** No valid sign-in (API Gateway itself answers 401 for a bad token; this is for a route that needs a person). */
export class UnauthorizedError extends PortalError {
  override name = 'UnauthorizedError';
  override readonly statusCode = 401;
  override readonly code = 'unauthorized';
}

/** Signed in, but this person or client may not do this. */
export class ForbiddenError extends PortalError {
  override name = 'ForbiddenError';
  override readonly statusCode = 403;
  override readonly code = 'forbidden';
}

export class NotFoundError extends PortalError {
  override name = 'NotFoundError';
  override readonly statusCode = 404;
  override readonly code = 'not_found';
}

export class PayloadTooLargeError extends PortalError {
  override name = 'PayloadTooLargeError';
  override readonly statusCode = 413;
  override readonly code = 'too_large';
}

export class UnsupportedMediaTypeError extends PortalError {
  override name = 'UnsupportedMediaTypeError';
  override readonly statusCode = 415;
  override readonly code = 'unsupported_media_type';
}

export class ConflictError extends PortalError {
  override name = 'ConflictError';
  override readonly statusCode = 409;
  override readonly code = 'conflict';
}

export class InvalidAnswersError extends PortalError {
  override name = 'InvalidAnswersError';
  override readonly statusCode = 422;
  override readonly code: string = 'invalid_answers';
  readonly problems: FieldProblem[];
  constructor(message: string, problems: FieldProblem[]) {
    super(message);
    this.problems = problems;
  }
}

/**
 * Something the request needs did not answer in time or is busy (the table, the payment provider): a 503 with
 * Retry-After. `messageKey` is what the person is told (catalog/strings.json), in their language.
 */
export class ServiceUnavailableError extends PortalError {
  override name = 'ServiceUnavailableError';
  override readonly statusCode = 503;
  override readonly code = 'unavailable';
  readonly messageKey: string;
  constructor(message: string, options: ErrorOptions & { messageKey?: string } = {}) {
    super(message, options);
    this.messageKey = options.messageKey ?? 'error.unavailable';
  }
}

export function isClientError(error: unknown): error is PortalError {
  return error instanceof PortalError && error.statusCode < 500;
}
