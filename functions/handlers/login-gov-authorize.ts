/**
 * GET /authorize on the Login.gov proxy: Cognito sends the browser here instead of to Login.gov; this adds
 * acr_values and a nonce and sends it on (domain/login-gov-proxy.ts). Not a portal route: the proxy has its
 * own small HTTP API (infra/constructs/login-gov-proxy.ts).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { translate } from '#catalog/i18n';
import { loginGovAuthorizeUrl, ProxyRequestError } from '#domain/login-gov-proxy';
import { requestLocale } from '#http/request';
import { seeOther } from '#http/responses';
import { strings } from '#http/site';
import { withHttp } from '#http/with-http';
import { BadRequestError } from '#shared/errors';
import { loginGovAuthorizeConfig } from '#shared/identity-config';

const settings = loginGovAuthorizeConfig();

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  try {
    return seeOther(loginGovAuthorizeUrl(event.queryStringParameters ?? {}, settings));
  } catch (error) {
    if (error instanceof ProxyRequestError)
      throw new BadRequestError(translate(strings, 'error.signInLink', requestLocale(event)));
    throw error;
  }
};

export const handler = withHttp(lambdaHandler);
