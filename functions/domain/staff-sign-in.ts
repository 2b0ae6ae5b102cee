/**
 * The staff pages' sign-in (decision 60): the authorization code flow run by the server. The state, nonce and
 * PKCE verifier are kept in one short-lived item that the callback consumes (one use); the verifier never leaves
 * the server, so a code is worth nothing to anyone who did not start the flow here.
 */
import { createHash, randomBytes } from 'node:crypto';

/** How long someone has between "Sign in" and coming back. */
export const SIGN_IN_TTL_SECONDS = 10 * 60;
export const STAFF_SCOPES = 'openid email profile';

export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  /** A workspace page to come back to. */
  returnTo?: string | undefined;
  /** Epoch seconds: after this the state is refused even if the item is still there (TTL deletes lazily). */
  expiresAt: number;
}

export interface SignInStore {
  save(pending: PendingSignIn): Promise<void>;
  /** The pending sign-in, deleted as it is read: a second read of the same state finds nothing. */
  consume(state: string): Promise<PendingSignIn | undefined>;
}

const random = () => randomBytes(32).toString('base64url');

/** Only a workspace page on this site: never another host, never a path a browser could read as one. */
export function safeReturnPath(text: string | undefined, prefix: string): string | undefined {
  if (!text || text.length > 500) return undefined;
  if (!text.startsWith(prefix) || text.includes('//') || text.includes('\\')) return undefined;
  // Only characters a path and query need: no control characters, spaces or quotes.
  return /^[A-Za-z0-9\-._~/?&=%+]*$/.test(text) ? text : undefined;
}

export interface AuthorizeRequest {
  domain: string;
  clientId: string;
  redirectUri: string;
  identityProvider?: string | undefined;
  lang?: string | undefined;
}

/** Starts a sign-in: the pending item to keep and the user pool address to send the browser to. */
export async function startSignIn(
  request: AuthorizeRequest & { returnTo?: string | undefined },
  deps: { store: SignInStore; now: () => Date },
): Promise<{ location: string; pending: PendingSignIn }> {
  const pending: PendingSignIn = {
    state: random(),
    nonce: random(),
    verifier: random(),
    ...(request.returnTo && { returnTo: request.returnTo }),
    expiresAt: Math.floor(deps.now().getTime() / 1000) + SIGN_IN_TTL_SECONDS,
  };
  await deps.store.save(pending);
  const url = new URL(`${request.domain}/oauth2/authorize`);
  url.search = new URLSearchParams({
    client_id: request.clientId,
    response_type: 'code',
    redirect_uri: request.redirectUri,
    scope: STAFF_SCOPES,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: createHash('sha256').update(pending.verifier).digest('base64url'),
    code_challenge_method: 'S256',
    ...(request.identityProvider && { identity_provider: request.identityProvider }),
    ...(request.lang && { lang: request.lang }),
  }).toString();
  return { location: url.href, pending };
}

/** The pending sign-in a callback's `state` names, if it is still valid; it can never be used again. */
export async function resumeSignIn(
  state: string | undefined,
  deps: { store: SignInStore; now: () => Date },
): Promise<PendingSignIn | undefined> {
  if (!state || !/^[A-Za-z0-9_-]{20,100}$/.test(state)) return undefined;
  const pending = await deps.store.consume(state);
  if (!pending || pending.expiresAt <= Math.floor(deps.now().getTime() / 1000)) return undefined;
  return pending;
}
