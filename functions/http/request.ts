/** Reading what arrived: body size, encoding, content type, language and the answer format wanted. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { isLocale, translate } from '#catalog/i18n';
import { DEFAULT_LOCALE, type Locale } from '#catalog/locales';
import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from '#shared/errors';
import { strings } from './site.ts';

/** Far above any real form (100 questions of 1,000 characters), far below what could hurt. */
export const MAX_BODY_BYTES = 256 * 1024;

export type ParsedBody = { kind: 'json'; value: unknown } | { kind: 'form'; value: URLSearchParams };

export function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  // API Gateway HTTP APIs lower-case header names; be forgiving for hand-written events.
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

export function isFormPost(event: APIGatewayProxyEventV2): boolean {
  return (header(event, 'content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

/** HTML for browsers (plain form posts and page navigations), JSON for API clients. */
export function wantsHtml(event: APIGatewayProxyEventV2): boolean {
  const accept = (header(event, 'accept') ?? '').toLowerCase();
  if (accept.includes('text/html')) return true;
  if (accept.includes('application/json')) return false;
  return event.requestContext.http.method === 'POST' && isFormPost(event);
}

export function requestLocale(event: APIGatewayProxyEventV2, explicit?: string | null): Locale {
  if (isLocale(explicit)) return explicit;
  const query = event.queryStringParameters?.lang;
  if (isLocale(query)) return query;
  const accepted = (header(event, 'accept-language') ?? '').toLowerCase();
  return accepted.startsWith('es') ? 'es' : DEFAULT_LOCALE;
}

export function readBody(
  event: APIGatewayProxyEventV2,
  messages: { tooLarge: string; encoding: string; json: string; type: string; empty: string },
): ParsedBody {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.byteLength > MAX_BODY_BYTES) throw new PayloadTooLargeError(messages.tooLarge);
  if (bytes.byteLength === 0) throw new BadRequestError(messages.empty);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BadRequestError(messages.encoding);
  }
  const type = (header(event, 'content-type') ?? '').toLowerCase().split(';')[0]?.trim();
  if (type === 'application/json') {
    try {
      return { kind: 'json', value: JSON.parse(text) as unknown };
    } catch {
      throw new BadRequestError(messages.json);
    }
  }
  if (type === 'application/x-www-form-urlencoded') return { kind: 'form', value: new URLSearchParams(text) };
  throw new UnsupportedMediaTypeError(messages.type);
}

/** readBody's messages, in the site's words. */
export function bodyMessages(locale: Locale) {
  const t = (key: string) => translate(strings, key, locale);
  return {
    tooLarge: t('error.tooLarge'),
    encoding: t('error.encoding'),
    json: t('error.json'),
    type: t('error.contentType'),
    empty: t('error.empty'),
  };
}
