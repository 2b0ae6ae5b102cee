/**
 * The staff cookie's token is checked as API Gateway checks a Bearer token: the same forged tokens go through the
 * cookie verifier (functions/http/token-verifier.ts, aws-jwt-verify) and the local gateway authorizer
 * (local/identity/jwt-authorizer.ts, jose), and both give the same verdict.
 */
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, type TokenVerifier } from '#http/token-verifier';
import { createJwtAuthorizer, type JwtAuthorizer } from '../../../local/identity/jwt-authorizer.ts';

const ISSUER = 'http://127.0.0.1:9/auth';
const CLIENT = 'frontdoorlocalwebclient01';
const KID = 'key-1';

type Key = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let signing: Key;
let other: Key;
let publicJwk: JWK;
let cookie: TokenVerifier;
let gateway: JwtAuthorizer;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  signing = pair.privateKey;
  other = (await generateKeyPair('RS256', { extractable: true })).privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  const jwks = { keys: [publicJwk] };
  const bytes = new TextEncoder().encode(JSON.stringify(jwks));
  cookie = createTokenVerifier({ issuer: ISSUER, audiences: [CLIENT], fetchJwks: async () => bytes.buffer as ArrayBuffer });
  gateway = createJwtAuthorizer({ issuer: ISSUER, audience: [CLIENT], jwks: jwks as never });
});

const now = () => Math.floor(Date.now() / 1000);

/** An access token as the local issuer makes one; `changes` forge it. */
async function token(
  changes: { claims?: Record<string, unknown>; drop?: string[]; key?: Key; kid?: string | null } = {},
): Promise<string> {
  const claims: Record<string, unknown> = {
    sub: 'sub-1',
    iss: ISSUER,
    aud: CLIENT,
    client_id: CLIENT,
    scope: 'openid email profile',
    token_use: 'access',
    'cognito:groups': ['staff:vital-records'],
    username: 'ExampleStaff_staff.vital-records',
    jti: 'jti-1',
    iat: now() - 10,
    exp: now() + 3600,
    ...changes.claims,
  };
  for (const name of changes.drop ?? []) delete claims[name];
  const kid = changes.kid === undefined ? KID : changes.kid;
  return new SignJWT(claims as never)
    .setProtectedHeader({ alg: 'RS256', ...(kid !== null && { kid }) })
    .sign(changes.key ?? signing);
}

async function verdicts(jwt: string) {
  const [c, g] = await Promise.all([cookie(jwt, ['openid']), gateway(`Bearer ${jwt}`, ['openid'])]);
  return { cookie: c.ok, gateway: g.ok };
}

describe('the staff cookie verifier makes the gateway checks', () => {
  it('takes a good access token, with its claims as API Gateway passes them', async () => {
    const jwt = await token();
    expect(await verdicts(jwt)).toEqual({ cookie: true, gateway: true });
    const verdict = await cookie(jwt, ['openid']);
    expect(verdict.ok && verdict.claims['cognito:groups']).toBe('[staff:vital-records]');
  });

  it('takes a Cognito access token, which has client_id and no aud', async () => {
    expect(await verdicts(await token({ drop: ['aud'] }))).toEqual({ cookie: true, gateway: true });
  });

  // Functions: the keys exist only once beforeAll has run.
  const forged: [string, () => Parameters<typeof token>[0]][] = [
    ['signed with another key under the same kid', () => ({ key: other, kid: KID })],
    ['with a kid the issuer never published', () => ({ kid: 'key-2' })],
    ['with no kid', () => ({ kid: null })],
    ['from another issuer', () => ({ claims: { iss: 'https://evil.example/auth' } })],
    ['expired', () => ({ claims: { exp: now() - 60, iat: now() - 4000 } })],
    ['not valid yet (nbf)', () => ({ claims: { nbf: now() + 600 } })],
    ['issued in the future (iat)', () => ({ claims: { iat: now() + 600 } })],
    ['for another client (aud)', () => ({ claims: { aud: 'someone-else' } })],
    ['for another client (client_id, no aud)', () => ({ claims: { client_id: 'someone-else' }, drop: ['aud'] })],
    ['without the openid scope', () => ({ claims: { scope: 'email profile' } })],
    ['an ID token (no scope, token_use id)', () => ({ claims: { token_use: 'id' }, drop: ['scope', 'client_id'] })],
  ];

  it.each(forged)('refuses a token %s, as the gateway does', async (_, changes) => {
    const jwt = await token(changes());
    expect(await verdicts(jwt)).toEqual({ cookie: false, gateway: false });
  });

  it('refuses an HMAC-signed token (RSA only)', async () => {
    const secret = new TextEncoder().encode('x'.repeat(32));
    const jwt = await new SignJWT({ sub: 'sub-1', iss: ISSUER, aud: CLIENT, scope: 'openid', token_use: 'access' })
      .setProtectedHeader({ alg: 'HS256', kid: KID })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(secret);
    expect(await verdicts(jwt)).toEqual({ cookie: false, gateway: false });
  });

  it('refuses an access-shaped token that says it is an ID token (Cognito rule; the gateway relies on scope)', async () => {
    const verdict = await cookie(await token({ claims: { token_use: 'id' } }), ['openid']);
    expect(verdict.ok).toBe(false);
  });

  it('refuses no token and a token that is not a JWT', async () => {
    expect((await cookie(undefined, ['openid'])).ok).toBe(false);
    expect((await cookie('not.a.jwt', ['openid'])).ok).toBe(false);
  });
});
