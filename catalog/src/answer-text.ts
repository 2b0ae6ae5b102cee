/**
 * An answer in words, as everyone who reads one sees it: the person on "Check your answers", staff on the case
 * page, the agency's spreadsheet (the queue's CSV export). One rule, so the three never disagree.
 */
import { filesOf } from './file-kinds.ts';
import { bareLabel } from './form-messages.ts';
import { itemLabel } from './form-pages.ts';
import type { Field, Form, Locale } from './schema.ts';
import { maskSsn } from './sensitive.ts';

/** The words an answer needs: yes and no, in the reader's language. */
export interface AnswerWords {
  locale: Locale;
  t(key: string): string;
}

/**
 * The option's label, yes or no, a date and an amount as people write them, an address or a name on one line,
 * or the text; '' when there is no answer (each reader says "not answered" its own way).
 */
export function answerText(field: Field, value: unknown, words: AnswerWords): string {
  const { locale } = words;
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'boolean') return words.t(value ? 'form.yes' : 'form.no');
  // Never in full, to anyone (decision 0083).
  if (field.type === 'ssn') return maskSsn(String(value));
  const intl = locale === 'es' ? 'es-US' : 'en-US';
  if (field.type === 'declaration' && typeof value === 'object' && !Array.isArray(value)) {
    const signed = value as Record<string, string>;
    const when = signed.signedAt
      ? new Intl.DateTimeFormat(intl, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(
          new Date(signed.signedAt),
        )
      : '';
    return [signed.name, when && `${when} UTC`].filter(Boolean).join(', ');
  }
  if (field.type === 'money' && typeof value === 'number') {
    return new Intl.NumberFormat(intl, { style: 'currency', currency: 'USD' }).format(value / 100);
  }
  if (
    (field.type === 'date' || field.type === 'memorableDate') &&
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value)
  ) {
    return new Intl.DateTimeFormat(intl, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
  }
  // Files: their names, never a link (staff open them from the case page's own list, decision 0113).
  if (field.type === 'file')
    return filesOf(value)
      .map((file) => file.name)
      .join(', ');
  if (typeof value === 'object' && !Array.isArray(value)) {
    const parts = value as Record<string, string>;
    if (field.type === 'address') {
      const place = [parts.city, [parts.state, parts.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
      return [parts.street1, parts.street2, place].filter(Boolean).join(', ');
    }
    return [parts.given, parts.middle, parts.family].filter(Boolean).join(' ');
  }
  if (field.type === 'yesNo') return words.t(value === 'yes' ? 'form.yes' : 'form.no');
  const label = (one: unknown) => field.options?.find((candidate) => candidate.value === one)?.label[locale] ?? String(one);
  return Array.isArray(value) ? value.map(label).join(', ') : label(value);
}

/** One answer to show: its name (for tests and anchors), its label and its words. */
export interface AnswerRow {
  name: string;
  label: string;
  value: string;
}

/**
 * Every answer a submission holds, in the form's order: each question, then each item of a repeating page
 * ("Person 2: Their name"), then answers to questions the form no longer asks (a newer version), by their name.
 */
export function answerRows(form: Form | undefined, answers: Record<string, unknown>, words: AnswerWords): AnswerRow[] {
  const rows: AnswerRow[] = [];
  const known = new Set<string>();
  for (const field of form?.fields ?? []) {
    known.add(field.name);
    rows.push({ name: field.name, label: bareLabel(field, words.locale), value: answerText(field, answers[field.name], words) });
  }
  for (const page of form?.pages ?? []) {
    if (!page.group) continue;
    known.add(page.id);
    const items = Array.isArray(answers[page.id]) ? (answers[page.id] as Record<string, unknown>[]) : [];
    items.forEach((item, index) => {
      for (const field of page.group?.fields ?? [])
        rows.push({
          name: `${page.id}.${index}.${field.name}`,
          label: `${itemLabel(page.group as NonNullable<typeof page.group>, index, words.locale)}: ${bareLabel(field, words.locale)}`,
          value: answerText(field, item[field.name], words),
        });
    });
  }
  for (const [name, value] of Object.entries(answers))
    if (!known.has(name))
      rows.push({ name, label: name, value: typeof value === 'object' ? JSON.stringify(value) : String(value) });
  return rows;
}
