/**
 * The checks API Gateway's HTTP API JWT authorizer makes (decision 6, local/identity/jwt-authorizer.ts), made by
 * a function on a token that arrived in the staff pages' cookie, which no gateway authorizer reads (decision 60):
 * RSA signatures only, by a key whose `kid` is in the pool's JWKS; `iss` equal; `aud`, or — only when there is no
 * `aud` — `client_id`, one of the audiences; `exp` after now, `nbf` and `iat` before now; one of the route's
 * scopes; and, as Cognito's own rules ask, `token_use` "access" (an ID token is refused). One module on AWS and
 * locally: the JWKS is read with `fetch`, which aws-jwt-verify's own HTTPS-only fetcher cannot do for the local
 * issuer's http:// address.
 */

import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { JwtVerifier } from 'aws-jwt-verify/jwt-verifier';

export interface TokenVerifierOptions {
  issuer: string;
  /** The app clients whose tokens count (the gateway authorizer's audience list). */
  audiences: readonly string[];
  /** Where the issuer publishes its keys (`<issuer>/.well-known/jwks.json` for Cognito and the local issuer). */
  jwksUri?: string;
  /** How the JWKS is fetched; the platform's `fetch` unless a test passes another. */
  fetchJwks?: (uri: string) => Promise<ArrayBuffer>;
}

export type TokenVerdict =
  | { ok: true; payload: JwtPayload; claims: Record<string, string>; scopes: string[] | null }
  | { ok: false; reason: string };

const RSA = /^(RS|PS)(256|384|512)$/;

/** API Gateway passes claims as strings; a JSON array becomes "[a b]", an object its JSON text. */
export function gatewayClaim(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join(' ')}]`;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

function scopesOf(payload: JwtPayload): string[] {
  const raw = payload.scope ?? payload.scp;
  if (Array.isArray(raw)) return raw.map(String);
  return typeof raw === 'string' ? raw.split(' ').filter(Boolean) : [];
}

async function fetchBytes(uri: string): Promise<ArrayBuffer> {
  const response = await fetch(uri, { signal: AbortSignal.timeout(3000) });
  if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
  return response.arrayBuffer();
}

export function createTokenVerifier(options: TokenVerifierOptions) {
  const jwksUri = options.jwksUri ?? `${options.issuer}/.well-known/jwks.json`;
  const fetchJwks = options.fetchJwks ?? fetchBytes;
  const verifier = JwtVerifier.create(
    {
      issuer: options.issuer,
      jwksUri,
      // aws-jwt-verify's audience check reads `aud` only; the gateway's rule (aud, else client_id) is below.
      audience: null,
      customJwtCheck: ({ header, payload }) => {
        if (!RSA.test(String(header.alg))) throw new Error('not an RSA signature');
        const audiences = payload.aud === undefined ? [] : [payload.aud].flat();
        const audienceOk =
          payload.aud !== undefined
            ? audiences.some((a) => options.audiences.includes(a))
            : typeof payload.client_id === 'string' && options.audiences.includes(payload.client_id);
        if (!audienceOk) throw new Error('audience');
        if (typeof payload.iat === 'number' && payload.iat > Math.floor(Date.now() / 1000)) throw new Error('iat in the future');
        if (payload.token_use !== 'access') throw new Error('not an access token');
      },
    },
    { jwksCache: new SimpleJwksCache({ fetcher: { fetch: (uri: string) => fetchJwks(uri) } }) },
  );

  /** The token's verdict for a route that asks for one of `routeScopes`. */
  return async function verify(token: string | undefined, routeScopes: readonly string[]): Promise<TokenVerdict> {
    if (!token) return { ok: false, reason: 'no token' };
    let payload: JwtPayload;
    try {
      payload = await verifier.verify(token, { audience: null });
    } catch (error) {
      return { ok: false, reason: (error as Error).message };
    }
    const tokenScopes = scopesOf(payload);
    if (!routeScopes.some((s) => tokenScopes.includes(s))) return { ok: false, reason: 'scope' };
    const claims: Record<string, string> = {};
    for (const [name, value] of Object.entries(payload)) claims[name] = gatewayClaim(value);
    return { ok: true, payload, claims, scopes: tokenScopes.length > 0 ? tokenScopes : null };
  };
}

export type TokenVerifier = ReturnType<typeof createTokenVerifier>;

/**
 * The ID token of a sign-in the server itself started: signed by the pool, for this client, carrying the nonce
 * the server kept. Only the callback reads it (for the nonce); it never authorizes a request.
 */
export function createIdTokenVerifier(options: {
  issuer: string;
  clientId: string;
  fetchJwks?: TokenVerifierOptions['fetchJwks'];
}) {
  const fetchJwks = options.fetchJwks ?? fetchBytes;
  const verifier = JwtVerifier.create(
    {
      issuer: options.issuer,
      jwksUri: `${options.issuer}/.well-known/jwks.json`,
      audience: options.clientId,
      customJwtCheck: ({ header, payload }) => {
        if (!RSA.test(String(header.alg))) throw new Error('not an RSA signature');
        if (payload.token_use !== 'id') throw new Error('not an ID token');
      },
    },
    { jwksCache: new SimpleJwksCache({ fetcher: { fetch: (uri: string) => fetchJwks(uri) } }) },
  );
  return async (token: string | undefined, nonce: string): Promise<boolean> => {
    if (!token) return false;
    try {
      const payload = await verifier.verify(token);
      return payload.nonce === nonce;
    } catch {
      return false;
    }
  };
}
