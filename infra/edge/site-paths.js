// CloudFront Function (cloudfront-js-2.0), viewer request on the site: S3 has no directory index, so
// /services/x/ is served from /services/x/index.html, and /services/x (no file extension) is sent to
// /services/x/ the way the local server does.
// Leading slashes collapse to one first, with backslashes, whitespace and their percent-encodings: browsers read
// a Location of `//evil.example/` or `/\evil.example/` as another host (and skip tabs and newlines in it), so only
// a path starting with one slash and then anything else may be sent back.
const LEADING_SEPARATORS = /^(?:[/\\\s]|%2f|%5c|%09|%0a|%0d|%20)+/i;

// Languages (catalog/src/locales.ts; a test keeps the two lists equal). The home page of each is its prefix.
const LOCALES = ['en', 'es'];
const DEFAULT_LOCALE = 'en';
const LANGUAGE_COOKIE = 'lang';
// A year: an explicit choice of language should outlive a browser restart.
const LANGUAGE_COOKIE_ATTRIBUTES = 'Path=/; Max-Age=31536000; Secure; HttpOnly; SameSite=Lax';

const homeOf = (locale) => (locale === DEFAULT_LOCALE ? '/' : `/${locale}/`);

/** The first of our languages an Accept-Language header asks for, by weight (es-MX,es;q=0.9,en;q=0.8 → es). */
function preferredLocale(header) {
  const wanted = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.indexOf('q=') === 0);
      return { language: tag.trim().toLowerCase().split('-')[0], weight: q ? Number(q.substring(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const entry of wanted) if (LOCALES.indexOf(entry.language) !== -1) return entry.language;
  return undefined;
}

function queryString(querystring, without) {
  return Object.keys(querystring)
    .filter((name) => name !== without)
    .map((name) => {
      const field = querystring[name];
      const values = field.multiValue ? field.multiValue.map((entry) => entry.value) : [field.value];
      return values.map((value) => (value === '' ? name : `${name}=${value}`)).join('&');
    })
    .join('&');
}

// Plain property assignment: object spread is not in every CloudFront Functions runtime.
function found(location, cookies) {
  const response = {
    statusCode: 302,
    statusDescription: 'Found',
    headers: { location: { value: location }, 'cache-control': { value: 'no-store' } },
  };
  if (cookies) response.cookies = cookies;
  return response;
}

/**
 * The language switch links to the other page with ?lang=<locale>: remember that choice in a cookie and show
 * the page without it. At `/` only, with no choice made, the browser's Accept-Language picks the home page, so
 * a Spanish speaker's first page is Spanish and every task stays within three clicks of it.
 */
function negotiateLanguage(request, uri) {
  // biome-ignore lint/complexity/useOptionalChain: kept to the syntax every CloudFront Functions runtime reads
  const chosen = request.querystring.lang && request.querystring.lang.value;
  if (chosen !== undefined && LOCALES.indexOf(chosen) !== -1) {
    const query = queryString(request.querystring, 'lang');
    return found(`${uri}${query ? `?${query}` : ''}`, {
      [LANGUAGE_COOKIE]: { value: chosen, attributes: LANGUAGE_COOKIE_ATTRIBUTES },
    });
  }
  if (uri !== '/') return undefined;
  // biome-ignore lint/complexity/useOptionalChain: kept to the syntax every CloudFront Functions runtime reads
  const cookie = request.cookies && request.cookies[LANGUAGE_COOKIE];
  const remembered = cookie && LOCALES.indexOf(cookie.value) !== -1 ? cookie.value : undefined;
  const header = request.headers['accept-language'];
  const locale = remembered || (header ? preferredLocale(header.value) : undefined) || DEFAULT_LOCALE;
  if (locale === DEFAULT_LOCALE) return undefined;
  const query = queryString(request.querystring);
  return found(`${homeOf(locale)}${query ? `?${query}` : ''}`);
}

// biome-ignore lint/correctness/noUnusedVariables: CloudFront calls handler by name
function handler(event) {
  const request = event.request;
  const uri = `/${request.uri.replace(LEADING_SEPARATORS, '')}`;
  if (uri.endsWith('/')) {
    const negotiated = negotiateLanguage(request, uri);
    if (negotiated) return negotiated;
    request.uri = `${uri}index.html`;
    return request;
  }
  const last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') !== -1) {
    request.uri = uri;
    return request;
  }
  const query = queryString(request.querystring);
  return {
    statusCode: 301,
    statusDescription: 'Moved Permanently',
    headers: { location: { value: `${uri}/${query ? `?${query}` : ''}` } },
  };
}
