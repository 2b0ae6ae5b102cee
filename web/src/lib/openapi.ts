/**
 * The API's OpenAPI document for the reference page, built from the same sources as the one the API serves
 * (functions/contracts/openapi.ts): Vite's glob import stands in for the build's import by handler name.
 */
import { buildOpenApi, type ContractModules } from '../../../functions/contracts/openapi.ts';
import packageJson from '../../../package.json' with { type: 'json' };
import { catalog } from './catalog.ts';

const modules = import.meta.glob<ContractModules[string]>('../../../functions/contracts/*.ts', { eager: true });
const contracts: ContractModules = Object.fromEntries(
  Object.entries(modules).map(([file, module]) => [file.replace(/^.*\//, '').replace(/\.ts$/, ''), module]),
);

export const openApi = buildOpenApi({ forms: [...catalog.forms.values()], contracts, version: packageJson.version });
