/**
 * Reads what the importer needs from a fillable PDF: its fields with their widgets (pdf-lib) and the words printed
 * on each page with their positions (unpdf's pdfjs). A PDF that cannot be read throws UnreadablePdfError with one
 * sentence for the person running the import.
 */
import {
  PDFCheckBox,
  PDFDocument,
  PDFDropdown,
  PDFHexString,
  PDFName,
  PDFOptionList,
  PDFRadioGroup,
  type PDFRef,
  PDFString,
  PDFTextField,
} from 'pdf-lib';
import { getDocumentProxy } from 'unpdf';
import type { Rect, TextRun } from './labels.ts';

export class UnreadablePdfError extends Error {
  override name = 'UnreadablePdfError';
}

export type PdfFieldKind = 'text' | 'checkbox' | 'radio' | 'select';

export interface PdfField {
  name: string;
  kind: PdfFieldKind;
  tooltip?: string;
  required: boolean;
  maxLength?: number;
  multiline: boolean;
  /** Radio buttons' export values and drop-downs' choices, in order. */
  options: string[];
  /** Each widget, on its page (0-based), in the order the PDF lists them; a radio group has one per button. */
  widgets: { page: number; rect: Rect; option?: string }[];
}

export interface SkippedField {
  name: string;
  why: string;
}

export interface ReadPdf {
  title?: string;
  pageCount: number;
  fields: PdfField[];
  skipped: SkippedField[];
  /** The page's text runs, one list per page. */
  text: TextRun[][];
}

function textOf(value: unknown): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText().trim() || undefined;
  return undefined;
}

export async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  try {
    // throwOnInvalidObject: a broken object is an error here, not a line pdf-lib prints and skips.
    return await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'EncryptedPDFError' || /encrypt/i.test((error as Error).message))
      throw new UnreadablePdfError('it is encrypted (password-protected): ask the agency for a copy without a password');
    throw new UnreadablePdfError(
      'it is damaged or not a PDF (pdf-lib could not parse it): open it in a PDF reader and save it again',
    );
  }
}

export async function readPdf(bytes: Uint8Array, onPage?: (page: number, pages: number) => void): Promise<ReadPdf> {
  const doc = await loadPdf(bytes);
  let all: ReturnType<ReturnType<PDFDocument['getForm']>['getFields']>;
  try {
    all = doc.getForm().getFields();
  } catch {
    throw new UnreadablePdfError('its form fields are damaged: open it in a PDF reader and save it again');
  }
  if (all.length === 0) throw new UnreadablePdfError('it has no form fields to fill in (it is not a fillable PDF)');

  // Which page each widget sits on: its /P when the PDF sets one, else the page whose /Annots lists it.
  const pages = doc.getPages();
  const pageOfRef = new Map<string, number>();
  pages.forEach((page, index) => {
    pageOfRef.set(page.ref.toString(), index);
    const annots = page.node.Annots();
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const ref = annots?.get(i);
      if (ref) pageOfRef.set(`annot ${ref.toString()}`, index);
    }
  });

  const fields: PdfField[] = [];
  const skipped: SkippedField[] = [];
  for (const field of all) {
    const name = field.getName();
    const kind: PdfFieldKind | undefined =
      field instanceof PDFTextField
        ? 'text'
        : field instanceof PDFCheckBox
          ? 'checkbox'
          : field instanceof PDFRadioGroup
            ? 'radio'
            : field instanceof PDFDropdown || field instanceof PDFOptionList
              ? 'select'
              : undefined;
    if (!kind) {
      skipped.push({ name, why: `a ${field.constructor.name.replace(/^PDF/, '').toLowerCase()} (nothing to answer)` });
      continue;
    }
    const widgets = field.acroField.getWidgets().map((widget) => {
      const ref = doc.context.getObjectRef(widget.dict) as PDFRef | undefined;
      const onPage = widget.P();
      const page = (onPage && pageOfRef.get(onPage.toString())) ?? (ref && pageOfRef.get(`annot ${ref.toString()}`)) ?? 0;
      const r = widget.getRectangle();
      const option = kind === 'radio' ? widget.getOnValue()?.decodeText() : undefined;
      return { page, rect: { x: r.x, y: r.y, width: r.width, height: r.height }, ...(option && { option }) };
    });
    if (widgets.length === 0) {
      skipped.push({ name, why: 'it has no box on any page' });
      continue;
    }
    const tooltip = textOf(field.acroField.dict.lookup(PDFName.of('TU')));
    const options =
      field instanceof PDFRadioGroup
        ? field.getOptions()
        : field instanceof PDFDropdown || field instanceof PDFOptionList
          ? field.getOptions()
          : [];
    const maxLength = field instanceof PDFTextField ? field.getMaxLength() : undefined;
    fields.push({
      name,
      kind,
      ...(tooltip && { tooltip }),
      required: field.isRequired(),
      ...(maxLength !== undefined && { maxLength }),
      multiline: field instanceof PDFTextField && field.isMultiline(),
      options,
      widgets,
    });
  }

  const text: TextRun[][] = [];
  try {
    const proxy = await getDocumentProxy(new Uint8Array(bytes));
    for (let number = 1; number <= proxy.numPages; number++) {
      const content = await (await proxy.getPage(number)).getTextContent();
      text.push(
        content.items.flatMap((item) =>
          'str' in item && item.str.trim()
            ? [{ text: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height }]
            : [],
        ),
      );
      onPage?.(number, proxy.numPages);
    }
    await proxy.cleanup();
  } catch {
    throw new UnreadablePdfError("its pages' text could not be read (pdfjs failed): open it in a PDF reader and save it again");
  }
  const title = doc.getTitle()?.trim();
  return { ...(title && { title }), pageCount: pages.length, fields, skipped, text };
}
