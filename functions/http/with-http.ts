/**
 * The one middy chain every HTTP handler uses: request-scoped logging, then error mapping. A PortalError
 * below 500 is answered as written (JSON or an HTML page, whichever the caller wants); anything else is
 * logged with the request id and answered with a generic message, never internals.
 */
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { translate } from '#catalog/i18n';
import { routeAccess } from '#domain/authorization';
import { ForbiddenError, InvalidAnswersError, isClientError, ServiceUnavailableError, UnauthorizedError } from '#shared/errors';
import { logger, loggerContext } from '#shared/logger';
import { originVerifySecret } from '#shared/origin-config';
import { callerOf } from './caller.ts';
import { originVerify } from './origin-verify.ts';
import { htmlPage, otherLanguageHref } from './pages.ts';
import { requestLocale, wantsHtml } from './request.ts';
import { json } from './responses.ts';
import { routeByKey } from './routes.ts';
import { strings } from './site.ts';

/** Seconds a caller should wait after a 503 (the page says "try again in a minute"). */
export const RETRY_AFTER_SECONDS = 60;

export type HttpHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

function errorResponses(): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    onError: async (request) => {
      const { event, error } = request;
      const locale = requestLocale(event);
      const clientError = isClientError(error);
      // The store or the payment provider unreachable, slow or busy: nothing is wrong with the request.
      const unavailable = error instanceof ServiceUnavailableError;
      if (unavailable) logger.warn('Service unavailable', { reason: error.message, route: event.routeKey });
      else if (!clientError) logger.error('Request failed', { error: error as Error, route: event.routeKey });
      else logger.info('Request refused', { statusCode: error.statusCode, code: error.code, route: event.routeKey });

      const statusCode = clientError ? error.statusCode : unavailable ? 503 : 500;
      const message = clientError ? error.message : translate(strings, unavailable ? error.messageKey : 'error.internal', locale);
      const headers: Record<string, string> = unavailable ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {};
      if (wantsHtml(event)) {
        const title = unavailable ? 'error.unavailableTitle' : statusCode >= 500 ? 'error.internalTitle' : 'error.title';
        const heading = translate(strings, title, locale);
        const altHref =
          event.requestContext.http.method === 'GET'
            ? otherLanguageHref(event.rawPath + (event.rawQueryString ? `?${event.rawQueryString}` : ''), locale)
            : '/';
        request.response = await htmlPage(
          statusCode,
          locale,
          ({ errorPage, langOf }) => errorPage(langOf(locale), heading, message, altHref),
          headers,
        );
        return;
      }
      const fields = error instanceof InvalidAnswersError ? error.problems : undefined;
      request.response = json(
        statusCode,
        {
          error: { code: clientError || unavailable ? error.code : 'internal_error', message, ...(fields && { fields }) },
          ...(!clientError && { requestId: request.context.awsRequestId }),
        },
        headers,
      );
    },
  };
}

/**
 * The route table's `auth`, checked before the handler runs. API Gateway has already refused a bad token
 * (401); this refuses a good token of the wrong kind of caller (a citizen on a staff route: 403).
 */
function routeAuthorization(): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    before: async ({ event }) => {
      const route = routeByKey(event.routeKey);
      if (!route) return;
      const decision = routeAccess(callerOf(event), route.auth);
      if (decision === 'allow') return;
      const locale = requestLocale(event);
      if (decision === 'sign-in') throw new UnauthorizedError(translate(strings, 'error.signIn', locale));
      throw new ForbiddenError(translate(strings, 'error.forbidden', locale));
    },
  };
}

/**
 * A session route (the staff pages, `credentials: 'session'`) has no gateway authorizer: its cookie is checked
 * here the way the gateway checks a Bearer token, and a POST must pass the CSRF checks (./session.ts, loaded on
 * first use). Everything else passes untouched.
 */
function sessionCredentials(): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    before: async (request) => {
      const route = routeByKey(request.event.routeKey);
      if (route?.credentials !== 'session') return;
      const { authorizeSession } = await import('./session.ts');
      const answer = await authorizeSession(request.event, route);
      if (answer) return answer;
    },
  };
}

/**
 * How long before the function's own time runs out middy stops waiting for the handler (middy's early timeout),
 * leaving time to answer: the error page is rendered in a few milliseconds.
 */
export const ANSWER_BEFORE_TIMEOUT_MS = 500;

/**
 * A handler still waiting when the function's time is nearly gone is waiting on something slow (the store after
 * its retries, or several calls each near their timeout): a 503 with Retry-After, like the store's own, rather
 * than middy's default TimeoutError, which would be a 500. Whatever it was writing is idempotent or transactional
 * (decisions 0002, 0092): a retry finds it done or does it once.
 */
function outOfTime(): never {
  throw new ServiceUnavailableError('The function ran out of time waiting for a service');
}

export function withHttp(lambdaHandler: HttpHandler) {
  // middy runs onError handlers last-registered-first: errorResponses answers before the logger flushes.
  return (
    middy(lambdaHandler, { timeoutEarlyInMillis: ANSWER_BEFORE_TIMEOUT_MS, timeoutEarlyResponse: outOfTime })
      // Never the event, whatever POWERTOOLS_LOGGER_LOG_EVENT says: its body holds answers (SSNs, decision 0083).
      .use(loggerContext())
      .use(errorResponses())
      .use(originVerify(originVerifySecret))
      .use(sessionCredentials())
      .use(routeAuthorization())
  );
}
