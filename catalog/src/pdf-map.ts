/**
 * A form imported from an agency's fillable PDF keeps the PDF (catalog/pdf-forms/<form-id>.pdf) and this
 * mapping (catalog/pdf-forms/<form-id>.json): which question fills which PDF field. `npm run import-pdf` writes
 * both; the function that makes "a PDF of what was sent" fills the agency's own PDF with it.
 */
import { z } from 'zod';

export const PdfFieldMapSchema = z.strictObject({
  /** The question (a field name of the form). */
  question: z.string().min(1),
  /** The PDF fields it fills: usually one; a question the paper asks twice (a name in the caption and the body) fills each. */
  pdfFields: z.array(z.string().min(1)).min(1),
  kind: z.enum(['text', 'checkbox', 'radio', 'select']),
  /** Radio and drop-down answers: the form's option value → the PDF's own export value or choice. */
  options: z.record(z.string(), z.string()).optional(),
});
export type PdfFieldMap = z.infer<typeof PdfFieldMapSchema>;

export const PdfMapSchema = z.strictObject({
  /** The form it belongs to (its file is catalog/forms/<form>.json). */
  form: z.string().min(1),
  /** The PDF's file name beside this mapping. */
  pdf: z.string().regex(/^[a-z0-9-]+\.pdf$/, 'Name the PDF like "name-change-petition.pdf"'),
  fields: z.array(PdfFieldMapSchema).min(1),
});
export type PdfMap = z.infer<typeof PdfMapSchema>;

/**
 * Marks a Spanish text the import wrote in English for a person to translate. The catalog check refuses it
 * (a form is published in both languages or not at all), naming each text still to translate.
 */
export const TRANSLATE_MARK = '[translate] ';
