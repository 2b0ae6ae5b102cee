/** POST /api/agency/sign-out: the staff cookie cleared, then the user pool's own sign-out, back to the home page. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { translate } from '#catalog/i18n';
import { requestLocale } from '#http/request';
import { clearedSessionCookie, fromPortalOrigin } from '#http/session';
import { strings } from '#http/site';
import { withHttp } from '#http/with-http';
import { ForbiddenError } from '#shared/errors';
import { staffSessionConfig } from '#shared/session-config';
import { pageHref, pages } from '#ui/paths.ts';

const session = staffSessionConfig();

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  // Another site cannot sign staff out behind their back.
  if (!fromPortalOrigin(event, session.portalOrigin)) throw new ForbiddenError(translate(strings, 'agency.csrf', locale));
  const logout = new URL(`${session.domain}/logout`);
  logout.search = new URLSearchParams({
    client_id: session.clientId,
    logout_uri: `${session.portalOrigin}${pageHref(locale, pages.home())}`,
  }).toString();
  return {
    statusCode: 303,
    headers: { location: logout.href, 'cache-control': 'no-store' },
    cookies: [clearedSessionCookie()],
    body: '',
  };
};

export const handler = withHttp(lambdaHandler);
