/**
 * Every path a page links to, a form posts to or a handler redirects to, from one place: the site's page map
 * (web/src/pages is laid out to match it) and the API's route table. Nothing else types a path.
 */
import { localePath } from '#catalog/i18n';
import type { Locale } from '#catalog/schema';
import { routes } from '#http/routes';

/** The site's pages, without the language prefix (`pageHref` adds it). Every path ends with a slash. */
/** The pages every government site links from its identifier, in the order USWDS lists them. */
export const POLICY_PAGES = [
  'about',
  'accessibility',
  'foia',
  'no-fear-act',
  'inspector-general',
  'performance',
  'privacy',
] as const;
export type PolicyPage = (typeof POLICY_PAGES)[number];

export const pages = {
  home: () => '/',
  lifeEvent: (id: string) => `/life-events/${encodeURIComponent(id)}/`,
  service: (id: string) => `/services/${encodeURIComponent(id)}/`,
  apply: (serviceId: string) => `/services/${encodeURIComponent(serviceId)}/apply/`,
  pay: (serviceId: string) => `/services/${encodeURIComponent(serviceId)}/pay/`,
  serviceStatus: (serviceId: string) => `/services/${encodeURIComponent(serviceId)}/status/`,
  status: () => '/status/',
  payBill: () => '/pay/',
  allServices: () => '/services/',
  /** The identifier's required links (USWDS): about, accessibility, FOIA, No FEAR Act, Inspector General, … */
  policy: (id: PolicyPage) => `/about/${id}/`,
  account: () => '/account/',
  /** The API reference for agencies' systems (the OpenAPI document as a page). */
  apiReference: () => '/developers/api/',
  signInCallback: () => '/auth/callback/',
  /** Built only so the functions can reuse the site's stylesheet and scripts (scripts/build-functions.ts). */
  shell: () => '/_shell/',
} as const;

/** A page of the site in a language: English at the root, other languages under /<locale>/. */
export function pageHref(locale: Locale, path: string): string {
  return localePath(locale, path);
}

type RouteTable = typeof routes;
export type RouteName = RouteTable[number]['name'];
type RouteNamed<N extends RouteName> = Extract<RouteTable[number], { name: N }>;
type ParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;
export type RouteParams<N extends RouteName> = Record<ParamNames<RouteNamed<N>['path']>, string>;

export function routeNamed<N extends RouteName>(name: N): RouteNamed<N> {
  const route = routes.find((candidate) => candidate.name === name);
  if (!route) throw new Error(`The route table has no route named "${name}"`);
  return route as RouteNamed<N>;
}

/**
 * The path of an API route by its name in the route table, with its `{parameters}` filled in (encoded) and
 * an optional query, e.g. `apiPath('showStatus', { code }, { lang: 'es' })` → `/api/status/K7M2-9QXR?lang=es`.
 */
export function apiPath<N extends RouteName>(
  name: N,
  ...[params, query]: ParamNames<RouteNamed<N>['path']> extends never
    ? [params?: Record<string, never>, query?: Record<string, string>]
    : [params: RouteParams<N>, query?: Record<string, string>]
): string {
  const path = routeNamed(name).path.replace(/\{(\w+)\}/g, (_, key: string) =>
    encodeURIComponent((params as Record<string, string>)[key] ?? ''),
  );
  const search = query && Object.keys(query).length > 0 ? `?${new URLSearchParams(query)}` : '';
  return path + search;
}
