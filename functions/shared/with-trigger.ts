/**
 * The middy chain of the Cognito triggers (they are not HTTP routes, so no withHttp): request-scoped logging,
 * and errors mapped the way Cognito shows them. Cognito puts a trigger's error message in the sign-in
 * callback's `error_description`, in front of the person, so only the `FRONT_DOOR:` markers meant for the site
 * (domain/account-linking.ts) go out as thrown; anything else is logged and replaced by FRONT_DOOR:failed.
 */
import middy, { type MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import { SIGN_IN_FAILED, SIGN_IN_MARKER_PREFIX } from '#domain/account-linking';
import { logger, loggerContext } from './logger.ts';

function triggerErrors<E extends { triggerSource?: string }>(): MiddlewareObj<E, E> {
  return {
    onError: async (request) => {
      const { error, event } = request;
      if (error instanceof Error && error.message.startsWith(SIGN_IN_MARKER_PREFIX)) {
        logger.info('Sign-in stopped on purpose', { outcome: error.message, triggerSource: event.triggerSource });
        return;
      }
      logger.error('Trigger failed', { error: error as Error, triggerSource: event.triggerSource });
      request.error = new Error(SIGN_IN_FAILED);
    },
  };
}

export function withTrigger<E extends { triggerSource?: string }>(lambdaHandler: (event: E, context: Context) => Promise<E>) {
  // middy runs onError handlers last-registered-first: the error is mapped before the logger flushes.
  return middy(lambdaHandler).use(loggerContext()).use(triggerErrors<E>());
}
