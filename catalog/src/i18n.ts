/** Small helpers for text in several languages; shared by the site and the functions. */
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales.ts';
import type { Localized, Strings } from './schema.ts';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A path in the given language: English lives at the root, other languages under /<locale>/. */
export function localePath(locale: Locale, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  return locale === DEFAULT_LOCALE ? clean : `/${locale}${clean}`;
}

/** The language a site path is in: the inverse of localePath (`/es/…` is Spanish, anything else English). */
export function localeOfPath(path: string): Locale {
  const first = path.split('/')[1] ?? '';
  return isLocale(first) && first !== DEFAULT_LOCALE ? first : DEFAULT_LOCALE;
}

/** Fills `{name}` placeholders. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** What agency.config.json says about the government the site belongs to (infra/config.ts checks it). */
export interface AgencyIdentity {
  name: string;
  domain?: string | undefined;
  siteName?: Localized | undefined;
  contact?: { phone: string; email?: string | undefined; hours?: Localized | undefined } | undefined;
}

/**
 * The site strings with what only the agency's config knows (agency.config.json): the government's name, the
 * site's name and domain, and how to reach the government, shown in the header, the banner and the identifier.
 * The build adds them; strings.json never types them. A contact detail the config leaves out is empty.
 */
export function withAgency(strings: Strings, agency: AgencyIdentity): Strings {
  const both = (value: string) => ({ en: value, es: value });
  return {
    ...strings,
    'site.government': both(agency.name),
    'site.domain': both(agency.domain ?? agency.name),
    ...(agency.siteName && { 'site.name': agency.siteName }),
    'site.contactPhone': both(agency.contact?.phone ?? ''),
    'site.contactEmail': both(agency.contact?.email ?? ''),
    'site.contactHours': agency.contact?.hours ?? both(''),
  };
}

/** A site string in the given language; a missing key is a build-time bug, so it throws. */
export function translate(strings: Strings, key: string, locale: Locale, params?: Record<string, string | number>): string {
  const entry = strings[key];
  if (!entry) throw new Error(`catalog/strings.json has no "${key}". Add it with "en" and "es" texts.`);
  return fill(entry[locale], params);
}

export function text(localized: Localized, locale: Locale): string {
  return localized[locale];
}

/** "$25.00" / "25,00 US$"-style money in the reader's language, from cents. */
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(cents: number, currency: string, locale: Locale): string {
  const key = `${locale} ${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'es' ? 'es-US' : 'en-US', { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format.format(cents / 100);
}

/** A date (ISO string) as people write it in the given language. */
/**
 * The agency's own time zone: times are told as people there read a clock, with the zone named (EST / EDT),
 * so someone travelling or calling from elsewhere is not misled.
 */
export const TIME_ZONE = 'America/New_York';

export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: TIME_ZONE,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** A calendar day (2026-12-01) as people write it: "December 1, 2026". A day has no time zone to shift it. */
export function formatDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day.slice(0, 10)}T00:00:00Z`),
  );
}
