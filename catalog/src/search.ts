/**
 * Site search over the catalog itself: one entry per service, life event and site-wide task, built at build
 * time (scripts/build-functions.ts) and searched by the search function on a plain GET, so it needs no
 * JavaScript in the browser. Kept free of dependencies: the function imports it at run time.
 */
import type { Locale } from './locales.ts';

export interface SearchEntry {
  /** What the result is: a service, a life event, or a task every visitor has (pay a bill, check a status). */
  kind: 'service' | 'lifeEvent' | 'task';
  title: string;
  /** One clean sentence shown under the title (the catalog's own summary, never a page scrape). */
  summary: string;
  href: string;
  /** Other words that should find it (agency, life events, eligibility), never shown. */
  keywords: string;
}

export interface SearchResult {
  entry: SearchEntry;
  score: number;
}

const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'for',
  'in',
  'my',
  'of',
  'on',
  'the',
  'to',
  'how',
  'do',
  'i',
  'is',
  'con',
  'de',
  'del',
  'el',
  'en',
  'la',
  'las',
  'los',
  'mi',
  'para',
  'por',
  'un',
  'una',
  'y',
  'como',
]);

/** Lower case, accents off (acta = Acta, información = informacion), letters and digits only. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** "certificates" finds "certificate", "renew" finds "renewal", "tax" finds "taxes"; "card" does not find "care". */
function matches(queryWord: string, word: string): boolean {
  if (queryWord === word) return true;
  if (queryWord.length < 3) return false;
  if (Math.min(queryWord.length, word.length) < 4) return word.startsWith(queryWord);
  let shared = 0;
  while (shared < queryWord.length && queryWord[shared] === word[shared]) shared += 1;
  return shared >= 4 && shared >= Math.min(queryWord.length, word.length) - 2;
}

const FIELD_WEIGHTS = { title: 5, summary: 2, keywords: 1 } as const;

/**
 * The entries that match the query, best first: more of the query's words found beats a higher weight, and a
 * word in the title beats one in the summary. Ties keep the catalog's order.
 */
export function searchEntries(entries: readonly SearchEntry[], query: string, limit = 20): SearchResult[] {
  const wanted = [...new Set(searchWords(query).filter((word) => !STOP_WORDS.has(word)))].slice(0, 10);
  if (wanted.length === 0) return [];
  const scored = entries.map((entry, index) => {
    const fields = (Object.keys(FIELD_WEIGHTS) as (keyof typeof FIELD_WEIGHTS)[]).map((field) => ({
      weight: FIELD_WEIGHTS[field],
      words: searchWords(entry[field]),
    }));
    let found = 0;
    let score = 0;
    for (const queryWord of wanted) {
      const best = Math.max(0, ...fields.map((f) => (f.words.some((word) => matches(queryWord, word)) ? f.weight : 0)));
      if (best > 0) found += 1;
      score += best;
    }
    return { entry, score: found * 100 + score, found, index };
  });
  return scored
    .filter((result) => result.found > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map(({ entry, score }) => ({ entry, score }));
}

export type SearchIndex = Record<Locale, SearchEntry[]>;
