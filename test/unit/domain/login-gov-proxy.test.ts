import { generateKeyPairSync } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  clientAssertion,
  exchangeCode,
  loginGovAuthorizeUrl,
  loginGovEndpointsOf,
  ProxyRequestError,
  parseTokenRequest,
  sameSecret,
  type TokenRequest,
} from '#domain/login-gov-proxy';

const CLIENT_ID = 'urn:gov:gsa:openidconnect.profiles:sp:sso:example:front-door';
const endpoints = loginGovEndpointsOf('https://idp.int.identitysandbox.gov/');
const settings = {
  clientId: CLIENT_ID,
  acrValues: 'urn:acr.login.gov:auth-only',
  authorizeEndpoint: endpoints.authorization,
  tokenEndpoint: endpoints.token,
};
const cognitoQuery = {
  client_id: CLIENT_ID,
  redirect_uri: 'https://auth.portal.example.gov/oauth2/idpresponse',
  response_type: 'code',
  scope: 'openid email',
  state: 'H4sIAAAAAAAAAO29B2AcSZlS',
};
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });

describe("Login.gov's endpoints", () => {
  it('are found under the issuer, with or without its trailing slash', () => {
    expect(loginGovEndpointsOf('https://secure.login.gov')).toEqual({
      authorization: 'https://secure.login.gov/openid_connect/authorize',
      token: 'https://secure.login.gov/api/openid_connect/token',
      userInfo: 'https://secure.login.gov/api/openid_connect/userinfo',
      jwksUri: 'https://secure.login.gov/api/openid_connect/certs',
    });
  });
});

describe('the authorize redirect', () => {
  const params = (url: string) => Object.fromEntries(new URL(url).searchParams);

  it("keeps Cognito's own nonce when it is long enough", () => {
    const nonce = 'n'.repeat(22);
    expect(params(loginGovAuthorizeUrl({ ...cognitoQuery, nonce }, settings, () => 'unused')).nonce).toBe(nonce);
  });

  it('replaces a nonce Login.gov would refuse', () => {
    expect(
      params(loginGovAuthorizeUrl({ ...cognitoQuery, nonce: 'short' }, settings, () => 'made-here-1234567890123')).nonce,
    ).toBe('made-here-1234567890123');
  });

  it('always asks for the configured acr_values, whatever came in', () => {
    expect(params(loginGovAuthorizeUrl({ ...cognitoQuery, acr_values: 'urn:acr.login.gov:verified' }, settings)).acr_values).toBe(
      'urn:acr.login.gov:auth-only',
    );
  });

  it('keeps a prompt Cognito sent', () => {
    expect(params(loginGovAuthorizeUrl({ ...cognitoQuery, prompt: 'login' }, settings)).prompt).toBe('login');
  });

  it.each([
    ['another client', { client_id: 'someone-else' }, 'invalid_client'],
    ['no client', { client_id: undefined }, 'invalid_client'],
    ['an implicit flow', { response_type: 'token' }, 'invalid_request'],
    ['no state', { state: undefined }, 'invalid_request'],
    ['no redirect_uri', { redirect_uri: '' }, 'invalid_request'],
  ])('refuses %s', (_, change, error) => {
    expect(() => loginGovAuthorizeUrl({ ...cognitoQuery, ...change }, settings)).toThrow(
      expect.objectContaining({ oauthError: error }) as unknown as Error,
    );
  });
});

describe("reading Cognito's token request", () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields);

  it('reads credentials from the form', () => {
    expect(
      parseTokenRequest(
        form({ grant_type: 'authorization_code', code: 'c', client_id: CLIENT_ID, client_secret: 's' }),
        undefined,
      ),
    ).toMatchObject({ clientId: CLIENT_ID, clientSecret: 's', code: 'c' });
  });

  it('reads form-encoded credentials from a Basic header', () => {
    const basic = Buffer.from(`${encodeURIComponent(CLIENT_ID)}:${encodeURIComponent('p@ss:w rd')}`).toString('base64');
    expect(parseTokenRequest(form({ grant_type: 'authorization_code', code: 'c' }), `Basic ${basic}`)).toMatchObject({
      clientId: CLIENT_ID,
      clientSecret: 'p@ss:w rd',
    });
  });

  it.each([
    ['a refresh', { grant_type: 'refresh_token', code: 'c' }, undefined, 'unsupported_grant_type'],
    ['no code', { grant_type: 'authorization_code' }, undefined, 'invalid_request'],
    [
      'a Basic header without a colon',
      { grant_type: 'authorization_code', code: 'c' },
      `Basic ${Buffer.from('nocolon').toString('base64')}`,
      'invalid_client',
    ],
  ])('refuses %s', (_, fields, authorization, error) => {
    expect(() => parseTokenRequest(form(fields), authorization)).toThrow(
      expect.objectContaining({ oauthError: error }) as unknown as Error,
    );
  });
});

describe('the shared secret', () => {
  it('matches only itself', () => {
    expect(sameSecret('s3cret-value', 's3cret-value')).toBe(true);
    expect(sameSecret('s3cret-valuE', 's3cret-value')).toBe(false);
    expect(sameSecret('s3cret', 's3cret-value')).toBe(false);
  });

  it('never matches when none is configured', () => {
    expect(sameSecret('', '')).toBe(false);
  });
});

describe('the client assertion', () => {
  it('is an RS256 JWT by the client, about the client, for the token endpoint, valid 4 minutes', async () => {
    const now = new Date('2026-11-22T15:00:00Z');
    const jwt = await clientAssertion(settings, keys.privateKey, now, 'jti-1');
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'RS256', typ: 'JWT' });
    const { payload } = await jwtVerify(jwt, keys.publicKey, { currentDate: now, audience: endpoints.token, issuer: CLIENT_ID });
    expect(payload).toEqual({
      iss: CLIENT_ID,
      sub: CLIENT_ID,
      aud: endpoints.token,
      jti: 'jti-1',
      iat: 1795359600,
      exp: 1795359840,
    });
  });

  it('has a new jti each time', async () => {
    const { payload: a } = await jwtVerify(await clientAssertion(settings, keys.privateKey), keys.publicKey);
    const { payload: b } = await jwtVerify(await clientAssertion(settings, keys.privateKey), keys.publicKey);
    expect(a.jti).not.toBe(b.jti);
  });
});

describe('the code exchange', () => {
  const request: TokenRequest = {
    grantType: 'authorization_code',
    code: 'abc',
    clientId: CLIENT_ID,
    clientSecret: 'shared',
    redirectUri: 'https://r',
  };

  function deps() {
    const posted: { url: string; form: Record<string, string> }[] = [];
    return {
      posted,
      deps: {
        settings,
        proxySecret: async () => 'shared',
        privateKey: async () => keys.privateKey,
        postForm: async (url: string, form: URLSearchParams) => {
          posted.push({ url, form: Object.fromEntries(form) });
          return { status: 200, contentType: 'application/json', body: '{"id_token":"x"}' };
        },
      },
    };
  }

  it("sends Login.gov the code and an assertion, never Cognito's secret", async () => {
    const { posted, deps: d } = deps();
    await exchangeCode(request, d);
    expect(posted).toEqual([
      {
        url: endpoints.token,
        form: {
          grant_type: 'authorization_code',
          code: 'abc',
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: expect.stringMatching(/^ey[\w-]+\.[\w-]+\.[\w-]+$/),
          redirect_uri: 'https://r',
        },
      },
    ]);
  });

  it.each([
    ['a wrong secret', { clientSecret: 'guess' }],
    ['another client id', { clientId: 'urn:other' }],
  ])('refuses %s without calling Login.gov', async (_, change) => {
    const { posted, deps: d } = deps();
    await expect(exchangeCode({ ...request, ...change }, d)).rejects.toBeInstanceOf(ProxyRequestError);
    expect(posted).toEqual([]);
  });
});
