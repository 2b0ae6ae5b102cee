/**
 * The one knob for which catalog folder the build, the checks and the importer read: CATALOG_DIR (a path, relative
 * to the working folder), or the repository's catalog/ when it is unset. The 1,000-form bench points it at a
 * generated catalog in a temporary folder.
 */
import { resolve } from 'node:path';
import { CATALOG_DIR } from '../catalog/src/load.ts';

export function catalogDir(): string {
  const chosen = process.env.CATALOG_DIR;
  return chosen ? resolve(chosen) : CATALOG_DIR;
}
