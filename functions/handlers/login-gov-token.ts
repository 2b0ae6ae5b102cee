/**
 * POST /token on the Login.gov proxy: Cognito's code exchange, re-authenticated for Login.gov with a signed
 * client assertion (domain/login-gov-proxy.ts). Answers in OAuth 2.0's shape, since Cognito reads it.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { cachedSecret, postForm, privateKeyFrom, secretsManagerClient } from '#adapters/login-gov-upstream';
import { exchangeCode, ProxyRequestError, parseTokenRequest } from '#domain/login-gov-proxy';
import { header, readBody } from '#http/request';
import { json } from '#http/responses';
import { withHttp } from '#http/with-http';
import { isClientError } from '#shared/errors';
import { loginGovTokenConfig } from '#shared/identity-config';
import { logger } from '#shared/logger';

const config = loginGovTokenConfig();
const secrets = secretsManagerClient();
const deps = {
  settings: { clientId: config.clientId, tokenEndpoint: config.tokenEndpoint },
  proxySecret: cachedSecret(secrets, config.proxySecretId),
  privateKey: privateKeyFrom(cachedSecret(secrets, config.privateKeySecretId)),
  postForm,
};

/** RFC 6749 §5.2; only Cognito reads these, so they stay in English. */
function oauthError(error: ProxyRequestError) {
  return json(error.oauthError === 'invalid_client' ? 401 : 400, { error: error.oauthError, error_description: error.message });
}

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  try {
    const body = readBody(event, {
      tooLarge: 'request too large',
      encoding: 'request is not UTF-8',
      json: 'send a form',
      type: 'send application/x-www-form-urlencoded',
      empty: 'empty request',
    });
    if (body.kind !== 'form') throw new ProxyRequestError('invalid_request', 'send application/x-www-form-urlencoded');
    const answer = await exchangeCode(parseTokenRequest(body.value, header(event, 'authorization')), deps);
    logger.info('Login.gov token exchange', { upstreamStatus: answer.status });
    return {
      statusCode: answer.status,
      headers: { 'content-type': answer.contentType, 'cache-control': 'no-store' },
      body: answer.body,
    };
  } catch (error) {
    const refused =
      error instanceof ProxyRequestError
        ? error
        : isClientError(error)
          ? new ProxyRequestError('invalid_request', error.message)
          : undefined;
    if (!refused) throw error;
    logger.info('Login.gov token request refused', { error: refused.oauthError });
    return oauthError(refused);
  }
};

export const handler = withHttp(lambdaHandler);
