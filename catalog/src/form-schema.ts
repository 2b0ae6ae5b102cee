/**
 * A form's answers as JSON Schema (draft 2020-12), derived from the form's fields. The build compiles
 * one standalone validator per form from this; the functions never compile schemas at run time.
 */
import { type Condition, conditionSchema } from './conditions.ts';
import { MAX_FILE_NAME } from './file-kinds.ts';
import { defaultMaxLength } from './form-messages.ts';
import { pagesOf } from './form-pages.ts';
import { type PartsType, QUESTION_PARTS, US_STATES } from './question-parts.ts';
import type { Field, Form, RepeatingGroup } from './schema.ts';
import { SSN_PATTERN } from './sensitive.ts';

/** When a declaration was signed: an ISO time, as the server writes it. */
export const SIGNED_AT_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,3})?Z$';

export type JsonSchema = Record<string, unknown>;

// Deliberately simple: the mailbox is checked by the agency's confirmation email, not by a regex.
export const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]{2,}$';
export const TEL_PATTERN = '^[+]?[0-9 ()\\-.]{7,20}$';
// The shape of a calendar date; impossible days (February 30) are refused by the domain's answer rules.
export const DATE_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';

/** An address's or a name's parts, as one shared definition of the form's schema. */
function partsSchema(type: PartsType): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(
      QUESTION_PARTS[type].map((part) => [
        part.part,
        {
          type: 'string',
          minLength: 1,
          maxLength: part.maxLength,
          ...(part.pattern !== undefined && { pattern: `^(?:${part.pattern})$` }),
          ...(part.part === 'state' && type === 'address' && { enum: Object.keys(US_STATES) }),
        },
      ]),
    ),
    required: QUESTION_PARTS[type].filter((part) => part.required).map((part) => part.part),
    additionalProperties: false,
  };
}

/** The largest amount of money a question takes unless it says otherwise: $10 million, in cents. */
export const MAX_CENTS = 1_000_000_000;

function fieldSchema(field: Field): JsonSchema {
  switch (field.type) {
    case 'integer':
      return {
        type: 'integer',
        ...(field.minimum !== undefined && { minimum: field.minimum }),
        ...(field.maximum !== undefined && { maximum: field.maximum }),
      };
    case 'money':
      return { type: 'integer', minimum: field.minimum ?? 0, maximum: field.maximum ?? MAX_CENTS };
    case 'checkbox':
      return field.required ? { type: 'boolean', const: true } : { type: 'boolean' };
    case 'address':
    case 'name':
      // One shared definition per type: compiled once, not once per question (see docs/benchmarks.md).
      return { $ref: `#/$defs/${field.type}` };
    case 'yesNo':
      return { type: 'string', enum: ['yes', 'no'] };
    case 'file': {
      // Written by the portal from what the upload's release step found (decision 0110), never typed by anyone.
      const upload = field.upload ?? { accept: [], maxMegabytes: 0, maxFiles: 0 };
      return {
        type: 'array',
        minItems: 1,
        maxItems: upload.maxFiles,
        items: {
          type: 'object',
          properties: {
            id: { type: 'string', pattern: '^[A-Za-z0-9_-]{22}$' },
            name: { type: 'string', minLength: 1, maxLength: MAX_FILE_NAME },
            size: { type: 'integer', minimum: 1, maximum: Math.floor(upload.maxMegabytes * 1024 * 1024) },
            kind: { type: 'string', enum: upload.accept },
            key: { type: 'string', pattern: '^(drafts|files)/[A-Za-z0-9_/-]{1,200}' },
          },
          required: ['id', 'name', 'size', 'kind', 'key'],
          additionalProperties: false,
        },
      };
    }
    case 'ssn':
      return { type: 'string', pattern: SSN_PATTERN };
    case 'declaration':
      return {
        type: 'object',
        properties: {
          agreed: { const: 'yes' },
          name: { type: 'string', minLength: 1, maxLength: 200 },
          signedAt: { type: 'string', pattern: SIGNED_AT_PATTERN },
        },
        required: ['agreed', 'name', 'signedAt'],
        additionalProperties: false,
      };
    case 'checkboxes':
      return {
        type: 'array',
        items: { type: 'string', enum: (field.options ?? []).map((option) => option.value) },
        uniqueItems: true,
        minItems: 1,
      };
    case 'radio':
    case 'select':
      return { type: 'string', enum: (field.options ?? []).map((option) => option.value) };
    default: {
      const pattern =
        (field.pattern !== undefined ? `^(?:${field.pattern})$` : undefined) ??
        (field.type === 'email'
          ? EMAIL_PATTERN
          : field.type === 'tel'
            ? TEL_PATTERN
            : field.type === 'date' || field.type === 'memorableDate'
              ? DATE_PATTERN
              : undefined);
      return {
        type: 'string',
        minLength: 1,
        maxLength: defaultMaxLength(field),
        ...(pattern !== undefined && { pattern }),
      };
    }
  }
}

/** When each question is asked: its page's condition and its own (absent: always). */
export function conditionsOf(form: Form): Map<string, Condition> {
  const byName = new Map(form.fields.map((field) => [field.name, field]));
  const conditions = new Map<string, Condition>();
  for (const page of pagesOf(form)) {
    for (const name of page.questions) {
      const parts = [page.when, byName.get(name)?.when].filter((part): part is Condition => part !== undefined);
      if (parts.length > 0) conditions.set(name, parts.length === 1 ? parts[0]! : { all: parts });
    }
  }
  return conditions;
}

/**
 * The answers' schema. A question asked only sometimes is required (when it is) only while its condition holds,
 * and must be absent while it does not: answers to hidden questions are dropped before validation and never
 * stored, so an answer set that keeps one is not one the portal would store.
 */
export function jsonSchemaFor(form: Form): JsonSchema {
  const conditions = conditionsOf(form);
  const groups = pagesOf(form).flatMap((page) => (page.group ? [[page.id, page.group] as const] : []));
  const requiredNames = new Set([
    ...form.fields.filter((field) => field.required).map((field) => field.name),
    ...groups.filter(([, group]) => group.min > 0).map(([id]) => id),
  ]);
  const asked = [...form.fields, ...groups.flatMap(([, group]) => group.fields)];
  const usedParts = (['address', 'name'] as const).filter((type) => asked.some((field) => field.type === type));
  const rules = [...conditions].map(([name, condition]) => ({
    if: conditionSchema(condition),
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else keywords; this object is never awaited.
    then: requiredNames.has(name) ? { required: [name] } : true,
    else: { not: { required: [name] } },
  }));
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://frontdoor.example/forms/${form.id}.json`,
    title: form.title.en,
    type: 'object',
    properties: Object.fromEntries([
      ...form.fields.map((field) => [field.name, fieldSchema(field)]),
      ...groups.map(([id, group]) => [id, groupSchema(group)]),
    ]),
    required: [...requiredNames].filter((name) => !conditions.has(name)),
    additionalProperties: false,
    ...(rules.length > 0 && { allOf: rules }),
    ...(usedParts.length > 0 && { $defs: Object.fromEntries(usedParts.map((type) => [type, partsSchema(type)])) }),
  };
}

/** A repeating page's answer: its items, each an object of the item's questions. */
function groupSchema(group: RepeatingGroup): JsonSchema {
  return {
    type: 'array',
    ...(group.min > 0 && { minItems: group.min }),
    maxItems: group.max,
    items: {
      type: 'object',
      properties: Object.fromEntries(group.fields.map((field) => [field.name, fieldSchema(field)])),
      required: group.fields.filter((field) => field.required).map((field) => field.name),
      additionalProperties: false,
    },
  };
}
