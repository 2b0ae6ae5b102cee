/**
 * Checks a real answer against the OpenAPI document the build wrote (functions/generated/openapi.json): the
 * status is one the operation lists, the content type is one listed for that status, a JSON body matches its
 * schema (ajv, draft 2020-12), and headers the document requires are there. Used by every test portal
 * (test/support/portal.ts checks each answer it served when it closes) and by the fuzzer.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

type Json = Record<string, unknown>;

export interface ObservedAnswer {
  /** The route's name in the route table (the operation's id). */
  route: string;
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface Response {
  $ref?: string;
  content?: Record<string, { schema?: Json }>;
  headers?: Record<string, { required?: boolean }>;
}

interface Operation {
  responses: Record<string, Response>;
}

export function loadOpenApi(): Json {
  return JSON.parse(readFileSync(new URL('../../functions/generated/openapi.json', import.meta.url), 'utf8')) as Json;
}

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

export function contractChecker(document: Json = loadOpenApi()) {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
  ajv.addSchema(document, 'openapi');
  const operations = new Map<string, { path: string; method: string; operation: Operation }>();
  for (const [path, item] of Object.entries(
    document.paths as Record<string, Record<string, Operation & { operationId: string }>>,
  ))
    for (const [method, operation] of Object.entries(item)) operations.set(operation.operationId, { path, method, operation });
  const validators = new Map<string, ValidateFunction>();

  function validatorFor(ref: string): ValidateFunction {
    let validate = validators.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: `openapi#/${ref}` });
      validators.set(ref, validate);
    }
    return validate;
  }

  /** What is wrong with the answer, in one line each; empty when it matches the document. */
  function problemsWith(answer: ObservedAnswer): string[] {
    const where = `${answer.route} (${answer.method} ${answer.path}) answered ${answer.status}`;
    const found = operations.get(answer.route);
    if (!found) return [`${where}: the document has no operation "${answer.route}"`];
    const listed = found.operation.responses[String(answer.status)];
    if (!listed)
      return [`${where}: the document lists only ${Object.keys(found.operation.responses).join(', ')} for this operation`];
    // A shared answer (components/responses, e.g. the gateway's 429) is referred to, not repeated.
    const shared = listed.$ref?.replace('#/components/responses/', '');
    const response = shared ? (document.components as { responses: Record<string, Response> }).responses[shared] : listed;
    if (!response) return [`${where}: the document refers to ${listed.$ref}, which it does not have`];
    const problems: string[] = [];
    for (const [name, header] of Object.entries(response.headers ?? {}))
      if (header.required && answer.headers[name.toLowerCase()] === undefined)
        problems.push(`${where} without the ${name} header`);
    const type = (answer.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const content = response.content ?? {};
    if (answer.body === '') return problems;
    if (!content[type]) {
      problems.push(
        `${where} with ${type || 'no content type'}; the document lists ${Object.keys(content).join(', ') || 'no body'}`,
      );
      return problems;
    }
    if (type !== 'application/json') return problems;
    let value: unknown;
    try {
      value = JSON.parse(answer.body);
    } catch {
      return [...problems, `${where} with a body that is not JSON`];
    }
    const ref = shared
      ? pointer('components', 'responses', shared, 'content', type, 'schema')
      : pointer('paths', found.path, found.method, 'responses', String(answer.status), 'content', type, 'schema');
    const validate = validatorFor(ref);
    if (!validate(value))
      problems.push(
        `${where} with a body that does not match the document: ${ajv.errorsText(validate.errors)} — ${answer.body.slice(0, 300)}`,
      );
    return problems;
  }

  return { problemsWith, operations };
}
