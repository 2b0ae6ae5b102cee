/**
 * From a fillable PDF's fields and words to a draft catalog form (multi-page, as catalog/src/schema.ts reads it)
 * and the mapping from its questions to the PDF's fields. Everything it could not decide is listed for a person.
 */
import type { PdfFieldMap, PdfMap } from '../../catalog/src/pdf-map.ts';
import { TRANSLATE_MARK } from '../../catalog/src/pdf-map.ts';
import {
  cleanLabel,
  descriptiveTooltip,
  type FoundLabel,
  findLabel,
  headingsOf,
  leftLabels,
  type Phrase,
  phrasesOf,
  type Rect,
  rightPhrase,
  sectionOf,
} from './labels.ts';
import type { PdfField, ReadPdf } from './read-pdf.ts';

/** One question as the draft writes it (the catalog's field shape, Spanish still to translate). */
export interface DraftField {
  name: string;
  type: 'text' | 'textarea' | 'email' | 'tel' | 'date' | 'checkbox' | 'radio' | 'select';
  label: { en: string; es: string };
  required: boolean;
  maxLength?: number;
  options?: { value: string; label: { en: string; es: string } }[];
}

export interface DraftPage {
  id: string;
  title: { en: string; es: string };
  fields: DraftField[];
}

export interface DraftForm {
  id: string;
  title: { en: string; es: string };
  intro: { en: string; es: string };
  pages: DraftPage[];
}

/** What the import found for one PDF field: for the report and the label-accuracy test. */
export interface ImportedField {
  pdfField: string;
  question: string;
  label: string;
  source: FoundLabel['source'];
  page: number;
}

export interface Draft {
  form: DraftForm;
  map: PdfMap;
  fields: ImportedField[];
  /** What a person must finish, one sentence each. */
  undecided: string[];
}

const MAX_PAGE_QUESTIONS = 40;
const es = (en: string) => ({ en, es: `${TRANSLATE_MARK}${en}` });

export function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'item'
  );
}

/** A question name from the PDF field's name: stable, so the mapping survives relabelling ("users1_name_first" → "users1NameFirst"). */
export function questionName(pdfName: string): string {
  const words = pdfName
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map((word) => (/[a-z]/.test(word) ? word : word.toLowerCase()));
  const camel = words
    .map((word, index) =>
      index === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join('');
  const named = /^[a-z]/.test(camel) ? camel : `field${camel.charAt(0).toUpperCase()}${camel.slice(1)}`;
  return named.slice(0, 40);
}

/** The same question printed twice on the paper ("users1_name_first" and "users1_name_first__2", same tooltip). */
const baseName = (name: string) => name.replace(/_+\d+$/, '');

function typeOf(field: PdfField, label: string): DraftField['type'] {
  if (field.kind !== 'text') return field.kind;
  const words = `${label} ${field.tooltip ?? ''} ${field.name}`.toLowerCase();
  if (/e-?mail/.test(words)) return 'email';
  if (/\b(date|dob|birth ?date|mm\/dd)/.test(words) || /date of birth/.test(words)) return 'date';
  if (/phone|telephone/.test(words)) return 'tel';
  if (field.multiline) return 'textarea';
  return 'text';
}

const OFFICE_USE = /office use|clerk|court use|for official use/i;

interface Placed {
  field: PdfField;
  page: number;
  box: Rect;
  label?: FoundLabel;
  section?: Phrase;
}

export function draftForm(read: ReadPdf, options: { id: string; onField?: (done: number, all: number) => void }): Draft {
  const undecided: string[] = [];
  const phrasesByPage = read.text.map((runs) => phrasesOf(runs));
  const boxesByPage = phrasesByPage.map((_, page) =>
    read.fields.flatMap((field) => field.widgets.filter((widget) => widget.page === page).map((widget) => widget.rect)),
  );
  const takenByPage = phrasesByPage.map((phrases, page) => leftLabels(phrases, boxesByPage[page] ?? []));
  const headingsByPage = phrasesByPage.map((phrases, page) => headingsOf(phrases, takenByPage[page] ?? new Set()));

  const placed: Placed[] = [];
  read.fields.forEach((field, index) => {
    const first = field.widgets[0] as PdfField['widgets'][number];
    const page = first.page;
    const phrases = phrasesByPage[page] ?? [];
    const label = findLabel({
      box: first.rect,
      kind: field.kind,
      tooltip: field.tooltip,
      phrases,
      boxes: boxesByPage[page] ?? [],
      taken: takenByPage[page] ?? new Set(),
    });
    const section = sectionOf(first.rect, headingsByPage[page] ?? []);
    placed.push({ field, page, box: first.rect, ...(label && { label }), ...(section && { section }) });
    options.onField?.(index + 1, read.fields.length);
  });

  // The paper's reading order: page by page, top to bottom, left to right (within a line's height).
  placed.sort(
    (a, b) =>
      a.page - b.page ||
      (Math.abs(a.box.y - b.box.y) > Math.min(a.box.height, b.box.height) / 2 ? b.box.y - a.box.y : a.box.x - b.box.x),
  );

  const imported: ImportedField[] = [];
  const mapFields: PdfFieldMap[] = [];
  const byQuestion = new Map<string, PdfFieldMap>();
  const sameAsked = new Map<string, { name: string; box: Rect }>();
  const usedNames = new Set<string>();
  const pages: (DraftPage & { key: string })[] = [];
  const anyRequired = read.fields.some((field) => field.required);

  for (const item of placed) {
    const { field } = item;
    const labelText = item.label?.text ?? cleanLabel(field.name.replace(/[_.]+/g, ' '));
    if (!item.label)
      undecided.push(`"${field.name}" (page ${item.page + 1}): no label found near it; the draft uses its field name`);
    if (OFFICE_USE.test(labelText)) {
      undecided.push(`"${field.name}" (page ${item.page + 1}) is "${labelText}": left out of the web form (for the office)`);
      continue;
    }
    // The same question printed twice (caption and body): one question fills both.
    // Side by side on one line is two people's answers (plaintiff and defendant), not one asked twice.
    const twinKey = descriptiveTooltip(field.tooltip) ? `${baseName(field.name)}\n${field.tooltip}` : undefined;
    const twinOf = twinKey ? sameAsked.get(twinKey) : undefined;
    const twin = twinOf && Math.abs(twinOf.box.y - item.box.y) > item.box.height ? twinOf.name : undefined;
    if (twin) {
      byQuestion.get(twin)?.pdfFields.push(field.name);
      imported.push({
        pdfField: field.name,
        question: twin,
        label: labelText,
        source: item.label?.source ?? 'name',
        page: item.page,
      });
      continue;
    }
    let name = questionName(field.name);
    for (let n = 2; usedNames.has(name); n++) name = `${questionName(field.name).slice(0, 37)}${n}`;
    usedNames.add(name);
    if (twinKey) sameAsked.set(twinKey, { name, box: item.box });

    const type = typeOf(field, labelText);
    const draft: DraftField = { name, type, label: es(labelText), required: anyRequired ? field.required : false };
    if (field.maxLength !== undefined && (type === 'text' || type === 'textarea')) draft.maxLength = field.maxLength;
    const map: PdfFieldMap = { question: name, pdfFields: [field.name], kind: field.kind };
    if (field.kind === 'radio' || field.kind === 'select') {
      const choices = optionsOf(field, phrasesByPage[item.page] ?? []);
      if (choices.length < 2) {
        undecided.push(`"${field.name}" (page ${item.page + 1}) has fewer than two choices: asked as a check box`);
        draft.type = 'checkbox';
        map.kind = 'checkbox';
      } else {
        draft.options = choices.map((choice) => ({ value: choice.value, label: es(choice.label) }));
        map.options = Object.fromEntries(choices.map((choice) => [choice.value, choice.pdf]));
      }
    }
    if (type === 'checkbox') draft.required = false;

    const title = item.section ? cleanLabel(item.section.text) : `Page ${item.page + 1}`;
    const key = `${item.page}\n${title}`;
    let page = pages.findLast((candidate) => candidate.key === key && candidate.fields.length < MAX_PAGE_QUESTIONS);
    if (!page) {
      page = { key, id: '', title: es(title), fields: [] };
      pages.push(page);
    }
    if (page.fields.some((other) => other.label.en === draft.label.en)) {
      const n = page.fields.filter((other) => other.label.en.startsWith(draft.label.en)).length + 1;
      draft.label = es(`${labelText} (${n})`);
    }
    page.fields.push(draft);
    byQuestion.set(name, map);
    mapFields.push(map);
    imported.push({
      pdfField: field.name,
      question: name,
      label: labelText,
      source: item.label?.source ?? 'name',
      page: item.page,
    });
  }
  for (const skipped of read.skipped) undecided.push(`"${skipped.name}" is ${skipped.why}: left out`);
  if (!anyRequired && placed.length > 0)
    undecided.push('The PDF marks no field as required: every question is optional in the draft; decide which are required');
  if (pages.length === 0) throw new Error('No question is left to ask once the office-use fields are left out');

  const ids = new Set<string>();
  for (const page of pages) {
    let id = slug(page.title.en);
    if (id === 'check-answers') id = 'check-answers-page';
    for (let n = 2; ids.has(id); n++) id = `${slug(page.title.en).slice(0, 36)}-${n}`;
    ids.add(id);
    page.id = id;
  }
  const title = read.title && !/\.(doc|docx|pdf)$/i.test(read.title) ? read.title : titleFromText(phrasesByPage[0] ?? []);
  const form: DraftForm = {
    id: options.id,
    title: es(title ?? options.id),
    intro: es(`Answer these questions instead of filling in the paper form "${title ?? options.id}".`),
    pages: pages.map(({ key: _key, ...page }) => page),
  };
  undecided.push('Every Spanish text is the English marked "[translate]": write the Spanish before publishing');
  return { form, map: { form: options.id, pdf: `${options.id}.pdf`, fields: mapFields }, fields: imported, undecided };
}

/** The paper's title: the largest words on the first page. */
function titleFromText(phrases: readonly Phrase[]): string | undefined {
  const biggest = [...phrases].sort((a, b) => b.height - a.height)[0];
  return biggest ? cleanLabel(biggest.text) : undefined;
}

/** A radio group's or drop-down's choices: the words right of each button, or the PDF's own choice names. */
function optionsOf(field: PdfField, phrases: readonly Phrase[]): { value: string; label: string; pdf: string }[] {
  const seen = new Set<string>();
  const choices: { value: string; label: string; pdf: string }[] = [];
  const pdfChoices =
    field.kind === 'radio'
      ? field.widgets.map((widget, index) => ({ pdf: widget.option ?? field.options[index] ?? '', widget }))
      : field.options.map((pdf) => ({ pdf, widget: undefined }));
  for (const { pdf, widget } of pdfChoices) {
    if (!pdf || seen.has(pdf)) continue;
    seen.add(pdf);
    const words = widget ? rightPhrase(widget.rect, phrases) : undefined;
    const label = words ? cleanLabel(words.text) : cleanLabel(pdf.replace(/[_-]+/g, ' '));
    let value = slug(label);
    for (let n = 2; choices.some((choice) => choice.value === value); n++) value = `${slug(label).slice(0, 36)}-${n}`;
    choices.push({ value, label, pdf });
  }
  return choices;
}
