/** The PDF of what was sent, read back with unpdf: what it says when the answers are unusual. */
import { readFileSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { submissionPdf } from '#adapters/submission-pdf';
import type { Form } from '#catalog/schema';
import { compiledForm, strings } from '../../support/forms.ts';

async function textOf(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const pdf = await getDocumentProxy(bytes);
  const { text } = await extractText(pdf, { mergePages: true });
  return { text: text.replace(/\s+/g, ' '), pages: pdf.numPages };
}

const base = {
  code: 'ABCD-EFGH-JKMN',
  submittedAt: '2026-12-01T15:00:00.000Z',
  serviceTitle: 'Birth certificate',
  agencyName: 'Vital Records',
  strings,
};

describe('the answers as a document', () => {
  it('draws a character the standard fonts lack as "?" instead of failing, and keeps accents', async () => {
    const { form } = await compiledForm('birth-certificate-request');
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
