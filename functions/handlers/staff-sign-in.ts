/**
 * GET /api/agency/sign-in: the staff pages' sign-in starts here (`?return=` a workspace page to come back to,
 * `?idp=` to skip the user pool's chooser). State, nonce and PKCE verifier are kept server-side, one use.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbSignInStore } from '#adapters/dynamodb-sign-in-store';
import { safeReturnPath, startSignIn } from '#domain/staff-sign-in';
import { requestLocale } from '#http/request';
import { STAFF_PAGES_PREFIX } from '#http/routes';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';
import { staffSessionConfig } from '#shared/session-config';
import { apiPath } from '#ui/paths.ts';

const session = staffSessionConfig();
const store = dynamoDbSignInStore(dynamoDb, config.tableName);

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const query = event.queryStringParameters ?? {};
  const idp = query.idp && /^[A-Za-z0-9_-]{1,32}$/.test(query.idp) ? query.idp : undefined;
  const { location } = await startSignIn(
    {
      domain: session.domain,
      clientId: session.clientId,
      redirectUri: `${session.portalOrigin}${apiPath('staffSignInCallback')}`,
      identityProvider: idp,
      lang: requestLocale(event),
      returnTo: safeReturnPath(query.return, STAFF_PAGES_PREFIX),
    },
    { store, now: () => new Date() },
  );
  return { statusCode: 302, headers: { location, 'cache-control': 'no-store' }, body: '' };
};

export const handler = withHttp(lambdaHandler);
