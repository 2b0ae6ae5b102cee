/** Each handler's contracts module, imported by handler name (the build and tests; the site uses Vite's glob import). */
import { existsSync } from 'node:fs';
import { type Route, routes } from '#http/routes';
import type { Contracts } from './contract.ts';
import type { ContractModules } from './openapi.ts';

export async function loadContracts(table: readonly Route[] = routes): Promise<ContractModules> {
  const handlers = [...new Set(table.map((route) => route.handler))];
  const entries = await Promise.all(
    handlers.map(async (handler) => {
      const file = new URL(`./${handler}.ts`, import.meta.url);
      if (!existsSync(file)) return [handler, undefined] as const;
      return [handler, (await import(file.href)) as { default: Contracts }] as const;
    }),
  );
  return Object.fromEntries(entries);
}
