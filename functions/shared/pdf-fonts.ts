/**
 * The typeface of "the answers as a document" (decision 0132): Public Sans, the site's own (SIL Open Font License
 * 1.1, shipped in @uswds/uswds), embedded in the PDF — PDF/UA wants every font embedded, and the standard
 * fonts cannot be. Locally the files are read where npm put them; infra/bundling/ship-forms.ts copies them into
 * the one bundle that makes the PDF, where PDF_FONTS_DIR points.
 */
import { fileURLToPath } from 'node:url';

/** Relative to the repository's root. */
export const PDF_FONTS_SOURCE_DIR = 'node_modules/@uswds/uswds/packages/uswds-core/src/assets/fonts/public-sans';
export const PDF_FONT_FILES = { regular: 'PublicSans-Regular.ttf', bold: 'PublicSans-Bold.ttf' } as const;
/** Where the fonts go inside the bundle, relative to its root (/var/task on Lambda). */
export const SHIPPED_FONTS_DIR = 'generated/fonts';

/** Where the fonts are: PDF_FONTS_DIR (set by infra), else npm's copy (the local runtime, tests). */
export function pdfFontsDir(): string {
  return process.env.PDF_FONTS_DIR || fileURLToPath(new URL(`../../${PDF_FONTS_SOURCE_DIR}/`, import.meta.url));
}
