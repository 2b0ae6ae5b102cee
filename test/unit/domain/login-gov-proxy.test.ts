import { generateKeyPairSync } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  clientAssertion,
  exchangeCode,
  loginGovAuthorizeUrl,
  loginGovEndpointsOf,
  MAX_ASSERTION_SECONDS,
  newNonce,
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

describe('the proxy, the details', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields);
  const code = { grant_type: 'authorization_code', code: 'c' };
  const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

  it('adds no second slash to an issuer that has one', () => {
    expect(loginGovEndpointsOf('https://secure.login.gov/').token).toBe('https://secure.login.gov/api/openid_connect/token');
    expect(loginGovEndpointsOf('https://secure.login.gov').token).toBe('https://secure.login.gov/api/openid_connect/token');
  });

  it("keeps Login.gov's limit on assertions at five minutes", () => {
    expect(MAX_ASSERTION_SECONDS).toBe(300);
  });

  it('makes nonces of 32 random bytes, base64url', () => {
    const [a, b] = [newNonce(), newNonce()];
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('forwards every parameter Login.gov understands, and nothing empty', () => {
    const all = {
      ...cognitoQuery,
      nonce: 'n'.repeat(30),
      prompt: 'login',
      code_challenge: 'challenge',
      code_challenge_method: 'S256',
      extra: 'dropped',
    };
    const url = new URL(loginGovAuthorizeUrl(all, settings));
    for (const name of [
      'client_id',
      'redirect_uri',
      'response_type',
      'scope',
      'state',
      'nonce',
      'prompt',
      'code_challenge',
      'code_challenge_method',
    ])
      expect(url.searchParams.get(name), name).toBe(all[name as keyof typeof all]);
    expect(url.searchParams.has('extra')).toBe(false);
    const empty = new URL(loginGovAuthorizeUrl({ ...cognitoQuery, scope: '', prompt: '' }, settings));
    expect(empty.searchParams.has('scope')).toBe(false);
    expect(empty.searchParams.get('prompt')).toBe('select_account');
  });

  it('says what is wrong with an authorize request', () => {
    expect(() => loginGovAuthorizeUrl({ ...cognitoQuery, client_id: 'x' }, settings)).toThrow('unknown client_id');
    expect(() => loginGovAuthorizeUrl({ ...cognitoQuery, response_type: 'token' }, settings)).toThrow(
      'response_type must be code',
    );
    expect(() => loginGovAuthorizeUrl({ ...cognitoQuery, state: '' }, settings)).toThrow('redirect_uri and state are required');
    expect(new ProxyRequestError('invalid_request', 'x').name).toBe('ProxyRequestError');
  });

  it('reads a Basic header however it is spaced, and only a whole Basic header', () => {
    const credentials = basic(`${encodeURIComponent('id+1')}:${'se+cret'}`);
    expect(parseTokenRequest(form(code), credentials.replace(' ', '  '))).toMatchObject({
      clientId: 'id+1',
      clientSecret: 'se cret',
    });
    for (const header of [`x${credentials}`, `${credentials} extra`, 'Bearer abc'])
      expect(parseTokenRequest(form({ ...code, client_id: 'form-id' }), header).clientId, header).toBe('form-id');
  });

  it('takes an empty id in a Basic header as empty, and refuses malformed encoding', () => {
    expect(parseTokenRequest(form(code), basic(':secret'))).toMatchObject({ clientId: '', clientSecret: 'secret' });
    expect(() => parseTokenRequest(form(code), basic('%zz:secret'))).toThrow('malformed Basic credentials');
  });

  it('reads no credentials as empty, and passes the redirect URI and PKCE verifier on', () => {
    expect(parseTokenRequest(form(code), undefined)).toMatchObject({ clientId: '', clientSecret: '' });
    expect(
      parseTokenRequest(form({ ...code, redirect_uri: 'https://r', code_verifier: 'v'.repeat(43) }), undefined),
    ).toMatchObject({ redirectUri: 'https://r', codeVerifier: 'v'.repeat(43) });
    expect(parseTokenRequest(form(code), undefined)).toMatchObject({ redirectUri: undefined, codeVerifier: undefined });
  });

  it('says what is wrong with a token request', () => {
    expect(() => parseTokenRequest(form({ code: 'c' }), undefined)).toThrow('only authorization_code is supported');
    expect(() => parseTokenRequest(form({ grant_type: 'authorization_code' }), undefined)).toThrow('code is required');
  });
});

describe('the code exchange, the details', () => {
  it('says why it refuses, and sends the PKCE verifier and no redirect URI when Cognito sent none', async () => {
    const posted: Record<string, string>[] = [];
    const d = {
      settings,
      proxySecret: async () => 'shared',
      privateKey: async () => keys.privateKey,
      postForm: async (_url: string, form: URLSearchParams) => {
        posted.push(Object.fromEntries(form));
        return { status: 200, contentType: 'application/json', body: '{}' };
      },
    };
    const request: TokenRequest = { grantType: 'authorization_code', code: 'abc', clientId: CLIENT_ID, clientSecret: 'shared' };
    await expect(exchangeCode({ ...request, clientSecret: 'x' }, d)).rejects.toThrow('client authentication failed');
    await exchangeCode({ ...request, codeVerifier: 'v'.repeat(43) }, d);
    expect(posted[0]).toMatchObject({ code_verifier: 'v'.repeat(43) });
    expect('redirect_uri' in (posted[0] ?? {})).toBe(false);
    await exchangeCode(request, d);
    expect('code_verifier' in (posted[1] ?? {})).toBe(false);
  });
});

describe('the OAuth error each refusal answers with', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields);
  const code = { grant_type: 'authorization_code', code: 'c' };
  const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return { error: (error as ProxyRequestError).oauthError, message: (error as Error).message };
    }
    return undefined;
  };

  it('is invalid_client for bad Basic credentials and for a failed client check', async () => {
    expect(refusal(() => parseTokenRequest(form(code), basic('nocolon')))).toEqual({
      error: 'invalid_client',
      message: 'malformed Basic credentials',
    });
    expect(refusal(() => parseTokenRequest(form(code), basic('%zz:secret')))).toEqual({
      error: 'invalid_client',
      message: 'malformed Basic credentials',
    });
    const d = {
      settings,
      proxySecret: async () => 'shared',
      privateKey: async () => keys.privateKey,
      postForm: async () => ({ status: 200, contentType: 'application/json', body: '{}' }),
    };
    const failed = await exchangeCode(
      { grantType: 'authorization_code', code: 'abc', clientId: CLIENT_ID, clientSecret: 'guess' },
      d,
    ).catch((error: ProxyRequestError) => ({ error: error.oauthError, message: error.message }));
    expect(failed).toEqual({ error: 'invalid_client', message: 'client authentication failed' });
  });

  it('forwards no parameter Cognito did not send', () => {
    const url = new URL(loginGovAuthorizeUrl(cognitoQuery, settings));
    for (const name of ['code_challenge', 'code_challenge_method']) expect(url.searchParams.has(name), name).toBe(false);
  });
});
