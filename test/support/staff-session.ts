/**
 * Signing in to the staff pages headlessly, as a browser would: GET /api/agency/sign-in, the local issuer's
 * pages (persona pick), the callback that sets `__Host-fd-staff`; then pages and form posts with that cookie.
 */
import { apiPath } from '#ui/paths.ts';
import { CookieJar, fetchWithJar } from './sign-in.ts';

export interface StaffSession {
  jar: CookieJar;
  /** The Set-Cookie line the callback answered with. */
  setCookie: string;
  /** Where the callback sent the browser. */
  landing: string;
  /** The cookie's value (the access token). */
  token: string;
}

/** Signs in through the workspace's own sign-in route; `returnTo` is the page to come back to. */
export async function signInToStaffPages(
  site: string,
  options: { persona: string; idp: string; returnTo?: string },
): Promise<StaffSession> {
  const jar = new CookieJar();
  const start = await fetchWithJar(
    jar,
    `${site}${apiPath('staffSignIn', {}, { idp: options.idp, ...(options.returnTo && { return: options.returnTo }) })}`,
  );
  if (start.status !== 302) throw new Error(`sign-in answered ${start.status}`);
  let location = new URL(start.headers.get('location') ?? '', site).href;
  let response = await fetchWithJar(jar, location);
  location = new URL(response.headers.get('location') ?? '', location).href;
  response = await fetchWithJar(jar, location);
  if (response.status === 200) {
    await response.text();
    const interaction = new URL(location);
    response = await fetchWithJar(jar, `${interaction.origin}${interaction.pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ persona: options.persona, idp: options.idp }).toString(),
    });
  }
  const callbackPath = apiPath('staffSignInCallback');
  for (let hop = 0; hop < 6; hop += 1) {
    location = new URL(response.headers.get('location') ?? '', site).href;
    response = await fetchWithJar(jar, location);
    if (new URL(location).pathname === callbackPath) break;
  }
  const setCookie = response.headers.getSetCookie().find((line) => line.startsWith('__Host-fd-staff=')) ?? '';
  // The callback's page moves on by itself (Refresh: 0;url=…), as a browser does.
  const refresh = /^0;url=(.+)$/.exec(response.headers.get('refresh') ?? '')?.[1];
  return {
    jar,
    setCookie,
    landing: refresh ?? response.headers.get('location') ?? `(${response.status})`,
    token: setCookie.slice('__Host-fd-staff='.length).split(';')[0] ?? '',
  };
}

/** A page with the session's cookie, as a browser navigates (Accept: text/html). */
export function staffGet(
  site: string,
  session: Pick<StaffSession, 'jar'>,
  path: string,
  headers: Record<string, string> = { accept: 'text/html' },
) {
  return fetchWithJar(session.jar, `${site}${path}`, { headers });
}

/** A plain form post from the portal's own page (its Origin), with the session's cookie. */
export function staffPost(
  site: string,
  session: Pick<StaffSession, 'jar'>,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = { origin: site },
) {
  return fetchWithJar(session.jar, `${site}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The CSRF token a page's forms carry. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no _csrf field on the page');
  return match[1];
}

/** The case version the page's forms carry. */
export function versionOf(html: string): string {
  return /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
}
