/**
 * What API Gateway's HTTP API JWT authorizer does before a protected route's Lambda runs, done the same
 * way locally (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html):
 * the token from the Authorization header (bare or after "Bearer "); RSA signatures only, by a key whose
 * `kid` is in the issuer's JWKS; `iss` equal to the issuer; `aud` — or, only when there is no `aud`,
 * `client_id` — one of the configured audiences; `exp` after now, `nbf` and `iat` before now; at least one
 * of the route's scopes in `scope`/`scp`. A failure is 401 {"message":"Unauthorized"}. On success the claims
 * reach the function in requestContext.authorizer.jwt.claims, stringified as API Gateway does.
 */
import { createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet, type JWTPayload, jwtVerify } from 'jose';

export interface JwtAuthorizerOptions {
  issuer: string;
  audience: string[];
  jwks: JSONWebKeySet;
  now?: () => Date;
}

export type AuthorizerResult =
  | { ok: true; claims: Record<string, string>; scopes: string[] | null }
  | { ok: false; reason: string };

const RSA_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];

/** API Gateway passes claims as strings; a JSON array becomes "[a b]", an object its JSON text. */
function stringifyClaim(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join(' ')}]`;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

function scopesOf(payload: JWTPayload): string[] {
  const raw = payload.scope ?? payload.scp;
  if (Array.isArray(raw)) return raw.map(String);
  return typeof raw === 'string' ? raw.split(' ').filter(Boolean) : [];
}

export function createJwtAuthorizer(options: JwtAuthorizerOptions) {
  const keys = createLocalJWKSet(options.jwks);
  const now = options.now ?? (() => new Date());

  return async function authorize(
    authorization: string | undefined,
    routeScopes: string[] | undefined,
  ): Promise<AuthorizerResult> {
    const token = authorization?.replace(/^Bearer\s+/i, '').trim();
    if (!token) return { ok: false, reason: 'no token' };
    let payload: JWTPayload;
    try {
      // jose would try a lone key for a token without kid; API Gateway insists on the kid.
      if (!decodeProtectedHeader(token).kid) return { ok: false, reason: 'no kid' };
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: RSA_ALGORITHMS,
        issuer: options.issuer,
        requiredClaims: ['exp'],
        currentDate: now(),
      }));
    } catch (error) {
      return { ok: false, reason: (error as Error).message };
    }
    const seconds = Math.floor(now().getTime() / 1000);
    if (typeof payload.iat === 'number' && payload.iat > seconds) return { ok: false, reason: 'iat in the future' };
    const audiences = payload.aud === undefined ? [] : Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    const audienceOk =
      payload.aud !== undefined
        ? audiences.some((a) => options.audience.includes(a))
        : typeof payload.client_id === 'string' && options.audience.includes(payload.client_id);
    if (!audienceOk) return { ok: false, reason: 'audience' };
    const tokenScopes = scopesOf(payload);
    if (routeScopes && !routeScopes.some((s) => tokenScopes.includes(s))) return { ok: false, reason: 'scope' };

    const claims: Record<string, string> = {};
    for (const [name, value] of Object.entries(payload)) claims[name] = stringifyClaim(value);
    return { ok: true, claims, scopes: tokenScopes.length > 0 ? tokenScopes : null };
  };
}

export type JwtAuthorizer = ReturnType<typeof createJwtAuthorizer>;
