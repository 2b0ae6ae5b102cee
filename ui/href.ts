/**
 * The one rule for what a link may point at. Text and attributes are escaped by the renderer, but an
 * escaped `javascript:` URL still runs when clicked, so every href a component prints passes through here.
 */
const ALLOWED_SCHEMES = new Set(['https:', 'http:', 'mailto:', 'tel:']);

/** The href as given when it is a same-site path, a fragment, a query or a web/mail/phone address; otherwise "#". */
export function safeHref(href: string): string {
  const value = href.trim();
  if (value.startsWith('#') || value.startsWith('?')) return value;
  // "//host" and "/\host" are other sites, whatever the path looks like.
  if (value.startsWith('/')) return /^\/[/\\]/.test(value) ? '#' : value;
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(value)?.[1]?.toLowerCase();
  return scheme && ALLOWED_SCHEMES.has(scheme) ? value : '#';
}
