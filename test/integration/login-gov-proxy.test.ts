/**
 * The Login.gov proxy against an OpenID provider that behaves like Login.gov (oidc-provider, configured to
 * accept only private_key_jwt client assertions whose aud is its token endpoint and that live ≤ 5 minutes,
 * and to refuse an authorization request without acr_values or a nonce of ≥ 22 characters). Real HTTP,
 * the real handler modules, their secrets from a local Secrets Manager stand-in.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createRemoteJWKSet, decodeJwt, exportJWK, jwtVerify } from 'jose';
import Provider, { errors } from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAssertion, exchangeCode } from '#domain/login-gov-proxy';
import { lambdaContext } from '#local/api-gateway';
import { MemoryAdapter } from '../../local/identity/memory-adapter.ts';
import { type AwsJsonStub, startAwsJsonStub } from '../support/aws-json-stub.ts';

const CLIENT_ID = 'urn:gov:gsa:openidconnect.profiles:sp:sso:example:front-door';
const ACR = 'urn:acr.login.gov:auth-only';
const REDIRECT_URI = 'https://auth.portal.example.gov/oauth2/idpresponse';
const PROXY_SECRET = 'cognito-to-proxy-shared-secret-1234567890';
const STATE = 'cognito-state-H4sIAAAAAAAAAO29B2AcSZ'; // Cognito's state is long and opaque

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const registered = rsa(); // the key pair whose public half is registered "at Login.gov"

let op: Provider;
let opServer: Server;
let issuer: string;
let secrets: AwsJsonStub;
let authorize: Handler;
let token: Handler;
const savedEnv = { ...process.env };

async function startLoginGovLikeProvider(): Promise<void> {
  opServer = createServer();
  await new Promise<void>((resolve) => opServer.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(opServer.address() as AddressInfo).port}/`;
  const signing = rsa();
  op = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        redirect_uris: [REDIRECT_URI],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'RS256',
        jwks: { keys: [{ ...(await exportJWK(registered.publicKey)), use: 'sig', alg: 'RS256' }] },
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(signing.privateKey)), kid: 'login-gov-like', use: 'sig', alg: 'RS256' }] },
    acrValues: [ACR],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    cookies: { keys: ['test-cookie-key-not-secret'] },
    features: { devInteractions: { enabled: false } },
    // Chosen, so oidc-provider has no defaults to warn about (its own memory adapter and ttl functions).
    adapter: MemoryAdapter as never,
    ttl: { AccessToken: 3600, AuthorizationCode: 300, IdToken: 3600, Interaction: 3600, Session: 86_400, Grant: 86_400 },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({ sub, email: 'ana.rivera@example.com', email_verified: true }),
    }),
    // Login.gov's rules for client assertions: aud is the token endpoint, lifetime at most 5 minutes, sub = iss.
    assertJwtClientAuthClaimsAndHeader: async (_ctx, claims) => {
      if (claims.aud !== `${issuer}token`) throw new errors.InvalidClientAuth('aud must be the token endpoint');
      if (claims.sub !== claims.iss) throw new errors.InvalidClientAuth('sub must equal iss');
      if (typeof claims.exp !== 'number' || claims.exp - Math.floor(Date.now() / 1000) > 300)
        throw new errors.InvalidClientAuth('the assertion may live 5 minutes at most');
    },
  });
  // Login.gov refuses an authorization request without acr_values or with a short nonce.
  op.use(async (ctx, next) => {
    if (ctx.path === '/auth' && ctx.method === 'GET') {
      const { acr_values: acr, nonce } = ctx.query as Record<string, string | undefined>;
      if (acr !== ACR || (nonce ?? '').length < 22) {
        ctx.status = 400;
        ctx.body = { error: 'invalid_request', error_description: 'acr_values and a nonce of 22+ characters are required' };
        return;
      }
      // Login.gov's prompt=select_account (the account chooser) has no equivalent here; it changes nothing else.
      if (ctx.query.prompt === 'select_account') {
        const { prompt: _, ...rest } = ctx.query;
        ctx.query = rest;
      }
    }
    // The person signs in and consents (what Login.gov's own pages would do).
    if (ctx.path.startsWith('/interaction/')) {
      const details = await op.interactionDetails(ctx.req, ctx.res);
      const accountId = 'login-gov-uuid-4f1c2b7e';
      const grant = new op.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      ctx.redirect(await op.interactionResult(ctx.req, ctx.res, { login: { accountId, acr: ACR }, consent: { grantId } }));
      return;
    }
    await next();
  });
  opServer.on('request', op.callback());
}

/** Follows redirects inside the provider with a path-aware cookie jar until it sends the browser back to Cognito. */
async function browseUntilCallback(start: string): Promise<{ url: URL } | { status: number; body: string }> {
  const jar = new Map<string, { value: string; path: string }>();
  let url = start;
  for (let hop = 0; hop < 10; hop++) {
    const path = new URL(url).pathname;
    const cookie = [...jar.entries()]
      .filter(([, c]) => path.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
    const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const set of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = set.split(';').map((s) => s.trim());
      const [name = '', value = ''] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      const cookiePath = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      jar.set(name, { value, path: cookiePath });
    }
    const location = response.headers.get('location');
    if (!location) return { status: response.status, body: await response.text() };
    const next = new URL(location, url);
    if (next.href.startsWith(REDIRECT_URI)) return { url: next };
    url = next.href;
  }
  throw new Error('too many redirects');
}

function apiEvent(
  method: 'GET' | 'POST',
  path: string,
  init: { query?: Record<string, string>; headers?: Record<string, string>; body?: string } = {},
) {
  const now = new Date();
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: new URLSearchParams(init.query).toString(),
    headers: init.headers ?? {},
    ...(init.query && { queryStringParameters: init.query }),
    requestContext: {
      accountId: '000000000000',
      apiId: 'login-gov-proxy',
      domainName: 'proxy.example',
      domainPrefix: 'proxy',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'Amazon/Cognito' },
      requestId: 'req-1',
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(init.body !== undefined && { body: Buffer.from(init.body).toString('base64') }),
    isBase64Encoded: init.body !== undefined,
  } as APIGatewayProxyEventV2;
}

/** What Cognito does when the browser comes back with a code: POST it to the token endpoint it was given. */
function cognitoTokenRequest(code: string, credentials: { secret?: string; basic?: boolean } = {}) {
  const secret = credentials.secret ?? PROXY_SECRET;
  const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (credentials.basic)
    headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(CLIENT_ID)}:${secret}`).toString('base64')}`;
  else {
    form.set('client_id', CLIENT_ID);
    form.set('client_secret', secret);
  }
  return token(apiEvent('POST', '/token', { headers, body: form.toString() }), lambdaContext('login-gov-token'));
}

/** Cognito → proxy /authorize → the provider → back to Cognito with a code; returns the code and the nonce used. */
async function signInAtLoginGov(): Promise<{ code: string; nonce: string }> {
  const answer = await authorize(
    apiEvent('GET', '/authorize', {
      query: { client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, response_type: 'code', scope: 'openid email', state: STATE },
    }),
    lambdaContext('login-gov-authorize'),
  );
  const location = String(answer.headers?.location);
  const nonce = new URL(location).searchParams.get('nonce') ?? '';
  const back = await browseUntilCallback(location);
  if (!('url' in back)) throw new Error(`the provider refused: ${back.status} ${back.body}`);
  expect(back.url.searchParams.get('state')).toBe(STATE);
  const code = back.url.searchParams.get('code');
  if (!code) throw new Error(`no code: ${back.url.searchParams.get('error_description')}`);
  return { code, nonce };
}

beforeAll(async () => {
  await startLoginGovLikeProvider();
  secrets = await startAwsJsonStub();
  const pem = registered.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  secrets.answer('GetSecretValue', (body) =>
    body.SecretId === 'login-gov-private-key'
      ? { Name: body.SecretId, SecretString: pem }
      : body.SecretId === 'login-gov-proxy-secret'
        ? { Name: body.SecretId, SecretString: PROXY_SECRET }
        : { error: 'ResourceNotFoundException' },
  );
  Object.assign(process.env, {
    LOGIN_GOV_CLIENT_ID: CLIENT_ID,
    LOGIN_GOV_ACR_VALUES: ACR,
    LOGIN_GOV_AUTHORIZE_ENDPOINT: `${issuer}auth`,
    LOGIN_GOV_TOKEN_ENDPOINT: `${issuer}token`,
    LOGIN_GOV_PRIVATE_KEY_SECRET: 'login-gov-private-key',
    LOGIN_GOV_PROXY_SECRET: 'login-gov-proxy-secret',
    AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
  });
  authorize = (await import('../../functions/handlers/login-gov-authorize.ts')).handler as unknown as Handler;
  token = (await import('../../functions/handlers/login-gov-token.ts')).handler as unknown as Handler;
});

afterAll(async () => {
  process.env = savedEnv;
  await secrets?.close();
  await new Promise((resolve) => opServer?.close(resolve));
});

describe('signing in with Login.gov through the proxy', () => {
  it('sends the browser to Login.gov with acr_values, a long nonce and what Cognito asked for', async () => {
    const answer = await authorize(
      apiEvent('GET', '/authorize', {
        query: {
          client_id: CLIENT_ID,
          redirect_uri: REDIRECT_URI,
          response_type: 'code',
          scope: 'openid email',
          state: STATE,
          junk: 'x',
        },
      }),
      lambdaContext('login-gov-authorize'),
    );
    expect(answer.statusCode).toBe(303);
    const location = new URL(String(answer.headers?.location));
    expect(`${location.origin}${location.pathname}`).toBe(`${issuer}auth`);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid email',
      state: STATE,
      nonce: expect.stringMatching(/^[\w-]{22,}$/),
      acr_values: ACR,
      prompt: 'select_account',
    });
  });

  it('turns Cognito’s code exchange into one Login.gov accepts, and returns a valid ID token', async () => {
    const { code, nonce } = await signInAtLoginGov();
    const answer = await cognitoTokenRequest(code);
    expect(answer.statusCode).toBe(200);
    const tokens = JSON.parse(String(answer.body)) as { id_token: string; token_type: string };
    expect(tokens.token_type).toBe('Bearer');
    const { payload } = await jwtVerify(tokens.id_token, createRemoteJWKSet(new URL(`${issuer}jwks`)), {
      issuer: issuer,
      audience: CLIENT_ID,
    });
    expect(payload).toMatchObject({ sub: 'login-gov-uuid-4f1c2b7e', nonce, acr: ACR });
  });

  it('accepts Cognito’s credentials in a Basic header too', async () => {
    const { code } = await signInAtLoginGov();
    expect((await cognitoTokenRequest(code, { basic: true })).statusCode).toBe(200);
  });

  it('refuses a caller without the shared secret, without asking Login.gov', async () => {
    const { code } = await signInAtLoginGov();
    const answer = await cognitoTokenRequest(code, { secret: 'guessed' });
    expect(answer.statusCode).toBe(401);
    expect(JSON.parse(String(answer.body))).toMatchObject({ error: 'invalid_client' });
    // The code was not spent: the real caller can still use it.
    expect((await cognitoTokenRequest(code)).statusCode).toBe(200);
  });

  it('refuses a request that is not a code exchange', async () => {
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: 'x',
      client_id: CLIENT_ID,
      client_secret: PROXY_SECRET,
    });
    const answer = await token(
      apiEvent('POST', '/token', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() }),
      lambdaContext('login-gov-token'),
    );
    expect(answer.statusCode).toBe(400);
    expect(JSON.parse(String(answer.body))).toMatchObject({ error: 'unsupported_grant_type' });
  });
});

describe('the provider stands in for Login.gov faithfully', () => {
  async function tokenRequestAtProvider(form: URLSearchParams) {
    const response = await fetch(`${issuer}token`, { method: 'POST', body: form });
    return { status: response.status, body: (await response.json()) as { error?: string } };
  }

  it('refuses a code exchange with a client secret instead of an assertion', async () => {
    const { code } = await signInAtLoginGov();
    const answer = await tokenRequestAtProvider(
      new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT_URI,
        client_id: CLIENT_ID,
        client_secret: PROXY_SECRET,
      }),
    );
    expect(answer).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('refuses an assertion signed with a key that is not registered', async () => {
    const { code } = await signInAtLoginGov();
    const postForm = async (url: string, form: URLSearchParams) => {
      const response = await fetch(url, { method: 'POST', body: form });
      return { status: response.status, contentType: 'application/json', body: await response.text() };
    };
    const answer = await exchangeCode(
      { grantType: 'authorization_code', code, redirectUri: REDIRECT_URI, clientId: CLIENT_ID, clientSecret: PROXY_SECRET },
      {
        settings: { clientId: CLIENT_ID, tokenEndpoint: `${issuer}token` },
        proxySecret: async () => PROXY_SECRET,
        privateKey: async () => rsa().privateKey as KeyObject,
        postForm,
      },
    );
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toMatchObject({ error: 'invalid_client' });
  });

  it('refuses an assertion that would live longer than 5 minutes', async () => {
    const { code } = await signInAtLoginGov();
    const assertion = await clientAssertion({ clientId: CLIENT_ID, tokenEndpoint: `${issuer}token` }, registered.privateKey);
    expect(decodeJwt(assertion).exp! - decodeJwt(assertion).iat!).toBeLessThanOrEqual(300);
    const tooLong = await new (await import('jose')).SignJWT({})
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(CLIENT_ID)
      .setSubject(CLIENT_ID)
      .setAudience(`${issuer}token`)
      .setJti('long-lived')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(registered.privateKey);
    const answer = await tokenRequestAtProvider(
      new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT_URI,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: tooLong,
      }),
    );
    expect(answer).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('refuses an authorization request that did not come through the proxy', async () => {
    const direct = new URL(`${issuer}auth`);
    for (const [k, v] of Object.entries({
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid',
      state: STATE,
    }))
      direct.searchParams.set(k, v);
    const answer = await browseUntilCallback(direct.href);
    expect(answer).toMatchObject({ status: 400 });
  });
});
