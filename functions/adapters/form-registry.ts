/**
 * Finds a form's compiled module (JSON Schema validator + definition) by id. One module per form, loaded
 * on first use and kept: start-up cost does not grow with the number of forms an agency has.
 */
import { pathToFileURL } from 'node:url';
import type { CompiledForm } from '#domain/submissions';
import { config } from '#shared/config';

const FORM_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const loaded = new Map<string, CompiledForm>();
const formsUrl = pathToFileURL(config.formsDir.endsWith('/') ? config.formsDir : `${config.formsDir}/`);

export async function findCompiledForm(formId: string): Promise<CompiledForm | undefined> {
  if (formId.length > 100 || !FORM_ID.test(formId)) return undefined;
  const cached = loaded.get(formId);
  if (cached) return cached;
  let module: CompiledForm;
  try {
    module = (await import(new URL(`${formId}.js`, formsUrl).href)) as CompiledForm;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
  loaded.set(formId, module);
  return module;
}
