/**
 * A headless browser-less sign-in through the local issuer: real HTTP, a path-aware cookie jar,
 * authorization code + PKCE + state + nonce, exactly the requests the site's script makes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { LOCAL_CLIENT_ID, LOCAL_MACHINE_CLIENT } from '../../local/identity/issuer.ts';

interface Cookie {
  name: string;
  value: string;
  path: string;
}

export class CookieJar {
  #cookies: Cookie[] = [];

  store(response: Response, url: URL) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const pathAttr = attributes.find((a) => a.toLowerCase().startsWith('path='));
      const path = pathAttr ? pathAttr.slice(5) : url.pathname.replace(/\/[^/]*$/, '') || '/';
      const expired = attributes.some((a) => /^expires=.*1970/i.test(a) || /^max-age=0$/i.test(a));
      this.#cookies = this.#cookies.filter((c) => !(c.name === name && c.path === path));
      if (!expired) this.#cookies.push({ name, value, path });
    }
  }

  header(url: URL): string {
    return this.#cookies
      .filter((c) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}

export interface Tokens {
  access_token: string;
  id_token: string;
  token_type: string;
  expires_in: number;
}

export interface SignInResult {
  tokens: Tokens;
  /** Every page the flow passed through, for assertions. */
  visited: { url: string; status: number; body?: string }[];
  jar: CookieJar;
}

/** Follows one request with the jar; returns the response without following redirects. */
export async function fetchWithJar(jar: CookieJar, url: string, init: RequestInit = {}) {
  const target = new URL(url);
  const cookie = jar.header(target);
  const response = await fetch(target, {
    ...init,
    redirect: 'manual',
    headers: { ...(init.headers as Record<string, string>), ...(cookie && { cookie }) },
  });
  jar.store(response, target);
  return response;
}

export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/**
 * Signs in as `persona` through `idp` (a Cognito provider name). With `skipChooser`, the authorize request
 * carries identity_provider= and the chooser is never shown.
 */
export async function signIn(
  site: string,
  options: { persona: string; idp: string; skipChooser?: boolean; jar?: CookieJar },
): Promise<SignInResult & { linkedOnThisSignIn: boolean }> {
  const jar = options.jar ?? new CookieJar();
  const visited: SignInResult['visited'] = [];
  const redirectUri = `${site}/auth/callback/`;

  /** One authorization request, through the interaction, to the callback URL. */
  async function authorize(retry: boolean) {
    const { verifier, challenge } = pkcePair();
    const state = randomBytes(16).toString('base64url');
    const nonce = randomBytes(16).toString('base64url');
    const url = new URL(`${site}/auth/oauth2/authorize`);
    url.search = new URLSearchParams({
      client_id: LOCAL_CLIENT_ID,
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      state,
      nonce,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...((options.skipChooser || retry) && { identity_provider: options.idp }),
    }).toString();

    let response = await fetchWithJar(jar, url.href);
    visited.push({ url: url.href, status: response.status });
    let location = new URL(response.headers.get('location') ?? '', url).href;
    response = await fetchWithJar(jar, location);
    // On the retry after linking, the provider's session is still open: no page, straight back.
    if (response.status === 200) {
      visited.push({ url: location, status: response.status, body: await response.text() });
      const interaction = new URL(location);
      if (!options.skipChooser) {
        const pick = `${interaction.origin}${interaction.pathname}?idp=${encodeURIComponent(options.idp)}`;
        response = await fetchWithJar(jar, pick);
        visited.push({ url: pick, status: response.status, body: await response.text() });
      }
      response = await fetchWithJar(jar, `${interaction.origin}${interaction.pathname}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ persona: options.persona, idp: options.idp }).toString(),
      });
    }
    visited.push({ url: location, status: response.status });
    for (let hop = 0; hop < 5; hop += 1) {
      location = new URL(response.headers.get('location') ?? '', site).href;
      if (location.startsWith(redirectUri)) break;
      response = await fetchWithJar(jar, location);
      visited.push({ url: location, status: response.status });
    }
    const callback = new URL(location);
    if (callback.searchParams.get('state') !== state) throw new Error(`state mismatch: ${callback.href}`);
    return { callback, verifier };
  }

  let { callback, verifier } = await authorize(false);
  // What the site does: Cognito ends the first sign-in after linking a new provider; sign in once more.
  const linkedOnThisSignIn = /account-linked/.test(callback.searchParams.get('error_description') ?? '');
  if (linkedOnThisSignIn) ({ callback, verifier } = await authorize(true));
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`no code: ${callback.href}`);
  const token = await fetch(`${site}/auth/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: LOCAL_CLIENT_ID,
      code_verifier: verifier,
    }).toString(),
  });
  const tokens = (await token.json()) as Tokens & { error?: string; error_description?: string };
  if (!token.ok) throw new Error(`token: ${token.status} ${tokens.error} ${tokens.error_description}`);
  return { tokens, visited, jar, linkedOnThisSignIn };
}

/** A client-credentials token for the local machine client (an agency's system), with the scopes asked for. */
export async function machineToken(site: string, scopes: readonly string[]): Promise<string> {
  const response = await fetch(`${site}/auth/oauth2/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${LOCAL_MACHINE_CLIENT.id}:${LOCAL_MACHINE_CLIENT.secret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: scopes.join(' ') }).toString(),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!response.ok || !body.access_token) throw new Error(`the token endpoint answered ${response.status}`);
  return body.access_token;
}
