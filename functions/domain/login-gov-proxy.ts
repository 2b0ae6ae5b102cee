/**
 * The Login.gov proxy (decision 0032). Cognito federates Login.gov as an ordinary OIDC identity provider, but
 * Login.gov refuses client secrets (it wants a `private_key_jwt` client assertion) and requires `acr_values`
 * and a `nonce` of at least 22 characters, none of which Cognito sends. So Cognito's authorize and token
 * endpoints for Login.gov are these two small functions:
 * - authorize: adds `acr_values` (from agency.config.json) and a nonce, then redirects the browser to Login.gov;
 * - token: checks the caller is Cognito (client id + the shared secret Cognito was configured with), drops that
 *   secret, signs a client assertion with the private key registered at Login.gov, and relays Login.gov's answer.
 * Cognito reads the user info and signing keys straight from Login.gov.
 */
import { createHash, type KeyObject, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { SignJWT } from 'jose';

export interface LoginGovEndpoints {
  /** Login.gov's client id for this deployment (urn:gov:gsa:openidconnect.profiles:sp:sso:…). */
  clientId: string;
  authorizeEndpoint: string;
  tokenEndpoint: string;
}

/** Login.gov's endpoints under its issuer (sandbox https://idp.int.identitysandbox.gov/, production https://secure.login.gov/). */
export function loginGovEndpointsOf(issuer: string) {
  const base = issuer.endsWith('/') ? issuer : `${issuer}/`;
  return {
    authorization: `${base}openid_connect/authorize`,
    token: `${base}api/openid_connect/token`,
    userInfo: `${base}api/openid_connect/userinfo`,
    jwksUri: `${base}api/openid_connect/certs`,
  };
}

/** Login.gov refuses shorter nonces and states. */
export const MIN_NONCE_LENGTH = 22;
/** Login.gov refuses client assertions that live longer than this. */
export const MAX_ASSERTION_SECONDS = 5 * 60;
/** What this proxy's assertions ask for: well inside Login.gov's limit, tolerant of a little clock skew. */
export const ASSERTION_LIFETIME_SECONDS = 4 * 60;

/** The authorization request parameters Login.gov understands; anything else Cognito might add is dropped. */
const FORWARDED = [
  'client_id',
  'redirect_uri',
  'response_type',
  'scope',
  'state',
  'nonce',
  'prompt',
  'code_challenge',
  'code_challenge_method',
];

export class ProxyRequestError extends Error {
  override name = 'ProxyRequestError';
  /** An OAuth 2.0 error code (RFC 6749 §5.2). */
  readonly oauthError: 'invalid_request' | 'invalid_client' | 'unsupported_grant_type';
  constructor(oauthError: ProxyRequestError['oauthError'], description: string) {
    super(description);
    this.oauthError = oauthError;
  }
}

/** A nonce Login.gov accepts: 32 random bytes, base64url (43 characters). */
export function newNonce(): string {
  return randomBytes(32).toString('base64url');
}

/** Where to send the browser: Login.gov's authorize endpoint with what Cognito asked plus what Login.gov needs. */
export function loginGovAuthorizeUrl(
  query: Readonly<Record<string, string | undefined>>,
  settings: Pick<LoginGovEndpoints, 'clientId' | 'authorizeEndpoint'> & { acrValues: string },
  makeNonce: () => string = newNonce,
): string {
  if (query.client_id !== settings.clientId) throw new ProxyRequestError('invalid_client', 'unknown client_id');
  if (query.response_type !== 'code') throw new ProxyRequestError('invalid_request', 'response_type must be code');
  if (!query.redirect_uri || !query.state) throw new ProxyRequestError('invalid_request', 'redirect_uri and state are required');
  const url = new URL(settings.authorizeEndpoint);
  for (const name of FORWARDED) {
    const value = query[name];
    if (value !== undefined && value !== '') url.searchParams.set(name, value);
  }
  // Keep Cognito's nonce when Login.gov would accept it (Cognito then checks it in the ID token); else make one.
  if ((query.nonce ?? '').length < MIN_NONCE_LENGTH) url.searchParams.set('nonce', makeNonce());
  url.searchParams.set('acr_values', settings.acrValues);
  if (!url.searchParams.has('prompt')) url.searchParams.set('prompt', 'select_account');
  return url.toString();
}

export interface TokenRequest {
  grantType: string;
  code: string;
  redirectUri?: string | undefined;
  codeVerifier?: string | undefined;
  clientId: string;
  clientSecret: string;
}

function decodeBasicPart(value: string): string {
  // RFC 6749 §2.3.1: id and secret are form-encoded before base64.
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    throw new ProxyRequestError('invalid_client', 'malformed Basic credentials');
  }
}

/** Cognito's token request: a form body, with the client credentials in it or in a Basic header. */
export function parseTokenRequest(form: URLSearchParams, authorization: string | undefined): TokenRequest {
  let clientId = form.get('client_id') ?? '';
  let clientSecret = form.get('client_secret') ?? '';
  const basic = authorization?.match(/^Basic\s+(\S+)$/i)?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new ProxyRequestError('invalid_client', 'malformed Basic credentials');
    clientId = decodeBasicPart(decoded.slice(0, colon));
    clientSecret = decodeBasicPart(decoded.slice(colon + 1));
  }
  const grantType = form.get('grant_type') ?? '';
  if (grantType !== 'authorization_code')
    throw new ProxyRequestError('unsupported_grant_type', 'only authorization_code is supported');
  const code = form.get('code') ?? '';
  if (!code) throw new ProxyRequestError('invalid_request', 'code is required');
  return {
    grantType,
    code,
    redirectUri: form.get('redirect_uri') ?? undefined,
    codeVerifier: form.get('code_verifier') ?? undefined,
    clientId,
    clientSecret,
  };
}

/** Compares without leaking, through timing, how much of the secret matched (or how long it is). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return expected.length > 0 && timingSafeEqual(digest(given), digest(expected));
}

/** The private_key_jwt client assertion Login.gov wants (RFC 7523): RS256, iss = sub = client id, aud = token endpoint. */
export async function clientAssertion(
  settings: Pick<LoginGovEndpoints, 'clientId' | 'tokenEndpoint'>,
  privateKey: KeyObject,
  now: Date = new Date(),
  jti: string = randomUUID(),
): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuer(settings.clientId)
    .setSubject(settings.clientId)
    .setAudience(settings.tokenEndpoint)
    .setJti(jti)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ASSERTION_LIFETIME_SECONDS)
    .sign(privateKey);
}

export interface UpstreamAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface TokenExchangeDeps {
  settings: Pick<LoginGovEndpoints, 'clientId' | 'tokenEndpoint'>;
  /** The secret Cognito's Login.gov provider was configured with: only Cognito can use this proxy. */
  proxySecret: () => Promise<string>;
  privateKey: () => Promise<KeyObject>;
  /** POST a form to a URL and return the answer as received. */
  postForm: (url: string, form: URLSearchParams) => Promise<UpstreamAnswer>;
  now?: () => Date;
}

/** Cognito's code exchange, re-authenticated for Login.gov. Login.gov's answer is relayed unchanged. */
export async function exchangeCode(request: TokenRequest, deps: TokenExchangeDeps): Promise<UpstreamAnswer> {
  if (request.clientId !== deps.settings.clientId || !sameSecret(request.clientSecret, await deps.proxySecret()))
    throw new ProxyRequestError('invalid_client', 'client authentication failed');
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code: request.code,
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: await clientAssertion(deps.settings, await deps.privateKey(), deps.now?.()),
  });
  if (request.redirectUri) form.set('redirect_uri', request.redirectUri);
  if (request.codeVerifier) form.set('code_verifier', request.codeVerifier);
  return deps.postForm(deps.settings.tokenEndpoint, form);
}
