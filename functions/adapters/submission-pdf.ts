/**
 * "A PDF of what was sent" (decision 0116), made on demand and never stored: the answers in words
 * (catalog/src/answer-text.ts, the one rule Check your answers, the case page and the export use) with the
 * confirmation code and the date, in the reader's language; or, for a form the agency also has on paper
 * (catalog/pdf-forms/), the agency's own PDF filled in through its mapping, with a last page saying when and
 * under which code it was sent.
 *
 * The answers as a document are drawn with PDFKit as a tagged PDF (decision 0132): a structure tree in reading
 * order (headings, a table of questions and answers), the document language, the title shown in the window, the
 * site's typeface embedded. The agency's own PDF is filled with pdf-lib, which cannot write a structure tree: that
 * one is real text with a title and language, but not tagged.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { create, type Font } from 'fontkit';
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
import { PDF_FONT_FILES, pdfFontsDir } from '#shared/pdf-fonts';

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

/**
 * The fonts, read and parsed once per process and given to PDFKit as fontkit's fonts (PDFKit 0.20 takes them):
 * parsing a font file for every document was most of a document's CPU (~40 of ~50 ms).
 */
let parsedFonts: Promise<{ regular: Font; bold: Font }> | undefined;
function fonts() {
  parsedFonts ??= Promise.all([
    readFile(join(pdfFontsDir(), PDF_FONT_FILES.regular)),
    readFile(join(pdfFontsDir(), PDF_FONT_FILES.bold)),
  ])
    .then(([regular, bold]) => ({ regular: create(new Uint8Array(regular)), bold: create(new Uint8Array(bold)) }))
    .catch((error: unknown) => {
      // Not kept: the next request reads them again.
      parsedFonts = undefined;
      throw error;
    });
  return parsedFonts;
}

/** What PDFKit's types (@types/pdfkit 0.17) do not yet say of 0.20: a font given as fontkit's, a tagged table. */
type TaggedTableOptions = PDFKit.Mixins.TableOptionsWithData & { structParent: PDFKit.PDFStructureElement };
type TaggedCell = PDFKit.Mixins.CellOptions & { scope?: 'Row' | 'Column' | 'Both' };

/**
 * The answers as a document of their own, in the reader's language: a tagged PDF (decision 0132). Its structure
 * tree, in reading order: Document → P (agency) → H1 (title) → P (code) → P (date) → H2 (your answers) → Table, one
 * TR per answer with the question as a row header (TH, Scope Row) and the answer (TD). The footers are artifacts
 * (pagination), so a screen reader does not read "Page 1 of 2" between two answers.
 */
async function answersPdf(input: SubmissionPdfInput): Promise<Uint8Array> {
  const { default: PDFDocument } = await import('pdfkit');
  const t = (key: string, params?: Record<string, string | number>) => translate(input.strings, key, input.locale, params);
  const words: AnswerWords = { locale: input.locale, t };
  const title = t('pdf.title', { service: input.serviceTitle });
  const font = await fonts();
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: PAGE.margin,
    pdfVersion: '1.7',
    tagged: true,
    displayTitle: true,
    lang: input.locale === 'es' ? 'es-US' : 'en-US',
    bufferPages: true,
    font: font.regular as unknown as string,
    info: {
      Title: title,
      Author: input.agencyName,
      Subject: `${input.serviceTitle} · ${input.code}`,
      Creator: 'Front Door',
      Producer: 'Front Door (PDFKit)',
      CreationDate: new Date(input.submittedAt),
    },
  });
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('regular', font.regular as unknown as string);
  doc.registerFont('bold', font.bold as unknown as string);
  // What the font can draw; the rest is drawn as "?" rather than as an empty box. Regular and bold cover the same.
  const covered = (text: string) =>
    [...text.replace(/[\r\n\t]+/g, ' ')]
      .map((char) => (font.regular.hasGlyphForCodePoint(char.codePointAt(0) ?? 0) ? char : '?'))
      .join('');
  const root = doc.struct('Document');
  doc.addStructure(root);
  const ink = '#1b1b1b';
  const block = (text: string, options: { size: number; bold?: boolean; type?: string; gapAfter?: number }) => {
    doc
      .font(options.bold ? 'bold' : 'regular')
      .fontSize(options.size)
      .fillColor(ink);
    // A trailing space: PDF/UA wants the space between words kept in the text, at the end of a block too.
    doc.text(`${covered(text)} `, { structParent: root, structType: options.type ?? 'P' });
    if (options.gapAfter) doc.moveDown(options.gapAfter);
  };
  block(input.agencyName, { size: 10 });
  block(title, { size: 18, bold: true, type: 'H1', gapAfter: 0.4 });
  block(`${t('status.code')}: ${input.code}`, { size: 13, bold: true });
  block(`${t('status.sentOn')}: ${formatDate(input.submittedAt, input.locale)}`, { size: 11, gapAfter: 1 });
  block(t('pdf.answersTitle'), { size: 14, bold: true, type: 'H2', gapAfter: 0.3 });
  doc.font('regular').fontSize(11);
  const rows = answerRows(input.form, input.answers, words).map((row): TaggedCell[] => [
    { text: covered(row.label), type: 'TH', scope: 'Row', font: { src: 'bold', size: 10 } },
    { text: covered(row.value || t('pdf.notAnswered')) },
  ]);
  const table: TaggedTableOptions = {
    structParent: root,
    columnStyles: ['40%', '60%'],
    // No cell borders: PDFKit 0.20 draws them inside the cell's tagged content and writes their colour with nulls
    // for the sides without one, which readers report as a malformed attribute. Space separates the rows.
    defaultStyle: { border: 0, padding: [5, 10, 7, 0], textColor: ink },
    data: rows,
  };
  doc.table(table);
  // Page numbers with the code, once the number of pages is known: pagination artifacts, below the margin.
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination', attached: ['Bottom'] });
    doc
      .font('regular')
      .fontSize(9)
      .fillColor('#4d4d4d')
      .text(
        covered(`${input.code} · ${t('pdf.page', { page: index + 1, pages: range.count })}`),
        PAGE.margin,
        PAGE.height - PAGE.margin / 2 - 9,
        {
          lineBreak: false,
        },
      );
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
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
