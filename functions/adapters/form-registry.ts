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

/**
 * The form's current version, or (`version`, from a draft or a submission) the version the answers are to: an
 * older published version keeps its own module (`<id>@<version>.js`, decision 0085). A version the build does not
 * know (never published) is answered with the current one.
 */
export async function findCompiledForm(formId: string, version?: number | undefined): Promise<CompiledForm | undefined> {
  if (formId.length > 100 || !FORM_ID.test(formId)) return undefined;
  const current = await loadModule(formId);
  if (!current || version === undefined || current.form.version === version) return current;
  if (!Number.isInteger(version) || version < 1 || version > current.form.version) return current;
  return (await loadModule(`${formId}@${version}`)) ?? current;
}

/**
 * The form's current version and every earlier published version the build kept, newest first (an export or a
 * report that covers submissions of every version).
 */
export async function findEveryVersion(formId: string): Promise<CompiledForm[]> {
  const current = await findCompiledForm(formId);
  if (!current) return [];
  const earlier = await Promise.all(
    Array.from({ length: current.form.version - 1 }, (_, at) => loadModule(`${formId}@${current.form.version - 1 - at}`)),
  );
  return [current, ...earlier.filter((version) => version !== undefined)];
}

async function loadModule(name: string): Promise<CompiledForm | undefined> {
  const cached = loaded.get(name);
  if (cached) return cached;
  let module: CompiledForm;
  try {
    module = (await import(new URL(`${name}.js`, formsUrl).href)) as CompiledForm;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
  loaded.set(name, module);
  return module;
}
