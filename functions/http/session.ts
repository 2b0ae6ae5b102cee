/**
 * The staff pages' session (decision 60): the access token in the `__Host-fd-staff` cookie, checked as API
 * Gateway checks a Bearer token (./token-verifier.ts), its claims put where API Gateway puts them so callerOf()
 * and routeAccess() stay the only deciders; and on every POST the three CSRF locks — SameSite=Strict on the
 * cookie, an Origin equal to the portal's (or Sec-Fetch-Site: same-origin), and the form's `_csrf` token, an
 * HMAC of the token's `jti`, compared in constant time. Loaded by withHttp on a session route's first request
 * only, so no other function reads it at start-up.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { staffSessionKeySource } from '#adapters/staff-session-secret';
import { translate } from '#catalog/i18n';
import { ForbiddenError } from '#shared/errors';
import { type StaffSessionConfig, staffSessionConfig } from '#shared/session-config';
import { apiPath } from '#ui/paths.ts';
import { bodyMessages, header, readBody, requestLocale } from './request.ts';
import { seeOther } from './responses.ts';
import { authorizationScopesFor, type Route, SESSION_COOKIE } from './routes.ts';

export { SESSION_COOKIE };

import { strings } from './site.ts';
import { createTokenVerifier, type TokenVerifier } from './token-verifier.ts';

/** The form field every cookie-authenticated POST carries. */
export const CSRF_FIELD = '_csrf';

export function sessionCookie(token: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${token}; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0`;
}

/** The session cookie's value: API Gateway v2 hands cookies over in `event.cookies` ("name=value" each). */
export function sessionTokenOf(event: Pick<APIGatewayProxyEventV2, 'cookies'>): string | undefined {
  for (const cookie of event.cookies ?? []) {
    const eq = cookie.indexOf('=');
    if (eq > 0 && cookie.slice(0, eq).trim() === SESSION_COOKIE) return cookie.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

/** The CSRF token of a session: HMAC-SHA-256 of its token's `jti` under the configured key. */
export function csrfTokenFor(key: string, jti: string): string {
  return createHmac('sha256', key).update(`front-door staff csrf\u0000${jti}`).digest('base64url');
}

export function csrfMatches(sent: string | undefined, expected: string): boolean {
  if (sent === undefined) return false;
  const a = Buffer.from(sent, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether a POST came from the portal's own pages: its Origin is the portal's, or — for a browser that sends no
 * Origin — Sec-Fetch-Site says same-origin. A request with neither is refused: every browser that can use these
 * pages sends one of them.
 */
export function fromPortalOrigin(event: APIGatewayProxyEventV2, portalOrigin: string): boolean {
  const origin = header(event, 'origin');
  if (origin !== undefined) return origin === portalOrigin;
  return header(event, 'sec-fetch-site') === 'same-origin';
}

/** The session's CSRF token for the handler's forms, set once the cookie was checked. */
const csrfTokens = new WeakMap<APIGatewayProxyEventV2, string>();

export function csrfTokenOf(event: APIGatewayProxyEventV2): string {
  return csrfTokens.get(event) ?? '';
}

let session: { config: StaffSessionConfig; verify: TokenVerifier; key: () => Promise<string> } | undefined;

/** The session's configuration, token verifier and CSRF key, made on first use and kept. */
export function sessionSetup() {
  if (!session) {
    const config = staffSessionConfig();
    session = {
      config,
      verify: createTokenVerifier({ issuer: config.issuer, audiences: [config.clientId] }),
      key: staffSessionKeySource(config),
    };
  }
  return session;
}

/** The portal's sign-in for the workspace, coming back to `path` afterwards. */
export function signInPath(path: string, locale: string): string {
  return apiPath('staffSignIn', {}, { return: path, lang: locale });
}

/**
 * Before a session route's handler: whatever claims the event carried are dropped; the cookie's token, if it
 * passes the gateway's checks, speaks for the caller instead. A page asked for without a valid session is sent
 * to sign in (and back); a POST with one must pass the CSRF locks or nothing runs.
 */
export async function authorizeSession(
  event: APIGatewayProxyEventV2,
  route: Route,
): Promise<APIGatewayProxyStructuredResultV2 | undefined> {
  const { config, verify, key } = sessionSetup();
  const context = event.requestContext as { authorizer?: unknown };
  delete context.authorizer;
  const verdict = await verify(sessionTokenOf(event), authorizationScopesFor(route) ?? ['openid']);
  const locale = requestLocale(event);
  if (!verdict.ok) {
    if (event.requestContext.http.method === 'GET')
      return seeOther(signInPath(event.rawPath + (event.rawQueryString ? `?${event.rawQueryString}` : ''), locale));
    return undefined; // routeAccess sees nobody and refuses (401)
  }
  context.authorizer = { jwt: { claims: verdict.claims, scopes: verdict.scopes } };
  const expected = csrfTokenFor(await key(), String(verdict.payload.jti ?? verdict.payload.sub));
  csrfTokens.set(event, expected);
  if (event.requestContext.http.method === 'GET') return undefined;
  const refused = () => new ForbiddenError(translate(strings, 'agency.csrf', locale));
  if (!fromPortalOrigin(event, config.portalOrigin)) throw refused();
  const body = event.body ? readBody(event, bodyMessages(locale)) : undefined;
  const sent =
    body?.kind === 'form'
      ? (body.value.get(CSRF_FIELD) ?? undefined)
      : body?.kind === 'json'
        ? ((body.value as Record<string, unknown> | null)?.[CSRF_FIELD] as string | undefined)
        : undefined;
  if (!csrfMatches(typeof sent === 'string' ? sent : undefined, expected)) throw refused();
  return undefined;
}
