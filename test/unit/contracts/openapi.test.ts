/**
 * The OpenAPI document: every route of the route table is described (a route without a contract fails here,
 * by name), the document passes Redocly's strictest built-in rules, and the one the API serves is this one.
 */
import { readFileSync } from 'node:fs';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { conditionsOf } from '#catalog/form-schema';
import { loadCatalog } from '#catalog/load';
import { authorizationScopesFor, type Route, routes } from '#http/routes';
import { loadContracts } from '../../../functions/contracts/load.ts';
import {
  buildOpenApi,
  type ContractModules,
  MissingContractError,
  missingContracts,
} from '../../../functions/contracts/openapi.ts';

// biome-ignore lint/suspicious/noExplicitAny: the document is walked as plain JSON in assertions
type Json = Record<string, any>;
const catalog = loadCatalog();
const version = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;
let contracts: ContractModules;
let document: Json;

beforeAll(async () => {
  contracts = await loadContracts();
  document = buildOpenApi({ forms: [...catalog.forms.values()], contracts, version });
});

const operations = () =>
  Object.entries(document.paths as Record<string, Json>).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method, operation: operation as Json })),
  );

describe('the OpenAPI document', () => {
  it('describes every route of the route table (each handler declares its answers in functions/contracts/)', () => {
    expect(missingContracts(contracts)).toEqual([]);
  });

  it('names a route that has no contract, and the file to add it to', () => {
    const newRoute: Route = {
      name: 'exportCases',
      method: 'GET',
      path: '/api/agency/{agency}/export',
      handler: 'export-cases',
      auth: 'staff',
      tableAccess: 'read',
      summary: 'Staff export their cases',
    };
    const problems = missingContracts(contracts, [...(routes as readonly Route[]), newRoute]);
    expect(problems).toEqual([expect.stringContaining('Route "exportCases" (GET /api/agency/{agency}/export) has no contract')]);
    expect(problems[0]).toContain('functions/contracts/export-cases.ts');
    expect(() => buildOpenApi({ forms: [], contracts, version, routes: [newRoute] })).toThrow(MissingContractError);
  });

  it('has one operation per route, named by the route, with the scopes API Gateway requires', () => {
    const byName = new Map(
      operations().map(({ path, method, operation }) => [operation.operationId, { path, method, operation }]),
    );
    expect([...byName.keys()].sort()).toEqual(routes.map((r) => r.name).sort());
    for (const route of routes as readonly Route[]) {
      const found = byName.get(route.name)!;
      expect(`${found.method.toUpperCase()} ${found.path}`).toBe(`${route.method} ${route.path}`);
      const scopes = authorizationScopesFor(route);
      const scheme = route.credentials === 'session' ? { staffSession: [] } : { accessToken: scopes };
      expect(found.operation.security, route.name).toEqual(scopes ? [scheme] : []);
      expect(Object.keys(found.operation.responses), route.name).toContain('500');
      if (scopes) expect(Object.keys(found.operation.responses), route.name).toContain('401');
    }
  });

  it("takes each form's answers from the catalog, the same schema the build compiles validators from", () => {
    const submit = operations().find(({ operation }) => operation.operationId === 'submitForm')!.operation;
    const byForm = submit.requestBody.content['application/json'].schema['x-answers-schema-by-form'] as Record<string, string>;
    expect(Object.keys(byForm).sort()).toEqual([...catalog.forms.keys()].sort());
    const [formId] = [...catalog.forms.keys()];
    const schema = document.components.schemas[`answers-${formId}`];
    const form = catalog.forms.get(formId!)!;
    // Required always: the required questions asked whatever the earlier answers (the others are required by
    // their condition's `if`/`then`, decision 0080).
    const conditional = conditionsOf(form);
    expect(conditional.size).toBeGreaterThan(0);
    expect(schema.required).toEqual(form.fields.filter((f) => f.required && !conditional.has(f.name)).map((f) => f.name));
  });

  it('passes Redocly recommended-strict with no errors and no warnings', async () => {
    // no-ambiguous-paths: /api/agency/{agency}/cases and /api/agency/cases/{code} both match only
    // /api/agency/cases/cases, and "cases" is never a confirmation code (they are XXXX-XXXX-XXXX), so no real
    // request is ambiguous. Renaming a route path is the route table's owner's call, not the document's.
    // no-required-schema-properties-undefined: a form's conditions compile to `if`/`then` subschemas that
    // require a question the form's own `properties` define one level up; the rule reads each subschema alone.
    // operation-2xx-response: the sign-in and sign-out and the workspace's forms answer only redirects (303, as a
    // form post should); the test below asks every operation for a success or a redirect instead.
    const config = await createConfig({
      extends: ['recommended-strict'],
      rules: {
        'no-ambiguous-paths': 'off',
        'no-required-schema-properties-undefined': 'off',
        'operation-2xx-response': 'off',
      },
    });
    const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
  });

  it('gives every operation a success or a redirect', () => {
    for (const { operation } of operations())
      expect(
        Object.keys(operation.responses).some((code) => /^[23]/.test(code)),
        operation.operationId,
      ).toBe(true);
  });

  it('is the document the API serves (built by npm run build)', async () => {
    const { openApiJson } = await import('#generated/openapi.js');
    expect(JSON.parse(openApiJson)).toEqual(document);
  });
});
