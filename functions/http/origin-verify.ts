/**
 * The origin check, first in the middy chain: when ORIGIN_VERIFY_SECRET is set (on AWS, always), a request
 * without CloudFront's secret header is refused with a plain-language 403 before anything else runs. Not
 * set locally: there the local server is the only way in.
 */
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { translate } from '#catalog/i18n';
import { ForbiddenError } from '#shared/errors';
import { isExpectedOrigin, ORIGIN_VERIFY_HEADER } from './origin-header.ts';
import { header, requestLocale } from './request.ts';
import { strings } from './site.ts';

export function originVerify(
  expected: string | undefined,
): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    before: async ({ event }) => {
      // Not set locally: the local server is the only door there.
      if (!expected) return;
      if (!isExpectedOrigin(expected, header(event, ORIGIN_VERIFY_HEADER))) {
        throw new ForbiddenError(translate(strings, 'error.directAccess', requestLocale(event)));
      }
      // The handler has no use for it, and nothing should log it.
      for (const name of Object.keys(event.headers ?? {}))
        if (name.toLowerCase() === ORIGIN_VERIFY_HEADER) delete event.headers[name];
    },
  };
}
