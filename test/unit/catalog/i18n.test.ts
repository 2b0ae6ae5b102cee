/** Text in several languages: locales, paths, placeholders, money and dates as people read them. */
import { describe, expect, it } from 'vitest';
import { fill, formatDate, formatMoney, isLocale, localeOfPath, localePath, text, translate, withAgency } from '#catalog/i18n';
import { strings } from '../../support/forms.ts';

describe('languages', () => {
  it('knows the portal languages and nothing else', () => {
    expect(isLocale('en')).toBe(true);
    expect(isLocale('es')).toBe(true);
    for (const value of ['fr', '', 'EN', undefined, 1, ['en']]) expect(isLocale(value), String(value)).toBe(false);
  });

  it('keeps English at the root and puts other languages under their code', () => {
    expect(localePath('en', '/status/')).toBe('/status/');
    expect(localePath('es', '/status/')).toBe('/es/status/');
    expect(localePath('es', 'status/')).toBe('/es/status/');
    expect(localePath('en', 'status/')).toBe('/status/');
  });

  it("adds the agency's names and contact details to the strings, empty where the config says nothing", () => {
    const base = { 'site.name': { en: 'Front Door', es: 'Front Door' } };
    const full = withAgency(base, {
      name: 'City of Springfield',
      domain: 'services.springfield.gov',
      siteName: { en: 'Springfield Services', es: 'Servicios de Springfield' },
      contact: { phone: '311', email: 'help@springfield.gov', hours: { en: 'Always', es: 'Siempre' } },
    });
    expect(translate(full, 'site.name', 'es')).toBe('Servicios de Springfield');
    expect(translate(full, 'site.government', 'es')).toBe('City of Springfield');
    expect(translate(full, 'site.domain', 'en')).toBe('services.springfield.gov');
    expect(translate(full, 'site.contactPhone', 'en')).toBe('311');
    expect(translate(full, 'site.contactEmail', 'es')).toBe('help@springfield.gov');
    expect(translate(full, 'site.contactHours', 'es')).toBe('Siempre');
    const bare = withAgency(base, { name: 'State of Example' });
    expect(translate(bare, 'site.name', 'en')).toBe('Front Door');
    expect(translate(bare, 'site.domain', 'en')).toBe('State of Example');
    for (const key of ['site.contactPhone', 'site.contactEmail', 'site.contactHours'])
      expect(translate(bare, key, 'es')).toBe('');
  });

  it('reads the language back off a path, the inverse of localePath', () => {
    for (const locale of ['en', 'es'] as const)
      for (const path of ['/', '/status/', '/services/x/index.html']) expect(localeOfPath(localePath(locale, path))).toBe(locale);
    expect(localeOfPath('/es')).toBe('es');
    expect(localeOfPath('/espanol/')).toBe('en');
    expect(localeOfPath('/en/status/')).toBe('en');
    expect(localeOfPath('')).toBe('en');
  });
});

describe('strings', () => {
  it('fills named placeholders and leaves unknown ones as written', () => {
    expect(fill('Pay {amount} by {date} ({other})', { amount: '$25.00', date: 'today' })).toBe('Pay $25.00 by today ({other})');
    expect(fill('{n} copies', { n: 2 })).toBe('2 copies');
    expect(fill('no {params}')).toBe('no {params}');
  });

  it('translates a key in the language asked, and names a missing key and the fix', () => {
    expect(translate(strings, 'payment.noFee', 'es')).not.toBe(translate(strings, 'payment.noFee', 'en'));
    expect(() => translate(strings, 'no.such.key', 'en')).toThrow(
      'catalog/strings.json has no "no.such.key". Add it with "en" and "es" texts.',
    );
  });

  it('picks the text of the language asked', () => {
    expect(text({ en: 'Parking ticket', es: 'Multa' }, 'es')).toBe('Multa');
  });
});

describe('money and dates', () => {
  it('shows cents as dollars, with the currency and separators people expect', () => {
    expect(formatMoney(2500, 'USD', 'en')).toBe('$25.00');
    expect(formatMoney(123450, 'USD', 'en')).toBe('$1,234.50');
    expect(formatMoney(1, 'USD', 'es')).toBe('$0.01');
  });

  it('shows other currencies by their code in Spanish and their sign in English', () => {
    expect(formatMoney(123450, 'EUR', 'en')).toBe('€1,234.50');
    expect(formatMoney(123450, 'EUR', 'es')).toBe('EUR\u00a01,234.50');
  });

  it('shows dates in Eastern time, in words, in the language asked, naming the time zone', () => {
    expect(formatDate('2026-11-22T15:00:00Z', 'en')).toBe('November 22, 2026 at 10:00 AM EST');
    expect(formatDate('2026-11-22T15:00:00Z', 'es')).toBe('22 de noviembre de 2026 a las 10:00 a.m. EST');
    expect(formatDate('2026-07-04T15:00:00Z', 'en')).toBe('July 4, 2026 at 11:00 AM EDT');
  });
});
