/**
 * GET /api/agency/callback: back from the user pool. The state is consumed (a replayed or unknown one is refused),
 * the code exchanged with the kept verifier, the access token checked as the gateway checks one and the ID token's
 * nonce compared; only then, and only for staff, the `__Host-fd-staff` cookie is set and the browser sent on.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbSignInStore } from '#adapters/dynamodb-sign-in-store';
import { translate } from '#catalog/i18n';
import { staffAgenciesOf } from '#domain/authorization';
import { resumeSignIn } from '#domain/staff-sign-in';
import { callerOf } from '#http/caller';
import { htmlPage, otherLanguageHref } from '#http/pages';
import { requestLocale } from '#http/request';
import { sessionCookie, sessionSetup } from '#http/session';
import { strings } from '#http/site';
import { createIdTokenVerifier } from '#http/token-verifier';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';
import { BadRequestError, ForbiddenError } from '#shared/errors';
import { apiPath } from '#ui/paths.ts';

const { config: session, verify } = sessionSetup();
const store = dynamoDbSignInStore(dynamoDb, config.tableName);
const verifyIdToken = createIdTokenVerifier({ issuer: session.issuer, clientId: session.clientId });

interface TokenAnswer {
  access_token?: string;
  id_token?: string;
}

async function exchange(code: string, verifier: string): Promise<TokenAnswer | undefined> {
  const answer = await fetch(`${session.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: `${session.portalOrigin}${apiPath('staffSignInCallback')}`,
      client_id: session.clientId,
      code_verifier: verifier,
    }).toString(),
    signal: AbortSignal.timeout(5000),
  });
  return answer.ok ? ((await answer.json()) as TokenAnswer) : undefined;
}

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const t = (key: string) => translate(strings, key, locale);
  const query = event.queryStringParameters ?? {};
  const pending = await resumeSignIn(query.state, { store, now: () => new Date() });
  if (!pending || !query.code) throw new BadRequestError(t('agency.signInExpired'));
  const tokens = await exchange(query.code, pending.verifier);
  const verdict = tokens && (await verify(tokens.access_token, ['openid']));
  if (!tokens || !verdict?.ok || !(await verifyIdToken(tokens.id_token, pending.nonce)))
    throw new BadRequestError(t('agency.signInFailed'));
  // Who this is, by the one rule every route uses (the claims where API Gateway puts them).
  const caller = callerOf({ requestContext: { authorizer: { jwt: { claims: verdict.claims } } } } as never);
  const [agency] = staffAgenciesOf(caller);
  if (!agency) throw new ForbiddenError(t('agency.staffOnly'));
  const remaining = Number(verdict.payload.exp) - Math.floor(Date.now() / 1000);
  const next = pending.returnTo ?? apiPath('agencyQueuePage', { agency }, { lang: locale });
  // A page that moves on by itself, not a 303: see ui/pages/agency/SignedInPage.tsx (SameSite=Strict after a
  // cross-site redirect chain).
  const page = await htmlPage(
    200,
    locale,
    ({ signedInPage, langOf }) => signedInPage(langOf(locale), { next, altHref: otherLanguageHref(next, locale) }),
    { refresh: `0;url=${next}` },
  );
  return { ...page, cookies: [sessionCookie(tokens.access_token as string, remaining)] };
};

export const handler = withHttp(lambdaHandler);
