/**
 * "A PDF of what was sent" (decision 0116), made on demand with pdf-lib and never stored: the answers in words
 * (catalog/src/answer-text.ts, the one rule Check your answers, the case page and the export use) with the
 * confirmation code and the date, in the reader's language; or, for a form the agency also has on paper
 * (catalog/pdf-forms/), the agency's own PDF filled in through its mapping, with a last page saying when and
 * under which code it was sent.
 *
 * Accessible as far as pdf-lib goes: real text (never an image of text), a title shown in the window, the document
 * language, author and subject. pdf-lib cannot write a structure tree, so the PDF is not tagged.
 */
import {
  PDFCheckBox,
  PDFDocument,
  PDFDropdown,
  type PDFFont,
  PDFOptionList,
  type PDFPage,
  PDFRadioGroup,
  PDFRef,
  PDFTextField,
  rgb,
  StandardFonts,
} from 'pdf-lib';
import { type AnswerWords, answerRows, answerText } from '#catalog/answer-text';
import { formatDate, translate } from '#catalog/i18n';
import type { PdfFieldMap } from '#catalog/pdf-map';
import type { Form, Locale, Strings } from '#catalog/schema';

export interface SubmissionPdfInput {
  form: Form;
  answers: Record<string, unknown>;
  code: string;
  submittedAt: string;
  locale: Locale;
  serviceTitle: string;
  agencyName: string;
  strings: Strings;
  /** The agency's own PDF and how to fill it, for a form it also has on paper. */
  agencyPdf?: { bytes: Uint8Array; map: readonly PdfFieldMap[] };
}

const PAGE = { width: 612, height: 792, margin: 56 } as const;

/** Only what the standard fonts can draw (WinAnsi: Latin letters with their accents, ñ, ¿, ¡, €): the rest as "?". */
function drawable(font: PDFFont, text: string): string {
  const known = new Set(font.getCharacterSet());
  return [...text.replace(/[\r\n\t]+/g, ' ')].map((char) => (known.has(char.codePointAt(0) ?? 0) ? char : '?')).join('');
}

function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    // A word wider than the line (a long e-mail address) is cut where it must be.
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** Writes blocks of text down pages, starting a new page when one is full. */
class Writer {
  page: PDFPage;
  y: number;
  private readonly doc: PDFDocument;
  readonly fonts: { regular: PDFFont; bold: PDFFont };
  constructor(doc: PDFDocument, fonts: { regular: PDFFont; bold: PDFFont }) {
    this.doc = doc;
    this.fonts = fonts;
    this.page = this.newPage();
    this.y = PAGE.height - PAGE.margin;
  }
  private newPage(): PDFPage {
    this.y = PAGE.height - PAGE.margin;
    return this.doc.addPage([PAGE.width, PAGE.height]);
  }
  text(text: string, options: { size?: number; bold?: boolean; gapAfter?: number } = {}) {
    const size = options.size ?? 11;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    for (const line of wrap(font, size, drawable(font, text), PAGE.width - 2 * PAGE.margin)) {
      if (this.y - size < PAGE.margin + 20) this.page = this.newPage();
      this.y -= size * 1.35;
      this.page.drawText(line, { x: PAGE.margin, y: this.y, size, font, color: rgb(0.1, 0.1, 0.1) });
    }
    this.y -= options.gapAfter ?? 0;
  }
}

function describe(doc: PDFDocument, input: SubmissionPdfInput, title: string) {
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setLanguage(input.locale === 'es' ? 'es-US' : 'en-US');
  doc.setAuthor(input.agencyName);
  doc.setSubject(`${input.serviceTitle} · ${input.code}`);
  doc.setCreator('Front Door');
  doc.setProducer('Front Door (pdf-lib)');
  doc.setCreationDate(new Date(input.submittedAt));
}

function footers(doc: PDFDocument, font: PDFFont, words: (page: number, pages: number) => string) {
  const pages = doc.getPages();
  pages.forEach((page, index) => {
    const text = drawable(font, words(index + 1, pages.length));
    page.drawText(text, { x: PAGE.margin, y: PAGE.margin / 2, size: 9, font, color: rgb(0.3, 0.3, 0.3) });
  });
}

/** The answers as a document of their own, in the reader's language. */
async function answersPdf(input: SubmissionPdfInput): Promise<Uint8Array> {
  const t = (key: string, params?: Record<string, string | number>) => translate(input.strings, key, input.locale, params);
  const words: AnswerWords = { locale: input.locale, t };
  const doc = await PDFDocument.create();
  const fonts = { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  const title = t('pdf.title', { service: input.serviceTitle });
  describe(doc, input, title);
  const out = new Writer(doc, fonts);
  out.text(input.agencyName, { size: 10 });
  out.text(title, { size: 18, bold: true, gapAfter: 8 });
  out.text(`${t('status.code')}: ${input.code}`, { size: 13, bold: true });
  out.text(`${t('status.sentOn')}: ${formatDate(input.submittedAt, input.locale)}`, { gapAfter: 14 });
  out.text(t('pdf.answersTitle'), { size: 14, bold: true, gapAfter: 4 });
  for (const row of answerRows(input.form, input.answers, words)) {
    out.text(row.label, { size: 10, bold: true });
    out.text(row.value || t('pdf.notAnswered'), { gapAfter: 6 });
  }
  footers(doc, fonts.regular, (page, pages) => `${input.code} · ${t('pdf.page', { page, pages })}`);
  return doc.save();
}

/** How a date goes on American paper: MM/DD/YYYY. */
function paperDate(value: unknown): string | undefined {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return match ? `${match[2]}/${match[3]}/${match[1]}` : undefined;
}

/** The agency's own PDF, its fields filled from the answers (the paper's language: English words), then flattened. */
async function filledAgencyPdf(input: SubmissionPdfInput, agencyPdf: NonNullable<SubmissionPdfInput['agencyPdf']>) {
  const t = (key: string, params?: Record<string, string | number>) => translate(input.strings, key, input.locale, params);
  const english: AnswerWords = { locale: 'en', t: (key) => translate(input.strings, key, 'en') };
  const doc = await PDFDocument.load(agencyPdf.bytes);
  const pdfForm = doc.getForm();
  const fields = new Map(input.form.fields.map((field) => [field.name, field]));
  const unplaced: string[] = [];
  const helvetica = await doc.embedFont(StandardFonts.Helvetica);
  for (const entry of agencyPdf.map) {
    const field = fields.get(entry.question);
    const value = input.answers[entry.question];
    if (!field || value === undefined || value === '') continue;
    for (const name of entry.pdfFields) {
      const target = pdfForm.getFieldMaybe(name);
      if (target instanceof PDFTextField) {
        const text = paperDate(value) ?? answerText(field, value, english);
        const max = target.getMaxLength();
        // Auto-sized multi-line fields otherwise get huge, clipped text (TOOLCHAIN.md).
        target.setFontSize(target.isMultiline() ? 10 : 0);
        target.setText(drawable(helvetica, max ? text.slice(0, max) : text));
      } else if (target instanceof PDFCheckBox) {
        if (value === true || value === 'yes') target.check();
      } else if (target instanceof PDFRadioGroup || target instanceof PDFDropdown || target instanceof PDFOptionList) {
        const choice = entry.options?.[String(value)] ?? String(value);
        if (target.getOptions().includes(choice)) target.select(choice);
        else unplaced.push(field.name);
      } else unplaced.push(field.name);
    }
  }
  // Flattened: the answers become the page's own text (what a reader extracts and a screen reader reads), and
  // nobody types over the record by accident.
  pdfForm.flatten();
  // pdf-lib 1.17.1's flatten() deletes the widgets but can leave them listed in a page's /Annots, which strict
  // readers (poppler) then report as a broken cross-reference: drop what no longer exists.
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    for (let index = (annots?.size() ?? 0) - 1; index >= 0; index--) {
      const ref = annots?.get(index);
      if (ref instanceof PDFRef && !doc.context.lookup(ref)) annots?.remove(index);
    }
  }
  const title = t('pdf.title', { service: input.serviceTitle });
  describe(doc, input, title);
  // The record of sending, in the reader's language, on a page of its own after the paper.
  const fonts = { regular: helvetica, bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  const out = new Writer(doc, fonts);
  out.text(title, { size: 16, bold: true, gapAfter: 6 });
  out.text(`${t('status.code')}: ${input.code}`, { size: 13, bold: true });
  out.text(`${t('status.sentOn')}: ${formatDate(input.submittedAt, input.locale)}`, { gapAfter: 8 });
  out.text(t('pdf.filledNote', { agency: input.agencyName }), { gapAfter: 10 });
  const mapped = new Set(agencyPdf.map.filter((entry) => !unplaced.includes(entry.question)).map((entry) => entry.question));
  const words: AnswerWords = { locale: input.locale, t };
  const rest = answerRows(input.form, input.answers, words).filter((row) => !mapped.has(row.name) && row.value);
  if (rest.length > 0) {
    out.text(t('pdf.notOnPaper'), { size: 12, bold: true, gapAfter: 4 });
    for (const row of rest) {
      out.text(row.label, { size: 10, bold: true });
      out.text(row.value, { gapAfter: 6 });
    }
  }
  return doc.save();
}

export async function submissionPdf(input: SubmissionPdfInput): Promise<Uint8Array> {
  return input.agencyPdf ? filledAgencyPdf(input, input.agencyPdf) : answersPdf(input);
}
