/**
 * Signing in from the browser: authorization code + PKCE + state + nonce against the issuer /config.json
 * names (Cognito on AWS, the local issuer under /auth in `npm start`). Tokens live in sessionStorage (this
 * tab only, gone when it closes); the strict CSP (no inline or third-party scripts) is what keeps them safe.
 * Nothing here is needed for any public task: without JavaScript people apply, pay and check status anyway.
 */
import { isLocale } from '#catalog/i18n';
import { pageHref, pages } from '#ui/paths.ts';
import type { RuntimeConfig } from '../../runtime-config.ts';

const SESSION_KEY = 'frontdoor.session';
const PENDING_KEY = 'frontdoor.sign-in';

export interface Session {
  accessToken: string;
  idToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  name: string;
  email: string;
  groups: string[];
}

interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  /** The language the person was using: the retry and the landing page keep it. */
  locale: string;
  idp?: string;
  /** Set once we restarted after Cognito's one-time "Already found an entry" answer (account linking). */
  retried?: boolean;
}

let configPromise: Promise<RuntimeConfig> | undefined;

export function runtimeConfig(): Promise<RuntimeConfig> {
  configPromise ??= fetch('/config.json', { headers: { accept: 'application/json' } }).then((response) => {
    if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
    return response.json() as Promise<RuntimeConfig>;
  });
  return configPromise;
}

function base64url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

function payloadOf(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1] ?? '';
  const json = decodeURIComponent(
    [...atob(part.replace(/-/g, '+').replace(/_/g, '/'))]
      .map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
      .join(''),
  );
  return JSON.parse(json) as Record<string, unknown>;
}

export function currentSession(): Session | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as Session | null;
    if (stored && stored.expiresAt > Date.now() + 30_000) return stored;
  } catch {
    // A damaged entry is the same as none.
  }
  sessionStorage.removeItem(SESSION_KEY);
  return null;
}

/** The ID token's claims of the current session (for prefill), or null when signed out. */
export function sessionClaims(): {
  email?: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  phone_number?: string;
} | null {
  const session = currentSession();
  if (!session) return null;
  try {
    const claims = payloadOf(session.idToken);
    const text = (name: string) => (typeof claims[name] === 'string' ? (claims[name] as string) : undefined);
    return Object.fromEntries(
      Object.entries({
        email: text('email'),
        name: text('name'),
        given_name: text('given_name'),
        family_name: text('family_name'),
        phone_number: text('phone_number'),
      }).filter(([, value]) => value !== undefined),
    );
  } catch {
    return null;
  }
}

/** Goes to the issuer's sign-in (straight to one provider when `idp` is given). */
export async function startSignIn(options: { returnTo: string; idp?: string; locale: string; retried?: boolean }) {
  const config = await runtimeConfig();
  if (!config.auth) throw new Error('Sign-in is not set up for this site');
  const verifier = randomString();
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const pending: PendingSignIn = {
    state: randomString(),
    nonce: randomString(),
    verifier,
    returnTo: options.returnTo,
    locale: options.locale,
    ...(options.idp && { idp: options.idp }),
    ...(options.retried && { retried: true }),
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(config.auth.authorizeEndpoint, location.origin);
  url.search = new URLSearchParams({
    client_id: config.auth.clientId,
    response_type: 'code',
    redirect_uri: new URL(pages.signInCallback(), location.origin).href,
    scope: config.auth.scopes.join(' '),
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    lang: options.locale,
    ...(options.idp && { identity_provider: options.idp }),
  }).toString();
  location.assign(url.href);
}

export type CallbackOutcome =
  | { kind: 'signed-in'; returnTo: string }
  | { kind: 'restarted' }
  | { kind: 'failed'; reason: string; returnTo: string };

/** On /auth/callback/: checks state, trades the code for tokens, checks the ID token's nonce, keeps the session. */
export async function completeSignIn(): Promise<CallbackOutcome> {
  const params = new URLSearchParams(location.search);
  let pending: PendingSignIn | null = null;
  try {
    pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as PendingSignIn | null;
  } catch {
    pending = null;
  }
  sessionStorage.removeItem(PENDING_KEY);
  const locale = pending?.locale ?? 'en';
  const home = homeIn(locale);

  // Errors first: Cognito's redirect after a trigger stopped a sign-in may arrive without `state` (and carries
  // no code, so restarting from the pending sign-in we started is safe).
  const error = params.get('error');
  if (error) {
    const description = params.get('error_description') ?? '';
    // After linking a new provider to a returning person, our PreSignUp trigger ends this first sign-in with
    // FRONT_DOOR:account-linked (Cognito's own wording: "Already found an entry for username …");
    // signing in again lands them in their one account.
    if (pending && !pending.retried && /FRONT_DOOR:account-linked|already found an entry for username/i.test(description)) {
      await startSignIn({ returnTo: pending.returnTo, locale, retried: true, ...(pending.idp && { idp: pending.idp }) });
      return { kind: 'restarted' };
    }
    const refused = /FRONT_DOOR:refused:([a-z-]+)/.exec(description)?.[1];
    return { kind: 'failed', reason: refused ? `refused:${refused}` : error, returnTo: pending?.returnTo ?? home };
  }
  if (!pending || params.get('state') !== pending.state) return { kind: 'failed', reason: 'state', returnTo: home };

  const config = await runtimeConfig();
  if (!config.auth) return { kind: 'failed', reason: 'no-auth', returnTo: pending.returnTo };
  const response = await fetch(config.auth.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.auth.clientId,
      code: params.get('code') ?? '',
      redirect_uri: new URL(pages.signInCallback(), location.origin).href,
      code_verifier: pending.verifier,
    }).toString(),
  });
  if (!response.ok) return { kind: 'failed', reason: 'token', returnTo: pending.returnTo };
  const tokens = (await response.json()) as { access_token: string; id_token: string; expires_in: number };
  const id = payloadOf(tokens.id_token);
  // The ID token came straight from the token endpoint over TLS; still, it must be the one we asked for.
  if (id.nonce !== pending.nonce || id.aud !== config.auth.clientId || id.iss !== config.auth.issuer) {
    return { kind: 'failed', reason: 'id-token', returnTo: pending.returnTo };
  }
  const session: Session = {
    accessToken: tokens.access_token,
    idToken: tokens.id_token,
    expiresAt: Date.now() + tokens.expires_in * 1000,
    name: String(id.name ?? id.email ?? ''),
    email: String(id.email ?? ''),
    groups: Array.isArray(id['cognito:groups']) ? (id['cognito:groups'] as string[]) : [],
  };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  return { kind: 'signed-in', returnTo: pending.returnTo };
}

/** The home page in the person's language (English when the language is unknown). */
function homeIn(locale: string): string {
  return pageHref(isLocale(locale) ? locale : 'en', pages.home());
}

/** Forgets the tokens here and ends the issuer's session, landing on the home page in the same language. */
export async function signOut(locale: string) {
  sessionStorage.removeItem(SESSION_KEY);
  const config = await runtimeConfig();
  const home = new URL(homeIn(locale), location.origin).href;
  if (!config.auth) {
    location.assign(home);
    return;
  }
  const url = new URL(config.auth.logoutEndpoint, location.origin);
  url.search = new URLSearchParams({ client_id: config.auth.clientId, logout_uri: home }).toString();
  location.assign(url.href);
}

/** fetch with the access token; a 401 means the session ended (expired or signed out elsewhere). */
export async function fetchSignedIn(input: string, init: RequestInit = {}): Promise<Response> {
  const session = currentSession();
  const headers = new Headers(init.headers);
  if (session) headers.set('authorization', `Bearer ${session.accessToken}`);
  const response = await fetch(input, { ...init, headers });
  if (response.status === 401) sessionStorage.removeItem(SESSION_KEY);
  return response;
}

/** The header's account link says "My account" once signed in. */
export function updateAccountLinks() {
  const session = currentSession();
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-account-link]')) {
    const text = session ? link.dataset.signedIn : link.dataset.signedOut;
    if (text) link.textContent = text;
  }
}
