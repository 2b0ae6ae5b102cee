/**
 * NodejsFunction afterBundling hook: `node ship-forms.ts <bundle dir> <forms dir>`. When the bundle contains
 * the form registry (esbuild's metafile says so), copy the per-form modules beside it (generated/forms/),
 * where FORMS_DIR points; functions that never load a form stay small. The bundle that makes "a PDF of what
 * was sent" also gets the agencies' own PDFs and the fonts the PDF embeds (generated/fonts/, where
 * PDF_FONTS_DIR points; functions/shared/pdf-fonts.ts). The metafile itself is not shipped.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDF_FONT_FILES, PDF_FONTS_SOURCE_DIR, SHIPPED_FONTS_DIR } from '../../functions/shared/pdf-fonts.ts';

export const FORM_REGISTRY_SOURCE = 'functions/adapters/form-registry.ts';
/** Only the function that makes "a PDF of what was sent" reads the agencies' own PDFs (<form-id>.pdf). */
export const SUBMISSION_PDF_SOURCE = 'functions/adapters/submission-pdf.ts';
/** Where the forms go inside the bundle, relative to its root (/var/task on Lambda). */
export const SHIPPED_FORMS_DIR = 'generated/forms';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function shipForms(bundleDir: string, formsDir: string): boolean {
  const metafile = join(bundleDir, 'index.meta.json');
  const inputs = existsSync(metafile) ? Object.keys(JSON.parse(readFileSync(metafile, 'utf8')).inputs ?? {}) : [];
  rmSync(metafile, { force: true });
  const has = (source: string) => inputs.some((input) => input.replaceAll('\\', '/').endsWith(source));
  const needsForms = has(FORM_REGISTRY_SOURCE);
  const needsPdfs = has(SUBMISSION_PDF_SOURCE);
  if (needsForms)
    cpSync(formsDir, join(bundleDir, SHIPPED_FORMS_DIR), {
      recursive: true,
      filter: (source) => needsPdfs || !source.endsWith('.pdf'),
    });
  if (needsPdfs) {
    mkdirSync(join(bundleDir, SHIPPED_FONTS_DIR), { recursive: true });
    for (const file of Object.values(PDF_FONT_FILES))
      cpSync(join(ROOT, PDF_FONTS_SOURCE_DIR, file), join(bundleDir, SHIPPED_FONTS_DIR, file));
  }
  return needsForms;
}

if (import.meta.main) {
  const [bundleDir, formsDir] = process.argv.slice(2);
  if (!bundleDir || !formsDir) throw new Error('usage: node ship-forms.ts <bundle dir> <forms dir>');
  shipForms(bundleDir, formsDir);
}
