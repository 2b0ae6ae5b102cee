import { describe, expect, it } from 'vitest';
import { loadCatalog } from '#catalog/load';
import { searchEntries, searchWords } from '#catalog/search';
import { searchIndex } from '../../../scripts/build-functions.ts';

const index = searchIndex(loadCatalog());

describe('site search', () => {
  it('lists each service once, however many pages it has', () => {
    const hrefs = index.en.map((entry) => entry.href);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    const results = searchEntries(index.en, 'birth certificate');
    expect(results[0]?.entry.href).toBe('/services/birth-certificate/');
    expect(results.filter((r) => r.entry.href.startsWith('/services/birth-certificate/'))).toHaveLength(1);
  });

  it('shows the catalog’s own sentence, never text run together from a page', () => {
    const [first] = searchEntries(index.en, 'birth certificate');
    expect(first?.entry.summary).toBe('Get a certified copy of a birth certificate for school, a passport or benefits.');
  });

  it('finds words without their accents and with other endings', () => {
    expect(searchEntries(index.es, 'acta nacimiento')[0]?.entry.href).toBe('/es/services/birth-certificate/');
    expect(searchEntries(index.es, 'ACTA DE NACIMIENTO')[0]?.entry.href).toBe('/es/services/birth-certificate/');
    expect(searchEntries(index.en, 'certificates').some((r) => r.entry.href === '/services/birth-certificate/')).toBe(true);
    expect(searchEntries(index.en, 'renew').map((r) => r.entry.href)).toContain('/services/drivers-license-renewal/');
  });

  it('finds the tasks every visitor has: paying a ticket, checking a status', () => {
    expect(searchEntries(index.en, 'parking ticket')[0]?.entry.href).toBe('/pay/');
    expect(searchEntries(index.es, 'estado solicitud').map((r) => r.entry.href)).toContain('/es/status/');
  });

  it('finds nothing for nothing, or for words that are only "the" and "of"', () => {
    expect(searchEntries(index.en, '')).toEqual([]);
    expect(searchEntries(index.en, 'the of')).toEqual([]);
    expect(searchEntries(index.en, 'zzzzqqq')).toEqual([]);
  });

  it('reads words as people type them', () => {
    expect(searchWords('Información, ¿dónde? ID-card')).toEqual(['informacion', 'donde', 'id', 'card']);
  });
});
