// Lambda@Edge, origin response on /api/* (decision 0129). API Gateway's own throttle answers 429 with
// {"message":"Too Many Requests"} and no Retry-After, and an HTTP API cannot change that answer; CloudFront's custom
// error pages do not take 429, and CloudFront Functions do not run on an origin's 4xx. So a browser (a page
// navigation or a plain form post, the same rule as functions/http/request.ts `wantsHtml`) gets a plain page in
// both languages, in its own language first, with 429 and Retry-After; API clients keep the gateway's JSON, with
// Retry-After added. The gateway's own 5xx (a function it could not run) reach a browser as the portal's 503 page
// words. Every other answer passes untouched: the portal never answers 429 itself (its busy answer is a 503 with its
// own page), so a 429 from the API is the gateway's.
// One file with no imports: Lambda@Edge takes no layers and no environment, and nothing here reads the request
// into the page. The page is fixed text: only the choice of which of two texts comes first depends on the request.

// Languages (catalog/src/locales.ts; a test keeps the two lists equal).
const LOCALES = ['en', 'es'];
const DEFAULT_LOCALE = 'en';
const LANGUAGE_COOKIE = 'lang';

/** Seconds to wait (functions/http/with-http.ts RETRY_AFTER_SECONDS; a test keeps them equal). */
const RETRY_AFTER_SECONDS = 60;

// What a browser reads. `throttled`: the gateway's 429 (its rate for the route is used up; the request never reached
// a function). `unavailable`: the gateway's own 5xx (a function it could not run or that ran out of time): the
// portal's own words for its 503 (catalog/strings.json error.unavailableTitle and error.unavailable; a test keeps
// them equal), because the request may or may not have arrived.
const TEXT = {
  throttled: {
    en: {
      title: 'Too many people are sending right now',
      body: 'So many people are using this service at once that we could not take your request. Nothing was sent and nothing was changed.',
      next: 'Please wait a minute, then go back to the previous page with your browser’s Back button and send it again. What you typed is usually still there.',
      home: 'Go to the home page',
    },
    es: {
      title: 'Hay demasiadas personas enviando en este momento',
      body: 'Tantas personas están usando este servicio a la vez que no pudimos recibir su solicitud. No se envió ni se cambió nada.',
      next: 'Espere un minuto, luego vuelva a la página anterior con el botón Atrás de su navegador y envíela de nuevo. Lo que escribió normalmente sigue allí.',
      home: 'Ir a la página principal',
    },
  },
  unavailable: {
    en: {
      title: 'Please try again in a minute',
      body: 'We could not finish this just now because the service is busy or briefly unavailable. Please try again in a minute.',
      next: 'Then go back to the previous page with your browser’s Back button and send it again. What you typed is usually still there.',
      home: 'Go to the home page',
    },
    es: {
      title: 'Vuelva a intentarlo en un minuto',
      body: 'No pudimos terminar esto ahora porque el servicio está ocupado o no está disponible por un momento. Vuelva a intentarlo en un minuto.',
      next: 'Luego vuelva a la página anterior con el botón Atrás de su navegador y envíela de nuevo. Lo que escribió normalmente sigue allí.',
      home: 'Ir a la página principal',
    },
  },
};

/** API Gateway's answers of its own when it could not get one from a function: shown to a browser as the 503 above. */
const GATEWAY_ERRORS = ['500', '502', '503', '504'];

const homeOf = (locale) => (locale === DEFAULT_LOCALE ? '/' : `/${locale}/`);

const headerValue = (headers, name) => {
  const entries = headers[name];
  return entries && entries.length > 0 ? entries.map((entry) => entry.value).join(', ') : '';
};

/** HTML for browsers (page navigations and plain form posts), JSON for API clients: functions/http/request.ts. */
function wantsHtml(request) {
  const accept = headerValue(request.headers, 'accept').toLowerCase();
  if (accept.includes('text/html')) return true;
  if (accept.includes('application/json')) return false;
  const type = headerValue(request.headers, 'content-type').toLowerCase();
  return request.method === 'POST' && type.startsWith('application/x-www-form-urlencoded');
}

const known = (value) => (LOCALES.includes(value) ? value : undefined);

/** The first of our languages an Accept-Language header asks for, by weight (as infra/edge/site-paths.js reads it). */
function preferredLocale(header) {
  const wanted = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { language: tag.trim().toLowerCase().split('-')[0], weight: q ? Number(q.substring(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return wanted.map((entry) => known(entry.language)).find(Boolean);
}

function cookieLocale(request) {
  for (const pair of headerValue(request.headers, 'cookie').split(/[;,]/)) {
    const [name, value] = pair.trim().split('=');
    if (name === LANGUAGE_COOKIE) return known(value);
  }
  return undefined;
}

/** The page the form was on, when it is one of this site's: /es/… is Spanish; a page the API drew carries ?lang=. */
function refererLocale(request) {
  try {
    // Another site's page arrives as its origin alone (Referrer-Policy strict-origin-when-cross-origin): no path.
    const referer = new URL(headerValue(request.headers, 'referer'));
    const prefix = referer.pathname.split('/')[1];
    return known(referer.searchParams.get('lang')) || (prefix && prefix !== DEFAULT_LOCALE ? known(prefix) : undefined);
  } catch {
    return undefined;
  }
}

/**
 * The portal's language rule for a request (functions/http/request.ts `requestLocale`: ?lang=, then the browser),
 * with what the edge can see and the function cannot: the language cookie the site sets on an explicit choice and
 * the page the form was sent from. A form field is in the body, which an origin response never sees: the apply,
 * payment and staff forms put ?lang= in their action, and the others are on pages under /es/ (the Referer).
 */
function requestLocale(request) {
  const query = new URLSearchParams(request.querystring || '');
  return (
    known(query.get('lang')) ||
    refererLocale(request) ||
    cookieLocale(request) ||
    preferredLocale(headerValue(request.headers, 'accept-language')) ||
    DEFAULT_LOCALE
  );
}

function page(kind, locale) {
  const other = LOCALES.find((candidate) => candidate !== locale);
  const first = TEXT[kind][locale];
  const second = TEXT[kind][other];
  return [
    '<!doctype html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${first.title}</title>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${first.title}</h1>`,
    `<p>${first.body}</p>`,
    `<p>${first.next}</p>`,
    `<p><a href="${homeOf(locale)}">${first.home}</a></p>`,
    `<section lang="${other}" aria-labelledby="other-language">`,
    `<h2 id="other-language">${second.title}</h2>`,
    `<p>${second.body}</p>`,
    `<p>${second.next}</p>`,
    `<p><a href="${homeOf(other)}">${second.home}</a></p>`,
    '</section>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const single = (key, value) => [{ key, value }];

export async function handler(event) {
  const { request, response } = event.Records[0].cf;
  const throttled = response.status === '429';
  if (!throttled && !GATEWAY_ERRORS.includes(response.status)) return response;
  // A function error here would turn the answer into CloudFront's 502: whatever goes wrong, the answer passes as it came.
  try {
    return answer(throttled ? 'throttled' : 'unavailable', request, response);
  } catch {
    return response;
  }
}

function answer(kind, request, response) {
  // The portal answers a browser in HTML, whatever happened (functions/http/with-http.ts): a JSON answer to one is
  // the gateway's own. An answer already for people is left as it is.
  const replace = wantsHtml(request) && !headerValue(response.headers, 'content-type').toLowerCase().includes('text/html');
  // An API client's 5xx may be the portal's own (with its requestId): only the gateway's 429 is certain.
  if (kind === 'unavailable' && !replace) return response;
  const locale = replace ? requestLocale(request) : DEFAULT_LOCALE;
  const body = replace ? page(kind, locale) : undefined;
  response.headers['retry-after'] = single('Retry-After', String(RETRY_AFTER_SECONDS));
  if (!replace) return response;
  if (kind === 'unavailable') response.status = '503';
  response.statusDescription = kind === 'throttled' ? 'Too Many Requests' : 'Service Unavailable';
  response.headers['content-type'] = single('Content-Type', 'text/html; charset=utf-8');
  response.headers['content-language'] = single('Content-Language', locale);
  response.headers['cache-control'] = single('Cache-Control', 'no-store');
  delete response.headers['content-length'];
  delete response.headers['content-encoding'];
  response.body = body;
  response.bodyEncoding = 'text';
  return response;
}
