import { describe, expect, it } from 'vitest';
import { loadCatalog } from '#catalog/load';
import { countSyllables, englishTexts, fleschKincaidGrade, textStats } from '#catalog/readability';

const catalog = loadCatalog();
const texts = englishTexts(catalog);

describe('fleschKincaidGrade', () => {
  it('gives a low grade to a short, simple sentence', () => {
    expect(fleschKincaidGrade('The cat sat on the mat.')).toBeLessThan(3);
  });

  it('gives a high grade to a long academic sentence', () => {
    const academic =
      'The institutionalization of intergovernmental administrative responsibilities necessitates comprehensive ' +
      'organizational restructuring, extensive consultation with stakeholders, and considerable deliberation ' +
      'regarding constitutional implications.';
    expect(fleschKincaidGrade(academic)).toBeGreaterThan(14);
  });

  it('gives 0 for text with no words', () => {
    expect(fleschKincaidGrade('')).toBe(0);
  });
});

describe('textStats', () => {
  it('counts words, sentences and syllables', () => {
    expect(textStats('Renew your license. It takes 5 minutes.')).toEqual({ words: 7, sentences: 2, syllables: 10 });
  });

  it('does not end a sentence at "a.m." in the middle of one', () => {
    expect(textStats('Call us from 8 a.m. to 5 p.m. on weekdays.').sentences).toBe(1);
  });

  it('counts a title with no full stop as one sentence', () => {
    expect(textStats('Renew your vehicle registration').sentences).toBe(1);
  });
});

describe('countSyllables', () => {
  it('counts common words about right', () => {
    const words = { the: 1, home: 1, moved: 1, needed: 2, taxes: 2, people: 2, certificate: 4, registration: 4, radio: 3 };
    const counted = Object.fromEntries(Object.keys(words).map((word) => [word, countSyllables(word)]));
    expect(counted).toEqual(words);
  });

  it('reads acronyms without vowels letter by letter', () => {
    expect(countSyllables('DMV')).toBe(3);
  });
});

describe('englishTexts', () => {
  it('lists every service summary with the file it came from', () => {
    for (const service of catalog.services.values()) {
      expect(texts).toContainEqual({
        file: `catalog/services/${service.id}.json`,
        field: 'summary.en',
        text: service.summary.en,
      });
    }
  });

  it('lists every form label with the file it came from', () => {
    for (const form of catalog.forms.values()) {
      form.fields.forEach((field, index) => {
        expect(texts).toContainEqual({
          file: `catalog/forms/${form.id}.json`,
          field: `fields[${index}].label.en`,
          text: field.label.en,
        });
      });
    }
  });

  it('lists each eligibility sentence on its own', () => {
    const service = catalog.services.get('unemployment-benefits')!;
    const listed = texts.filter(
      (t) => t.file === 'catalog/services/unemployment-benefits.json' && t.field.startsWith('eligibility'),
    );
    expect(listed.map((t) => t.text)).toEqual(service.eligibility.en);
  });
});

describe("the catalog's English", () => {
  const summariesAndIntros = texts
    .filter((t) => t.field === 'summary.en' || t.field === 'intro.en')
    .map((t) => ({ ...t, grade: fleschKincaidGrade(t.text) }));

  it('reads at grade 8 or lower on average in summaries and intros', () => {
    const average = summariesAndIntros.reduce((sum, t) => sum + t.grade, 0) / summariesAndIntros.length;
    const hardest = [...summariesAndIntros]
      .sort((a, b) => b.grade - a.grade)
      .slice(0, 3)
      .map((t) => `${t.file} (grade ${t.grade})`);
    expect(average, `Average grade is ${average.toFixed(1)}. Hardest: ${hardest.join(', ')}`).toBeLessThanOrEqual(8);
  });

  it('has no service summary above grade 10', () => {
    const tooHard = summariesAndIntros
      .filter((t) => t.file.startsWith('catalog/services/') && t.field === 'summary.en' && t.grade > 10)
      .map((t) => `${t.file}: summary is grade ${t.grade} ("${t.text}"). Use shorter words or a shorter sentence.`);
    expect(tooHard).toEqual([]);
  });
});
