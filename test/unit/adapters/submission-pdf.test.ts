/**
 * The PDF of what was sent, read back: its words with unpdf (pdf.js), what it says when the answers are unusual,
 * and, for the answers as a document, its tags (decision 0132) — the catalog's entries read with pdf-lib, the
 * structure tree and the marked content read with pdf.js the way a screen reader's PDF engine reads them.
 */
import { readFileSync } from 'node:fs';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { submissionPdf } from '#adapters/submission-pdf';
import type { Form } from '#catalog/schema';
import { compiledForm, strings } from '../../support/forms.ts';

async function textOf(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  // A copy: pdf.js takes the buffer it is given away from the caller.
  const pdf = await getDocumentProxy(bytes.slice());
  const { text } = await extractText(pdf, { mergePages: true });
  return { text: text.replace(/\s+/g, ' '), pages: pdf.numPages };
}

interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/**
 * What a screen reader reads, page by page: every structure element that holds content, in the structure tree's
 * order, with its role and its words; and the words marked as artifacts (not read).
 */
async function tagsOf(bytes: Uint8Array): Promise<{ read: { role: string; text: string }[]; artifacts: string[] }> {
  const pdf = await getDocumentProxy(bytes.slice());
  const read: { role: string; text: string }[] = [];
  const artifacts: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const words = new Map<string, string>();
    let current: { id: string | null; tag: string } | undefined;
    for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
      // pdf.js gives the marked content's tag too (its types do not say so).
      if ('type' in item && item.type === 'beginMarkedContentProps')
        current = { id: item.id ?? null, tag: (item as { tag?: string }).tag ?? '' };
      else if ('type' in item && item.type === 'endMarkedContent') current = undefined;
      else if ('str' in item && current?.tag === 'Artifact') artifacts.push(item.str);
      else if ('str' in item && current?.id) words.set(current.id, `${words.get(current.id) ?? ''}${item.str}`);
    }
    const walk = (node: StructNode) => {
      const content = (node.children ?? []).filter((child) => child.type === 'content');
      if (node.role && content.length > 0)
        read.push({
          role: node.role,
          text: content
            .map((child) => words.get(child.id ?? '') ?? '')
            .join('')
            .trim(),
        });
      for (const child of node.children ?? []) if (child.role) walk(child);
    };
    walk((await page.getStructTree()) as StructNode);
  }
  return { read, artifacts: artifacts.filter(Boolean) };
}

/** The structure elements' types in the tree's order (pdf-lib, from the catalog's /StructTreeRoot). */
function structureTypes(doc: PDFDocument): { type: string; scope?: string }[] {
  const found: { type: string; scope?: string }[] = [];
  const visit = (object: unknown) => {
    const value = object instanceof PDFRef ? doc.context.lookup(object) : object;
    if (value instanceof PDFArray) for (const item of value.asArray()) visit(item);
    if (!(value instanceof PDFDict)) return;
    const type = value.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText();
    const attributes = value.lookupMaybe(PDFName.of('A'), PDFDict);
    const scope = attributes?.lookupMaybe(PDFName.of('Scope'), PDFName)?.decodeText();
    if (type) found.push({ type, ...(scope && { scope }) });
    visit(value.get(PDFName.of('K')));
  };
  visit(doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)?.get(PDFName.of('K')));
  return found;
}

const base = {
  code: 'ABCD-EFGH-JKMN',
  submittedAt: '2026-12-01T15:00:00.000Z',
  serviceTitle: 'Birth certificate',
  agencyName: 'Vital Records',
  strings,
};

describe('the answers as a document', () => {
  it.each([
    [
      'en',
      'en-US',
      'Birth certificate: what you sent',
      'Your answers',
      'Full name on the birth certificate',
      'May 1, 2019',
      'Page 1 of 1',
    ],
    [
      'es',
      'es-US',
      'Birth certificate: lo que envió',
      'Sus respuestas',
      'Nombre completo en el acta',
      '1 de mayo de 2019',
      'Página 1 de 1',
    ],
  ] as const)(
    'is a tagged PDF in %s: language, title shown, headings and a table of questions and answers in reading order',
    async (locale, lang, title, answersTitle, nameLabel, date, footer) => {
      const { form } = await compiledForm('birth-certificate-request@1'); // version 1: one page, the answers below
      const answers = {
        fullName: 'Ana Díaz',
        dateOfBirth: '2019-05-01',
        relationship: 'self',
        copies: 1,
        email: 'ana@example.com',
      };
      const bytes = await submissionPdf({ ...base, form, locale, answers });

      // The catalog: marked as tagged, a structure tree, the language, the title shown instead of the file name.
      const doc = await PDFDocument.load(bytes);
      const markInfo = doc.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
      expect(markInfo?.lookupMaybe(PDFName.of('Marked'), PDFBool)?.asBoolean()).toBe(true);
      expect(doc.catalog.lookupMaybe(PDFName.of('Lang'), PDFString)?.decodeText()).toBe(lang);
      const viewer = doc.catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
      expect(viewer?.lookupMaybe(PDFName.of('DisplayDocTitle'), PDFBool)?.asBoolean()).toBe(true);
      expect(doc.getTitle()).toBe(title);
      const types = structureTypes(doc);
      expect(types.slice(0, 6).map((element) => element.type)).toEqual(['Document', 'P', 'H1', 'P', 'P', 'H2']);
      expect(types.map((element) => element.type)).toContain('Table');
      // Each question is its row's header, so a reader announces it with the answer.
      const headers = types.filter((element) => element.type === 'TH');
      expect(headers.length).toBe(types.filter((element) => element.type === 'TD').length);
      expect(headers.every((element) => element.scope === 'Row')).toBe(true);

      // What a screen reader reads, in order; the page number is an artifact, not read between two answers.
      const { read, artifacts } = await tagsOf(bytes);
      expect(read.slice(0, 5)).toEqual([
        { role: 'P', text: 'Vital Records' },
        { role: 'H1', text: title },
        { role: 'P', text: expect.stringContaining('ABCD-EFGH-JKMN') },
        { role: 'P', text: expect.stringContaining(locale === 'es' ? 'de diciembre de 2026' : 'December 1, 2026') },
        { role: 'H2', text: answersTitle },
      ]);
      const cells = read.slice(5);
      expect(cells[0]).toEqual({ role: 'TH', text: expect.stringContaining(nameLabel) });
      expect(cells[1]).toEqual({ role: 'TD', text: 'Ana Díaz' });
      expect(cells).toContainEqual({ role: 'TD', text: date });
      expect(cells.every((cell, index) => cell.role === (index % 2 === 0 ? 'TH' : 'TD'))).toBe(true);
      expect(read.map((element) => element.text).join(' ')).not.toContain(footer);
      expect(artifacts).toEqual([`ABCD-EFGH-JKMN · ${footer}`]);
    },
  );

  it('embeds its fonts (PDF/UA wants every font embedded; the standard fonts cannot be)', async () => {
    const { form } = await compiledForm('birth-certificate-request@1'); // version 1: one page, the answers below
    const doc = await PDFDocument.load(await submissionPdf({ ...base, form, locale: 'es', answers: { fullName: 'Ñandú' } }));
    const fonts = doc.getPage(0).node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    const embedded = (fonts?.values() ?? []).map((ref) => {
      const font = doc.context.lookup(ref, PDFDict);
      const descendant = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0, PDFDict);
      const descriptor = descendant?.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
      return [font.lookupMaybe(PDFName.of('BaseFont'), PDFName)?.decodeText(), descriptor?.has(PDFName.of('FontFile2'))];
    });
    expect(embedded.length).toBe(2);
    for (const [name, hasFile] of embedded) {
      expect(name).toMatch(/PublicSans-(Regular|Bold)$/);
      expect(hasFile).toBe(true);
    }
  });

  it('tags every answer of a long form across its pages, each page numbered', async () => {
    const fields = Array.from({ length: 60 }, (_, i) => ({
      name: `q${i}`,
      type: 'text' as const,
      label: { en: `Question ${i}`, es: `Pregunta ${i}` },
      required: true,
    }));
    const form = { id: 'long', title: { en: 'Long', es: 'Larga' }, intro: { en: 'x', es: 'x' }, fields } as Form;
    const answers = Object.fromEntries(fields.map((field) => [field.name, `answer ${field.name}`]));
    const bytes = await submissionPdf({ ...base, form, locale: 'es', answers });
    const { read, artifacts } = await tagsOf(bytes);
    const { pages } = await textOf(bytes);
    expect(pages).toBeGreaterThan(1);
    const headers = read.filter((element) => element.role === 'TH').map((element) => element.text);
    expect(headers).toEqual(fields.map((field) => field.label.es));
    expect(read.filter((element) => element.role === 'TD').map((element) => element.text)).toEqual(
      fields.map((field) => `answer ${field.name}`),
    );
    expect(artifacts).toEqual(Array.from({ length: pages }, (_, i) => `ABCD-EFGH-JKMN · Página ${i + 1} de ${pages}`));
    // One table, however many pages it runs over.
    expect(structureTypes(await PDFDocument.load(bytes)).filter((element) => element.type === 'Table')).toHaveLength(1);
  });

  it('draws a character its font lacks as "?" instead of failing, and keeps accents', async () => {
    const { form } = await compiledForm('birth-certificate-request@1'); // version 1: one page, the answers below
    const bytes = await submissionPdf({
      ...base,
      form,
      locale: 'es',
      answers: {
        fullName: 'José 王 Núñez 😀',
        dateOfBirth: '2019-05-01',
        relationship: 'self',
        copies: 1,
        email: 'a@example.com',
      },
    });
    const { text } = await textOf(bytes);
    expect(text).toContain('José ? Núñez ?');
    expect(text).toContain('1 de mayo de 2019');
  });

  it('goes on to more pages for a long form, numbering them, and cuts a word too long for a line', async () => {
    const fields = Array.from({ length: 80 }, (_, i) => ({
      name: `q${i}`,
      type: 'text' as const,
      label: { en: `Question ${i}`, es: `Pregunta ${i}` },
      required: true,
    }));
    const form = { id: 'long', title: { en: 'Long', es: 'Larga' }, intro: { en: 'x', es: 'x' }, fields } as Form;
    const answers = Object.fromEntries(
      fields.map((field) => [field.name, `answer-${'x'.repeat(field.name === 'q0' ? 300 : 5)}`]),
    );
    const { text, pages } = await textOf(await submissionPdf({ ...base, form, locale: 'en', answers }));
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain('Question 79');
  });
});

describe("the agency's own PDF", () => {
  it('lists on its last page the answers the paper has no place for', async () => {
    const compiled = await compiledForm('change-of-address-request');
    const map = (compiled.pdfMap ?? []).filter((entry) => entry.question !== 'email');
    const bytes = await submissionPdf({
      ...base,
      form: compiled.form,
      locale: 'en',
      answers: {
        licenseNumber: 'D12345678',
        streetAddress: '1 Main St',
        city: 'Springfield',
        zipCode: '55501',
        email: 'ana@example.com',
      },
      agencyPdf: { bytes: new Uint8Array(readFileSync('functions/generated/forms/change-of-address-request.pdf')), map },
    });
    const { text, pages } = await textOf(bytes);
    expect(pages).toBe(2);
    expect(text).toContain('Answers the paper form has no place for');
    expect(text).toContain('ana@example.com');
    expect(text).toContain('1 Main St');
  });
});
