/** The real generated per-form modules (built by `npm run build`), for tests of the rules that use them. */
import { pathToFileURL } from 'node:url';
import type { CompiledForm } from '#domain/submissions';
import { strings as builtStrings } from '#generated/site.js';

export const strings = builtStrings;

export async function compiledForm(formId: string): Promise<CompiledForm> {
  const url = pathToFileURL(new URL(`../../functions/generated/forms/${formId}.js`, import.meta.url).pathname);
  return (await import(url.href)) as CompiledForm;
}
