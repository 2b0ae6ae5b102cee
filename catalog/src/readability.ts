/**
 * A rough readability check for the catalog's English text, so editors keep it plain.
 *
 * The Flesch-Kincaid grade level is an ESTIMATE of the US school grade needed to read a text:
 *   0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59
 * Syllables are counted with a heuristic (vowel groups plus a few English spelling rules), which is
 * usually right or off by one per word. Treat scores as a guide for spotting hard text, not as a verdict.
 */
import type { Catalog } from './load.ts';
import type { Localized } from './schema.ts';

/** A word: letters or digits ("driver's" is one word, "reduced-fare" is two), or an abbreviation with dots ("a.m."). */
const WORD = /(?:[A-Za-z]\.){2,}|[A-Za-z0-9]+(?:['’][A-Za-z]+)*/g;
/** A sentence ends at . ! or ? followed by the end of the text, or by a space and a word that does not start in lowercase. */
const SENTENCE_END = /[.!?]+["'”’)]*(?=\s+[^\sa-z]|\s*$)/g;

/**
 * Estimated syllables in one word.
 * - Numbers count as one syllable per group of digits (they are quick to read).
 * - Acronyms with no vowels ("DMV", "LLC") and abbreviations with dots ("a.m.") are read letter by letter.
 * - Otherwise: count groups of vowels (a, e, i, o, u, y), drop a silent final "e" ("home"),
 *   a silent "-ed" ("moved") or "-es" ("makes"), and add one where two vowels are said apart
 *   ("radio", "usual", "being").
 */
export function countSyllables(word: string): number {
  if (/^[0-9]+$/.test(word)) return 1;
  if (/^(?:[A-Za-z]\.){2,}$/.test(word)) return word.replaceAll('.', '').length;
  if (/^[A-Z]{2,}$/.test(word) && !/[AEIOUY]/.test(word)) return word.length;
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 1;
  if (w.length <= 3) return 1;
  let count = w.match(/[aeiouy]+/g)?.length ?? 0;
  if (/[^aeiouy]e$/.test(w) && !/[^aeiouy]le$/.test(w)) count -= 1;
  else if (/[^aeiouy]ed$/.test(w) && !/[td]ed$/.test(w)) count -= 1;
  else if (/[^aeiouy]es$/.test(w) && !/(?:[sxzcg]|ch|sh)es$/.test(w)) count -= 1;
  count += w.match(/[^tscg]i[aou]/g)?.length ?? 0;
  count += w.match(/[^qg]ua/g)?.length ?? 0;
  if (/[aeiouy]ing$/.test(w)) count += 1;
  return Math.max(1, count);
}

/** Sentences in a text. Text without end punctuation (a title or a label) is one sentence. */
function sentenceCount(text: string): number {
  const trimmed = text.trim();
  const ends = trimmed.match(SENTENCE_END)?.length ?? 0;
  const endsWithStop = /[.!?]["'”’)]*$/.test(trimmed);
  return Math.max(1, ends + (endsWithStop ? 0 : 1));
}

export interface TextStats {
  words: number;
  sentences: number;
  syllables: number;
}

/** The counts the grade is made from: words, sentences and (estimated) syllables. */
export function textStats(text: string): TextStats {
  const words = text.match(WORD) ?? [];
  return {
    words: words.length,
    sentences: words.length === 0 ? 0 : sentenceCount(text),
    syllables: words.reduce((sum, word) => sum + countSyllables(word), 0),
  };
}

/**
 * Estimated Flesch-Kincaid grade level of an English text, rounded to one decimal.
 * 0 means very easy (scores below 0 are raised to 0); 8 suits most adults; 12 and up is hard.
 * An estimate: see the heuristics in `countSyllables`.
 */
export function fleschKincaidGrade(text: string): number {
  const { words, sentences, syllables } = textStats(text);
  if (words === 0) return 0;
  const grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
  return Math.max(0, Math.round(grade * 10) / 10);
}

export interface EnglishText {
  /** Where the text lives, like "catalog/services/birth-certificate.json". */
  file: string;
  /** The place in that file, written like the loader's messages: "summary.en", "fields[2].label.en". */
  field: string;
  text: string;
}

/**
 * Every English text in the catalog with the file (and place) it came from: life events, services
 * (titles, summaries, eligibility, processing times, fees), forms (titles, intros, labels, hints,
 * options, error messages), agencies and site strings.
 */
export function englishTexts(catalog: Catalog): EnglishText[] {
  const texts: EnglishText[] = [];
  const add = (file: string, field: string, localized: Localized | undefined) => {
    if (localized) texts.push({ file, field: `${field}.en`, text: localized.en });
  };

  for (const event of catalog.lifeEvents) {
    const file = `catalog/life-events/${event.id}.json`;
    add(file, 'title', event.title);
    add(file, 'summary', event.summary);
  }
  for (const service of catalog.services.values()) {
    const file = `catalog/services/${service.id}.json`;
    add(file, 'title', service.title);
    add(file, 'summary', service.summary);
    service.eligibility.en.forEach((text, index) => {
      texts.push({ file, field: `eligibility.en[${index}]`, text });
    });
    add(file, 'processingTime', service.processingTime);
    add(file, 'fee.description', service.fee?.description);
  }
  for (const form of catalog.forms.values()) {
    const file = `catalog/forms/${form.id}.json`;
    add(file, 'title', form.title);
    add(file, 'intro', form.intro);
    form.fields.forEach((field, index) => {
      const at = `fields[${index}]`;
      add(file, `${at}.label`, field.label);
      add(file, `${at}.hint`, field.hint);
      field.options?.forEach((option, optionIndex) => {
        add(file, `${at}.options[${optionIndex}].label`, option.label);
      });
      add(file, `${at}.errors.required`, field.errors?.required);
      add(file, `${at}.errors.invalid`, field.errors?.invalid);
    });
  }
  for (const agency of catalog.agencies.values()) {
    const file = `catalog/agencies/${agency.id}.json`;
    add(file, 'name', agency.name);
    add(file, 'shortName', agency.shortName);
    add(file, 'hours', agency.hours);
  }
  for (const [key, localized] of Object.entries(catalog.strings)) add('catalog/strings.json', key, localized);
  return texts;
}
