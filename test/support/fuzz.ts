/**
 * Requests generated from the OpenAPI document with fast-check: for each operation, valid ones (path, query and
 * body drawn from the document's schemas, the right token) and hostile ones (wrong types, huge strings, deep
 * nesting, unicode edge cases, missing and extra fields, broken JSON and UTF-8, wrong content types, wrong or
 * no tokens). What an answer must never be is checked here too; test/integration/api-fuzz.test.ts runs them.
 */
import { Agent, request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { CHECK_ANSWERS_PAGE, pagesOf } from '#catalog/form-pages';
import { loadCatalog } from '#catalog/load';
import { SESSION_COOKIE } from '#http/routes';
import { apiPath } from '#ui/paths.ts';
import { csrfOf, signInToStaffPages, staffGet } from './staff-session.ts';

type Json = Record<string, unknown>;

export interface FuzzRequest {
  operationId: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** What was generated, in a few words, for failure messages. */
  label: string;
  /** Strings the request carried that could be personal data: none may reach a log line. */
  personal: string[];
}

export interface FuzzAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Operation {
  operationId: string;
  method: string;
  path: string;
  parameters: { name: string; in: string; required?: boolean; schema?: Json }[];
  requestBody?: { content: Record<string, { schema?: Json }> };
  security: Record<string, string[]>[];
}

/** Values the fuzzer mixes into requests, so that valid ones reach real records; and the tokens it sends. */
export interface FuzzSeeds {
  /**
   * By parameter or field name (path, query or body): a real confirmation code, payment id, bill, version…
   * `<operationId>:<name>` is for that operation only, in place of `<name>` (a multi-page form's id for its draft
   * routes).
   */
  values: Record<string, string[]>;
  /**
   * An access token for each kind of caller: `openid` (person; `writer` is the person who sends forms signed in,
   * so the one whose list is read keeps a short one), `staff`, `frontdoor/bills` (machine). `session`: the staff
   * pages' cookie (the same kind of token), sent as the cookie from `origin` to the `staffSession` operations;
   * without it they are sent the staff token as a Bearer token, which they do not read.
   */
  tokens: { person: string; writer: string; staff: string; machine: string; session?: { token: string; origin: string } };
}

export function operationsOf(document: Json): Operation[] {
  return Object.entries(document.paths as Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>).flatMap(
    ([path, item]) => Object.entries(item).map(([method, operation]) => ({ ...operation, method: method.toUpperCase(), path })),
  );
}

/** Strings people and attackers actually send: invisible, reversed, combining, lone surrogates, markup, long. */
const EDGE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  'a\udfffb',
  '\u202eevil',
  'zero\u200bwidth',
  '\ufeffbom',
  'e\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦🇺🇸',
  '𝕳𝖊𝖑𝖑𝖔',
  'ß'.repeat(300),
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE users; --",
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the Log4Shell probe, as attackers send it
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-0',
  '1e309',
  'SUB#AAAA-AAAA-AAAA',
  'IDEMPOTENCY#x',
  '\r\nSet-Cookie: a=b',
];

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 70_000 }).map((n) => 'x'.repeat(n)) },
);

const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

/** `[[[[…]]]]` or `{"a":{"a":…}}` as JSON text: built as a string, so no recursion here. */
const deepJson = fc
  .tuple(fc.integer({ min: 50, max: 20_000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  );

function resolve(schema: Json, document: Json): Json {
  let current = schema;
  while (typeof current.$ref === 'string') {
    const path = current.$ref.replace(/^#\//, '').split('/');
    current = path.reduce<Json>((node, key) => node[key.replaceAll('~1', '/').replaceAll('~0', '~')] as Json, document);
  }
  return current;
}

/** A value the schema accepts (as far as fast-check's regex support and the schema's keywords go). */
export function valueFor(
  schema: Json | undefined,
  document: Json,
  depth = 0,
  known: Record<string, string[]> = {},
): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(null);
  const s = resolve(schema, document);
  if (Array.isArray(s.anyOf) || Array.isArray(s.oneOf))
    return fc.oneof(...((s.anyOf ?? s.oneOf) as Json[]).map((inner) => valueFor(inner, document, depth + 1, known)));
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string': {
      const minLength = Number(s.minLength ?? 0);
      const maxLength = Number(s.maxLength ?? 40);
      if (typeof s.pattern === 'string') {
        const matching = fc.stringMatching(new RegExp(s.pattern), { size: 'xsmall' });
        // Only the lengths the schema states: filtering on a default length would throw most values away.
        return s.minLength === undefined && s.maxLength === undefined
          ? matching
          : matching.filter((text) => text.length >= minLength && text.length <= maxLength);
      }
      return fc.string({ minLength, maxLength: Math.min(maxLength, minLength + 40) });
    }
    case 'integer':
      return fc.integer({
        min: Math.max(Number(s.minimum ?? -1_000_000), Number.MIN_SAFE_INTEGER),
        max: Math.min(Number(s.maximum ?? 1_000_000), Number.MAX_SAFE_INTEGER),
      });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valueFor(s.items as Json | undefined, document, depth + 1, known), { maxLength: 3 });
    case 'object': {
      const properties = (s.properties ?? {}) as Record<string, Json>;
      const required = new Set((s.required ?? []) as string[]);
      const names = Object.keys(properties);
      if (names.length === 0 && s.additionalProperties && typeof s.additionalProperties === 'object')
        return fc.dictionary(fc.string({ maxLength: 10 }), valueFor(s.additionalProperties as Json, document, depth + 1, known), {
          maxKeys: 4,
        });
      return fc.record(
        Object.fromEntries(
          names.map((name) => {
            const generated = valueFor(properties[name], document, depth + 1, known);
            const seeded = known[name];
            return [name, seeded?.length ? fc.oneof(fc.constantFrom(...seeded), generated) : generated];
          }),
        ),
        { requiredKeys: names.filter((name) => required.has(name)) },
      );
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A valid value with one thing broken: a field dropped, added, of the wrong type, huge, deep or odd. */
function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.nat(), fc.oneof(hostileString, wrongType), fc.nat({ max: 5 })).map(([value, pick, bad, how]) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad;
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const key = keys.length > 0 ? keys[pick % keys.length]! : 'extra';
    if (how === 0) delete copy[key];
    else if (how === 1) copy[`extra${pick % 7}`] = bad;
    else if (how === 2 && typeof copy[key] === 'object' && copy[key] !== null) {
      const inner = { ...(copy[key] as Record<string, unknown>) };
      const innerKeys = Object.keys(inner);
      if (innerKeys.length > 0) inner[innerKeys[pick % innerKeys.length]!] = bad;
      else inner.extra = bad;
      copy[key] = inner;
    } else copy[key] = bad;
    return copy;
  });
}

/** Every byte of the text's UTF-8 (lone surrogates as U+FFFD) percent-encoded, as a browser sends a path. */
function percentEncoded(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/** As a client library encodes a path parameter. */
function safelyEncoded(text: string): string {
  return encodeURIComponent(text.toWellFormed());
}

/** A JSON or form body as bytes; objects in a form are flattened as their JSON. */
function encode(value: unknown, as: 'json' | 'form'): Buffer {
  if (as === 'json') return Buffer.from(JSON.stringify(value) ?? 'null', 'utf8');
  const fields = new URLSearchParams();
  if (typeof value === 'object' && value !== null)
    for (const [key, inner] of Object.entries(value))
      fields.append(key, typeof inner === 'string' ? inner : (JSON.stringify(inner) ?? ''));
  return Buffer.from(fields.toString(), 'utf8');
}

/** Every string in a value (object keys too), for the personal-data check of the logs. */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const inner of value.slice(0, 20)) stringsIn(inner, out);
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value).slice(0, 50)) {
      out.push(key);
      stringsIn(inner, out);
    }
  return out;
}

/**
 * Fields whose values are ids or words from a fixed list, never a person's data: the portal logs ids (a
 * confirmation code, a payment id, a bill's reference) to trace a request, and nothing a person typed.
 */
const NOT_PERSONAL = new Set([
  'agency',
  'currency',
  'status',
  'kind',
  'to',
  'version',
  'lang',
  'formId',
  'code',
  'payment',
  'paymentId',
  'bill',
  'reference',
]);

const RAW_BODIES = fc.oneof(
  fc.constantFrom('{', '{"answers":', 'nul', '[1,2', '{"a":1}}', '\u0000', '"just a string"', '42', 'true', 'null', '[]'),
  deepJson,
  fc.integer({ min: 257 * 1024, max: 300 * 1024 }).map((n) => `{"answers":{"x":"${'y'.repeat(n)}"}}`),
);

const CONTENT_TYPES = [
  'text/plain',
  'multipart/form-data; boundary=x',
  'application/xml',
  'APPLICATION/JSON',
  'application/json; charset=utf-16',
  'application/json;;;',
  'application/x-www-form-urlencoded; charset=latin1',
  'image/png',
];

const ACCEPTS = ['application/json', 'text/html', '*/*', 'text/html,application/xhtml+xml,*/*;q=0.8', 'image/png', ''];
const LANGUAGES = ['', 'es', 'en-US', 'es-MX,es;q=0.9,en;q=0.8', 'xx', 'zh-Hant-TW', '*', 'es'.repeat(500)];

/** Latin-1 only (what an HTTP header can carry), no control characters but tab. */
const headerSafe = (text: string) => text.replace(/[^\t\x20-\x7e\xa0-\xff]/g, '?');

/** The seeds as this operation sees them: its own `<operationId>:<name>` values in place of `<name>`'s. */
function seedsOf(operation: Operation, seeds: FuzzSeeds): FuzzSeeds {
  const own = `${operation.operationId}:`;
  const values = Object.fromEntries(Object.entries(seeds.values).filter(([name]) => !name.includes(':')));
  for (const [name, list] of Object.entries(seeds.values)) if (name.startsWith(own)) values[name.slice(own.length)] = list;
  return { ...seeds, values };
}

const bySession = (operation: Operation) => operation.security.some((requirement) => 'staffSession' in requirement);

function tokenFor(operation: Operation, seeds: FuzzSeeds): string | undefined {
  if (bySession(operation)) return seeds.tokens.staff;
  const scopes = operation.security.flatMap((requirement) => Object.values(requirement).flat());
  if (scopes.length === 0) return undefined;
  if (scopes.some((scope) => scope.startsWith('frontdoor/'))) return seeds.tokens.machine;
  if (operation.path.startsWith('/api/agency/') || operation.path.includes('/refunds')) return seeds.tokens.staff;
  return operation.method === 'GET' ? seeds.tokens.person : seeds.tokens.writer;
}

/** Requests for one operation: about half valid (mostly reaching the handler), the rest hostile. */
export function requestsFor(operation: Operation, document: Json, allSeeds: FuzzSeeds): fc.Arbitrary<FuzzRequest> {
  const seeds = seedsOf(operation, allSeeds);
  const pathNames = [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name!);
  const pathParams = fc.record(
    Object.fromEntries(
      pathNames.map((name) => {
        const declared = operation.parameters.find((p) => p.in === 'path' && p.name === name);
        const known = seeds.values[name] ?? [];
        const valid = known.length > 0 ? fc.constantFrom(...known) : valueFor(declared?.schema ?? { type: 'string' }, document);
        return [
          name,
          fc.oneof(
            { weight: 6, arbitrary: valid.map((v) => safelyEncoded(String(v))) },
            { weight: 3, arbitrary: hostileString.filter((v) => v.length > 0).map((v) => percentEncoded(v.slice(0, 1000))) },
            { weight: 1, arbitrary: fc.constantFrom('%', '%E0%A4%A', '%FF', '%2F', '%00', '%2E%2E%2E') },
          ),
        ];
      }),
    ),
  );
  const queryDeclared = operation.parameters.filter((p) => p.in === 'query');
  const query = fc.record(
    Object.fromEntries(
      queryDeclared.map((p) => [
        p.name,
        fc.oneof(
          {
            weight: 3,
            arbitrary: (seeds.values[p.name]?.length
              ? fc.oneof(fc.constantFrom(...seeds.values[p.name]!), valueFor(p.schema, document))
              : valueFor(p.schema, document)
            ).map((v) => (v === undefined ? undefined : String(v))),
          },
          { weight: 2, arbitrary: hostileString.map((v) => v.slice(0, 2000)) },
        ),
      ]),
    ),
    { requiredKeys: queryDeclared.filter((p) => p.required).map((p) => p.name) },
  );
  const extraQuery = fc.option(
    fc.constantFrom('__proto__[x]=1', 'lang=es&lang=en', 'q=a&q=b', 'a=%ZZ', `${'k'.repeat(2000)}=v`),
    {
      freq: 4,
    },
  );

  const content = operation.requestBody?.content ?? {};
  const jsonSchema = content['application/json']?.schema;
  const byForm = (jsonSchema?.['x-answers-schema-by-form'] ?? undefined) as Record<string, string> | undefined;
  type Body = { value?: unknown; bytes?: Buffer; type?: string; label: string };
  // Built once per form: building an arbitrary (regex patterns above all) costs far more than drawing from it.
  const bodies = new Map<string | undefined, fc.Arbitrary<Body>>();
  const bodyFor = (formId: string | undefined): fc.Arbitrary<Body> => {
    let body = bodies.get(formId);
    if (!body) {
      body = buildBody(formId);
      bodies.set(formId, body);
    }
    return body;
  };
  const buildBody = (formId: string | undefined): fc.Arbitrary<Body> => {
    if (!operation.requestBody) return fc.constant({ label: 'no body' });
    const schema = byForm
      ? {
          type: 'object',
          required: ['answers'],
          properties: { answers: { $ref: byForm[formId ?? ''] ?? Object.values(byForm)[0] } },
        }
      : (jsonSchema ?? content['application/x-www-form-urlencoded']?.schema);
    const valid = valueFor(schema as Json, document, 0, seeds.values);
    const formValid = byForm ? valid.map((v) => (v as { answers: unknown }).answers) : valid;
    return fc.oneof(
      { weight: 5, arbitrary: valid.map((value) => ({ value, type: 'application/json', label: 'valid JSON' })) },
      content['application/x-www-form-urlencoded']
        ? { weight: 2, arbitrary: formValid.map((value) => ({ value, type: 'form', label: 'valid form post' })) }
        : { weight: 0, arbitrary: fc.constant({ label: 'none' }) },
      {
        weight: 4,
        arbitrary: mutated(valid).map((value) => ({ value, type: 'application/json', label: 'JSON, one field broken' })),
      },
      { weight: 1, arbitrary: mutated(formValid).map((value) => ({ value, type: 'form', label: 'form, one field broken' })) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(RAW_BODIES, fc.constantFrom('application/json', 'application/x-www-form-urlencoded'))
          .map(([text, type]) => ({
            bytes: Buffer.from(text, 'utf8'),
            type,
            label: `raw ${text.slice(0, 20)}… (${text.length} chars)`,
          })),
      },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom(Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), Buffer.alloc(0))
          .map((bytes) => ({ bytes, type: 'application/json', label: 'not UTF-8, or empty' })),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(valid, fc.constantFrom(...CONTENT_TYPES, undefined))
          .map(([value, type]) => ({ value, type: type ?? '', label: `content type ${type ?? 'none'}` })),
      },
    );
  };

  const fixed = fixedValues(document);
  for (const [name, values] of Object.entries(seeds.values)) if (NOT_PERSONAL.has(name)) for (const v of values) fixed.add(v);
  const formIds = (operation.parameters.find((p) => p.name === 'formId')?.schema?.enum ?? []) as string[];
  return fc
    .record({
      path: pathParams,
      query,
      extraQuery,
      accept: fc.constantFrom(...ACCEPTS),
      language: fc.constantFrom(...LANGUAGES),
      key: fc.option(fc.oneof(fc.uuid(), hostileString.map(headerSafe)), { freq: 2 }),
      auth: fc.constantFrom('right', 'right', 'right', 'right', 'right', 'right', 'none', 'garbage', 'other'),
    })
    .chain((parts) => bodyFor(formIds.find((id) => safelyEncoded(id) === parts.path.formId)).map((body) => ({ ...parts, body })))
    .map(({ path, query, extraQuery, accept, language, key, auth, body }) => {
      let target = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => path[name] ?? '');
      const search = new URLSearchParams();
      for (const [name, value] of Object.entries(query))
        if (value !== undefined) search.append(name, (value as string).toWellFormed());
      const queryText = [search.toString(), extraQuery].filter(Boolean).join('&');
      if (queryText) target += `?${queryText}`;
      const headers: Record<string, string> = {};
      if (accept) headers.accept = accept;
      if (language) headers['accept-language'] = language;
      if (key !== null) headers['idempotency-key'] = key.slice(0, 4000);
      const token = tokenFor(operation, seeds);
      const session = bySession(operation) ? seeds.tokens.session : undefined;
      const credentials = (value: string) => {
        if (session) headers.cookie = `${SESSION_COOKIE}=${value}`;
        else headers.authorization = `Bearer ${value}`;
      };
      if (session && operation.method !== 'GET') headers.origin = session.origin;
      if (token && auth === 'right') credentials(session?.token ?? token);
      if (token && auth === 'garbage') credentials('eyJhbGciOiJub25lIn0.e30.');
      if (token && auth === 'other') credentials(token === seeds.tokens.person ? seeds.tokens.staff : seeds.tokens.person);
      let bytes: Buffer | undefined;
      if (body.bytes !== undefined) bytes = body.bytes;
      else if ('value' in body) bytes = encode(body.value, body.type === 'form' ? 'form' : 'json');
      if (body.type === 'form') headers['content-type'] = 'application/x-www-form-urlencoded';
      else if (body.type) headers['content-type'] = body.type;
      // A string the path carries too is the record's id (a bill's reference, a case's code), which functions
      // log by design; a body's string can be a run of the same characters as a generated id, so it is left out.
      const ids = safeDecode(target.split('?')[0]!);
      const personal = ('value' in body ? personalStrings(body.value, fixed) : []).filter((text) => !ids.includes(text));
      if (query.q) personal.push(String(query.q));
      return {
        operationId: operation.operationId,
        method: operation.method,
        path: target,
        headers,
        ...(bytes && { body: bytes }),
        label: `${body.label}; accept ${accept || 'none'}; auth ${token ? auth : 'public'}`,
        personal: personal.filter((text) => text.length >= 8),
      };
    });
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function personalStrings(value: unknown, fixed: Set<string>): string[] {
  const strings =
    typeof value !== 'object' || value === null
      ? stringsIn(value)
      : Object.entries(('answers' in value && typeof value.answers === 'object' ? value.answers : value) ?? {})
          .filter(([key]) => !NOT_PERSONAL.has(key))
          .flatMap(([, inner]) => stringsIn(inner));
  return strings.filter((text) => !fixed.has(text));
}

/** Every value the document lists in an enum or const: options and codes, never a person's data. */
function fixedValues(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const inner of node) fixedValues(inner, out);
  else if (node && typeof node === 'object') {
    const schema = node as Json;
    if (Array.isArray(schema.enum)) for (const value of schema.enum) if (typeof value === 'string') out.add(value);
    if (typeof schema.const === 'string') out.add(schema.const);
    for (const inner of Object.values(schema)) fixedValues(inner, out);
  }
  return out;
}

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

/**
 * Sends one request over real HTTP (node:http: headers and bytes exactly as generated). A kept-alive socket the
 * server closed just as it was reused is tried once more on a new one, as Node's documentation advises: that
 * reset is the client's race, not an answer.
 */
export function send(base: string, request: FuzzRequest, retried = false): Promise<FuzzAnswer> {
  const url = new URL(request.path, base);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      {
        method: request.method,
        agent,
        headers: { ...request.headers, ...(request.body && { 'content-length': String(request.body.byteLength) }) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k, String(v)])),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (!retried && outgoing.reusedSocket && error.code === 'ECONNRESET') resolve(send(base, request, true));
      else reject(error);
    });
    outgoing.end(request.body);
  });
}

/** A stack frame, or a path into the source or the machine. */
const LEAKS = [/\bat [^\s()]+ \(/, /\.(?:ts|tsx|js|mjs|cjs):\d+:\d+/, /node_modules/, /\/(?:work|home|Users|var\/task)\//];

/** What is wrong with an answer regardless of the document: a 5xx, or internals in the body or headers. */
export function universalProblems(answer: FuzzAnswer, root: string): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`answered ${answer.status}: ${answer.body.slice(0, 200)}`);
  const text = `${JSON.stringify(answer.headers)}\n${answer.body}`;
  for (const leak of [...LEAKS, new RegExp(root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))]) {
    const found = leak.exec(text);
    if (found) problems.push(`shows internals (${found[0].slice(0, 80)})`);
  }
  return problems;
}

/** A short description of a request for failure messages. */
export function describeRequest(request: FuzzRequest): string {
  const body = request.body ? ` body ${request.body.byteLength} bytes "${request.body.subarray(0, 60).toString('utf8')}"` : '';
  return `${request.method} ${request.path.slice(0, 120)} [${request.label}]${body}`;
}

/** The multi-page form whose draft the draft routes are sent (the first form in the catalog made of pages). */
const DRAFT_FORM = 'snap-application';

/**
 * Seeds for what a plain token does not reach: the staff pages (their cookie, and the CSRF token their forms
 * carry) and a multi-page form's draft (a real one, on its own form, with the form's page ids).
 */
export async function deskSeeds(
  site: string,
  persona = 'staff.vital-records',
): Promise<{ values: FuzzSeeds['values']; session: { token: string; origin: string } }> {
  const signedIn = await signInToStaffPages(site, { persona, idp: 'ExampleStaff' });
  const queue = await staffGet(site, signedIn, apiPath('agencyQueuePage', { agency: 'vital-records' }));
  const csrf = csrfOf(await queue.text());
  const started = await fetch(`${site}${apiPath('startFormDraft', { formId: DRAFT_FORM })}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ answers: { applicantName: { given: 'Ana', family: 'Díaz' }, email: 'ana@example.com' } }),
  });
  if (started.status !== 201) throw new Error(`starting a draft answered ${started.status}: ${await started.text()}`);
  const { draftId } = (await started.json()) as { draftId: string };
  const form = loadCatalog().forms.get(DRAFT_FORM)!;
  const pageIds = [...pagesOf(form).map((page) => page.id), CHECK_ANSWERS_PAGE];
  const forDrafts = Object.fromEntries(
    ['startFormDraft', 'showFormPage', 'saveFormPage'].flatMap((operation) => [
      [`${operation}:formId`, [DRAFT_FORM]],
      [`${operation}:pageId`, pageIds],
    ]),
  );
  return { values: { _csrf: [csrf], draftId: [draftId], ...forDrafts }, session: { token: signedIn.token, origin: site } };
}
