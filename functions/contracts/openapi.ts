/**
 * The OpenAPI 3.1 document, built from the route table (paths, methods, auth and scopes), the catalog's forms
 * (each form's answers schema, the same one the build compiles validators from) and the contracts next to each
 * handler (./<handler>.ts: what each route answers). Run by the build (scripts/build.ts writes it for the
 * function that serves it) and by the site's reference page; nothing here runs in a function.
 *
 * Hand-written rather than a zod-to-OpenAPI library: the document's shape follows the route table, not zod
 * schemas, and the part zod does not know (auth, the answers every route gives) is most of it. zod's own
 * `toJSONSchema` turns the contracts' bodies into JSON Schema 2020-12, which OpenAPI 3.1 uses as is.
 */

import { jsonSchemaFor } from '#catalog/form-schema';
import type { Form } from '#catalog/schema';
import { authorizationScopesFor, type Route, routes, SESSION_COOKIE } from '#http/routes';
import { agencyEventSchemas } from './agency-events.ts';
import { type Answer, type Contracts, ErrorBody, type Parameter, type RouteContract, z } from './contract.ts';

type Json = Record<string, unknown>;

/** A handler's contracts module, by handler name (what `loadContracts` or Vite's glob import gives). */
export type ContractModules = Record<string, { default: Contracts } | undefined>;

export class MissingContractError extends Error {
  override name = 'MissingContractError';
}

/** The routes no contract describes, each as a sentence naming the route and the file to add it to. */
export function missingContracts(modules: ContractModules, table: readonly Route[] = routes): string[] {
  return table
    .filter((route) => !modules[route.handler]?.default[route.name as keyof Contracts])
    .map(
      (route) =>
        `Route "${route.name}" (${route.method} ${route.path}) has no contract: add \`${route.name}: { responses: … }\` ` +
        `to the default export of functions/contracts/${route.handler}.ts (see functions/contracts/contract.ts)`,
    );
}

const TAGS = [
  { name: 'Public', description: 'Anyone: no sign-in' },
  { name: 'Signed-in people', description: "A person's own records: a Cognito access token (scope `openid`)" },
  {
    name: 'Agency staff',
    description: "The workspace: a staff member's access token (scope `openid`, group `staff:<agency>`)",
  },
  { name: 'Agency systems', description: 'Machine clients: client-credentials tokens with a `frontdoor/<name>` scope' },
  {
    name: 'Agency events',
    description:
      "What the portal publishes on its EventBridge bus (source `front-door`, the event's name as detail-type): " +
      'subscribe with a rule, or an API destination that receives each event as the request described here',
  },
];

function tagOf(route: Route): string {
  if (route.auth === 'public') return 'Public';
  if (route.auth === 'citizen') return 'Signed-in people';
  if (route.auth === 'staff' || route.auth.startsWith('staff:')) return 'Agency staff';
  return 'Agency systems';
}

/** zod → JSON Schema 2020-12, with named schemas moved to components and their references pointed there. */
function schemaCollector() {
  const components: Record<string, Json> = {};
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== 'object') return value;
    const out: Json = {};
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$schema' || key === '$defs') continue;
      out[key] =
        key === '$ref' && typeof inner === 'string' ? inner.replace('#/$defs/', '#/components/schemas/') : rewrite(inner);
    }
    return out;
  };
  function toJson(schema: z.ZodType, io: 'input' | 'output'): Json {
    const converted = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
    for (const [id, definition] of Object.entries((converted.$defs ?? {}) as Record<string, Json>)) {
      const cleaned = rewrite(definition) as Json;
      delete cleaned.id;
      const known = components[id];
      if (known && JSON.stringify(known) !== JSON.stringify(cleaned))
        throw new Error(`Two different schemas are both named "${id}" in functions/contracts/: rename one`);
      components[id] = cleaned;
    }
    const top = rewrite(converted) as Json;
    delete top.id;
    return top;
  }
  return { components, toJson };
}

const GATEWAY_ERROR = {
  type: 'object',
  description: "API Gateway's own answer, given before any function runs",
  properties: { message: { type: 'string' } },
  required: ['message'],
  additionalProperties: false,
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const HTML = { 'text/html': { schema: { type: 'string' } } };

/**
 * API Gateway's throttle and the firewall's rate rule answer 429 before any function runs; the portal itself never
 * answers 429 (its busy answer is the 503). Exactly what arrives, on AWS, through CloudFront:
 * - the gateway (a route over its rate: infra/constructs/route-throttling.ts) sends `{"message":"Too Many Requests"}`
 *   as application/json with no Retry-After; the busy page at the edge (infra/edge/busy-page, decision 0129) adds
 *   `Retry-After: 60` (GATEWAY_RETRY_AFTER_SECONDS) and, for a browser (Accept: text/html, or a plain form post),
 *   replaces the JSON with a plain page in both languages, still 429;
 * - the firewall's per-IP rate rule (infra/constructs/web-acl.ts) answers its own text/plain message in both
 *   languages with `Retry-After: 300` (FIREWALL_RETRY_AFTER_SECONDS), to every client: it answers at the viewer,
 *   so the edge function never sees it. The payment provider's webhook is exempt from it (FIREWALL_EXEMPT_HANDLERS).
 * Tests keep these equal to infra's (test/unit/contracts/gateway-answers.test.ts).
 */
export const GATEWAY_RETRY_AFTER_SECONDS = 60;
export const FIREWALL_RETRY_AFTER_SECONDS = 300;
export const FIREWALL_EXEMPT_HANDLERS: readonly string[] = ['receive-payment-webhook'];
const GATEWAY_THROTTLE = {
  type: 'object',
  description: "API Gateway's own answer when the route is over its rate: always this one message",
  properties: { message: { type: 'string', const: 'Too Many Requests' } },
  required: ['message'],
  additionalProperties: false,
};
function tooManyRequests(firewall: boolean): Json {
  return {
    description:
      'Too many requests: nothing was done. API Gateway refused it because the route is over its rate (JSON for API ' +
      'clients; a plain page in both languages for browsers and plain form posts)' +
      (firewall ? ", or the firewall's per-IP rate rule blocked the address for a while (plain text, every client)" : '') +
      '. Send it again after Retry-After seconds, with the same Idempotency-Key.',
    headers: {
      'retry-after': {
        description: `Seconds to wait: ${GATEWAY_RETRY_AFTER_SECONDS} after the gateway's throttle (added at the edge: the gateway sends none)${firewall ? `, ${FIREWALL_RETRY_AFTER_SECONDS} after the firewall's rate rule` : ''}`,
        required: true,
        schema: { type: 'string' },
      },
    },
    content: {
      'application/json': { schema: ref('GatewayThrottle'), example: { message: 'Too Many Requests' } },
      ...HTML,
      ...(firewall && { 'text/plain': { schema: { type: 'string' } } }),
    },
  };
}
const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

/** What every route answers besides its own contract (the contract wins where it names the same status). */
function commonAnswers(route: Route, contract: RouteContract): Record<number, Json> {
  const errorContent = (json: Json = ref('Error')) => ({ 'application/json': { schema: json }, ...HTML });
  const either = { anyOf: [ref('Error'), ref('GatewayError')] };
  const answers: Record<number, Json> = {
    403: {
      description: 'The request did not come through the portal (on AWS), or the caller may not do this',
      content: errorContent(),
    },
    429: responseRef(FIREWALL_EXEMPT_HANDLERS.includes(route.handler) ? 'TooManyRequestsGatewayOnly' : 'TooManyRequests'),
    500: {
      description: 'Something failed on our side: nothing internal is shown; quote `requestId`',
      content: errorContent(either),
    },
  };
  if (route.credentials === 'session' && route.method === 'GET')
    answers[303] = {
      description: 'No valid workspace cookie: to the staff sign-in, which comes back to this page',
      headers: { location: { description: 'The staff sign-in', required: true, schema: { type: 'string' } } },
    };
  if (authorizationScopesFor(route))
    answers[401] = {
      description: 'No valid access token (the gateway), or the route needs a person signed in',
      headers: { 'www-authenticate': { description: 'The scopes the route needs', schema: { type: 'string' } } },
      content: errorContent(either),
    };
  if (route.tableAccess !== 'none')
    answers[503] = {
      description:
        'The data store did not answer in time, or is busy: try again after Retry-After seconds (a write that went through is not made twice: send the same Idempotency-Key)',
      headers: {
        'retry-after': { description: 'Seconds to wait before trying again', required: true, schema: { type: 'string' } },
      },
      content: errorContent(),
    };
  if (contract.request) {
    answers[400] = { description: 'The body is empty, not UTF-8, or not JSON', content: errorContent() };
    answers[413] = { description: 'The body is over 256 KB (the gateway refuses over 10 MB)', content: errorContent(either) };
    answers[415] = {
      description: 'The body is neither application/json nor application/x-www-form-urlencoded',
      content: errorContent(),
    };
  }
  return answers;
}

function parameterOf(name: string, place: 'query' | 'header', parameter: Parameter, toJson: (s: z.ZodType) => Json): Json {
  return {
    name,
    in: place,
    description: parameter.description,
    required: parameter.required ?? false,
    schema: parameter.schema ? toJson(parameter.schema) : { type: 'string' },
  };
}

function answerOf(answer: Answer, toJson: (s: z.ZodType) => Json): Json {
  const headers: Json = {};
  if (answer.redirect) headers.location = { description: 'Where to go next', required: true, schema: { type: 'string' } };
  for (const [name, description] of Object.entries(answer.headers ?? {}))
    headers[name] = { description, schema: { type: 'string' } };
  const content: Json = {};
  if (answer.json) content['application/json'] = { schema: toJson(answer.json) };
  if (answer.html) Object.assign(content, HTML);
  if (answer.file) content[answer.file] = { schema: { type: 'string' } };
  return {
    description: answer.description,
    ...(Object.keys(headers).length > 0 && { headers }),
    ...(Object.keys(content).length > 0 && { content }),
  };
}

/**
 * A form's answers schema as a component: its `$defs` references point at the components, and a boolean
 * subschema (`then: true`, what a condition that asks nothing more compiles to) is written as the object OpenAPI's
 * schema type allows (`{}` means the same).
 */
function formSchemaPart(value: unknown, key?: string): unknown {
  if (typeof value === 'boolean' && key !== undefined && SUBSCHEMA_KEYS.has(key)) return value ? {} : { not: {} };
  if (Array.isArray(value)) return value.map((item) => formSchemaPart(item));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, inner]) => [
      k,
      k === '$ref' && typeof inner === 'string'
        ? inner.replace('#/$defs/', '#/components/schemas/answer-')
        : formSchemaPart(inner, k),
    ]),
  );
}
const SUBSCHEMA_KEYS = new Set(['if', 'then', 'else', 'not', 'items', 'additionalProperties']);

export interface OpenApiInput {
  forms: readonly Form[];
  contracts: ContractModules;
  version: string;
  routes?: readonly Route[];
}

export function buildOpenApi(input: OpenApiInput): Json {
  const table: readonly Route[] = input.routes ?? routes;
  const missing = missingContracts(input.contracts, table);
  if (missing.length > 0) throw new MissingContractError(missing.join('\n'));
  const { components, toJson } = schemaCollector();
  const output = (s: z.ZodType) => toJson(s, 'output');
  const inputSchema = (s: z.ZodType) => toJson(s, 'input');
  toJson(ErrorBody, 'output');
  components.GatewayError = GATEWAY_ERROR;
  components.GatewayThrottle = GATEWAY_THROTTLE;
  const exempt = table.some((route) => FIREWALL_EXEMPT_HANDLERS.includes(route.handler));
  const sharedResponses: Json = {
    TooManyRequests: tooManyRequests(true),
    ...(exempt && { TooManyRequestsGatewayOnly: tooManyRequests(false) }),
  };

  const forms = [...input.forms].sort((a, b) => a.id.localeCompare(b.id));
  for (const form of forms) {
    const { $schema: _s, $id: _i, $defs, ...schema } = jsonSchemaFor(form) as Json;
    // The answer types forms share (an address, a name) become components of their own, named `answer-<type>`.
    for (const [name, definition] of Object.entries(($defs ?? {}) as Record<string, Json>)) {
      const id = `answer-${name}`;
      const cleaned = formSchemaPart(definition) as Json;
      if (components[id] && JSON.stringify(components[id]) !== JSON.stringify(cleaned))
        throw new Error(`Two forms define the answer type "${name}" differently (catalog/src/form-schema.ts)`);
      components[id] = cleaned;
    }
    components[`answers-${form.id}`] = {
      ...(formSchemaPart(schema) as Json),
      description: `The answers to "${form.title.en}" (${form.id})`,
    };
  }
  const answersByForm = Object.fromEntries(forms.map((form) => [form.id, `#/components/schemas/answers-${form.id}`]));

  const paths: Record<string, Record<string, Json>> = {};
  for (const route of table) {
    const contract = input.contracts[route.handler]?.default[route.name as keyof Contracts] as RouteContract;
    const parameters: Json[] = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
      name,
      in: 'path',
      required: true,
      schema: name === 'formId' ? { type: 'string', enum: forms.map((form) => form.id) } : { type: 'string' },
    }));
    for (const [name, parameter] of Object.entries(contract.query ?? {}))
      parameters.push(parameterOf(name, 'query', parameter, inputSchema));
    for (const [name, parameter] of Object.entries(contract.headers ?? {}))
      parameters.push(parameterOf(name, 'header', parameter, inputSchema));
    parameters.push({
      name: 'Accept-Language',
      in: 'header',
      description: 'Messages and pages in Spanish for `es…`, English otherwise (`?lang=` wins)',
      schema: { type: 'string' },
    });

    let requestBody: Json | undefined;
    if (contract.request) {
      const { json, form } = contract.request;
      const content: Json = {};
      if (json === 'form-answers')
        content['application/json'] = {
          schema: {
            type: 'object',
            required: ['answers'],
            properties: { answers: { anyOf: forms.map((f) => ref(`answers-${f.id}`)) } },
            description: '`answers` follows the schema of the form named by `formId` (see `x-answers-schema-by-form`)',
            'x-answers-schema-by-form': answersByForm,
          },
        };
      else if (json) content['application/json'] = { schema: inputSchema(json) };
      if (form) content['application/x-www-form-urlencoded'] = { schema: inputSchema(form) };
      requestBody = { description: contract.request.description, required: contract.request.required ?? false, content };
    }

    const responses: Record<string, Json> = {};
    const declared = Object.fromEntries(
      Object.entries(contract.responses).map(([code, answer]) => [code, answerOf(answer, output)]),
    );
    const all: Record<string, Json> = { ...commonAnswers(route, contract), ...declared };
    for (const code of Object.keys(all).sort()) responses[code] = all[code] as Json;

    const scopes = authorizationScopesFor(route);
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId: route.name,
      summary: route.summary.length > 100 ? `${route.summary.slice(0, route.summary.lastIndexOf(' ', 97))} …` : route.summary,
      description: route.summary,
      tags: [tagOf(route)],
      security: !scopes ? [] : route.credentials === 'session' ? [{ staffSession: [] }] : [{ accessToken: scopes }],
      'x-auth': route.auth,
      'x-table-access': route.tableAccess,
      parameters,
      ...(requestBody && { requestBody }),
      responses,
    };
  }

  return {
    openapi: '3.1.1',
    info: {
      title: 'Front Door API',
      version: input.version,
      summary: "The portal's API: forms, status, payments, bills, the agency workspace",
      description:
        "Generated from the route table (functions/http/routes.ts), the catalog's forms and functions/contracts/. " +
        'Every answer is JSON for `Accept: application/json`; browsers and plain HTML form posts get pages and ' +
        'redirects instead. Errors have one shape (`Error`): a stable `code` and a plain-language `message` in the ' +
        'language asked for (`?lang=es` or `Accept-Language: es`). Every write takes an `Idempotency-Key`. ' +
        'Every operation may also answer 429 from API Gateway or the firewall, before the portal sees the request ' +
        '(`TooManyRequests`): wait Retry-After seconds and send it again.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: "The portal's own origin: the API is under /api on the same host as the site" }],
    tags: TAGS,
    paths,
    webhooks: Object.fromEntries(
      agencyEventSchemas.map(({ type, name, summary, envelope }) => [
        type,
        {
          post: {
            operationId: name,
            summary,
            description:
              `"${type}" on the portal's event bus. At least once: the same change may arrive again with the same ` +
              '`detail.eventId`. No personal data: ids, the service, the status or amount.',
            tags: ['Agency events'],
            security: [],
            requestBody: { required: true, content: { 'application/json': { schema: output(envelope) } } },
            responses: {
              200: { description: 'Any 2xx: EventBridge counts the event delivered to the target' },
              400: { description: 'Any 4xx but 429: EventBridge does not retry, and sends the event to the dead-letter queue' },
            },
          },
        },
      ]),
    ),
    components: {
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
      responses: sharedResponses,
      securitySchemes: {
        accessToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            "A Cognito access token (ID tokens are refused). People's routes need the scope `openid`; agency " +
            "systems use client credentials with the route's `frontdoor/<name>` scope. The scopes each " +
            'operation needs are listed in its security requirement.',
        },
        staffSession: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description:
            "The workspace's pages (under /api/agency/desk/): the staff sign-in (`staffSignIn`) sets this HttpOnly " +
            "cookie; it holds the same access token, checked the same way. A POST must also carry the form's " +
            "`_csrf` field and come from the portal's origin (decision 60).",
        },
      },
    },
  };
}
