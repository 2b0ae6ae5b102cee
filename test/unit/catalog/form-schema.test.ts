/**
 * A form's answers as JSON Schema: compiled here with the same ajv settings the build uses, so what a
 * validator accepts and refuses is tested from the fields up.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { DATE_PATTERN, EMAIL_PATTERN, jsonSchemaFor, TEL_PATTERN } from '#catalog/form-schema';
import type { Field, Form } from '#catalog/schema';

const label = { en: 'Q', es: 'P' };
const fields: Field[] = [
  { name: 'name', type: 'text', label, required: true },
  { name: 'story', type: 'textarea', label, required: false },
  { name: 'plate', type: 'text', label, required: false, pattern: 'AB|CD', maxLength: 8 },
  { name: 'copies', type: 'integer', label, required: false, minimum: 1, maximum: 10 },
  { name: 'count', type: 'integer', label, required: false },
  { name: 'agree', type: 'checkbox', label, required: true },
  { name: 'news', type: 'checkbox', label, required: false },
  {
    name: 'colour',
    type: 'radio',
    label,
    required: false,
    options: [
      { value: 'red', label },
      { value: 'blue', label },
    ],
  },
  { name: 'email', type: 'email', label, required: false },
  { name: 'phone', type: 'tel', label, required: false },
  { name: 'born', type: 'date', label, required: false },
] as Field[];
const form = { id: 'test-form', title: { en: 'A test form', es: 'Un formulario' }, fields } as unknown as Form;
const schema = jsonSchemaFor(form);
const validate = new Ajv2020({ allErrors: true, strict: true, unicode: false, logger: false }).compile(schema);
const base = { name: 'Ana', agree: true };
const accepts = (answers: Record<string, unknown>) => validate({ ...base, ...answers });

describe("a form's JSON Schema", () => {
  it('names the form and its draft, requires what the form requires, and nothing else is allowed', () => {
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://frontdoor.example/forms/test-form.json',
      title: 'A test form',
      type: 'object',
      required: ['name', 'agree'],
      additionalProperties: false,
    });
    expect(accepts({})).toBe(true);
    expect(validate({ agree: true })).toBe(false);
    expect(accepts({ other: 'x' })).toBe(false);
  });

  it('wants text of at least one character, up to the field limit or the default one', () => {
    expect(accepts({ name: '' })).toBe(false);
    expect(accepts({ name: 'A'.repeat(200) })).toBe(true);
    expect(accepts({ name: 'A'.repeat(201) })).toBe(false);
    expect(accepts({ story: 'A'.repeat(4000) })).toBe(true);
    expect(accepts({ story: 'A'.repeat(4001) })).toBe(false);
    expect(accepts({ name: 3 })).toBe(false);
  });

  it("matches a field's own pattern against the whole answer", () => {
    expect(accepts({ plate: 'AB' })).toBe(true);
    expect(accepts({ plate: 'CD' })).toBe(true);
    for (const plate of ['ABCD', 'xAB', 'CDx', 'ab']) expect(accepts({ plate }), plate).toBe(false);
  });

  it('keeps whole numbers within their bounds, and any whole number without them', () => {
    expect(accepts({ copies: 1 })).toBe(true);
    expect(accepts({ copies: 10 })).toBe(true);
    for (const copies of [0, 11, 2.5, '2']) expect(accepts({ copies }), String(copies)).toBe(false);
    expect(accepts({ count: -5 })).toBe(true);
    expect(accepts({ count: 1e9 })).toBe(true);
  });

  it('requires a required box ticked, and takes an optional box either way', () => {
    expect(accepts({ agree: false })).toBe(false);
    expect(accepts({ news: false })).toBe(true);
    expect(accepts({ news: true })).toBe(true);
    expect(accepts({ news: 'yes' })).toBe(false);
  });

  it('takes only the listed options of a choice', () => {
    expect(accepts({ colour: 'red' })).toBe(true);
    expect(accepts({ colour: 'green' })).toBe(false);
  });

  it('checks the shape of e-mail addresses, phone numbers and dates', () => {
    expect(accepts({ email: 'ana@example.com' })).toBe(true);
    for (const email of ['ana@example', 'ana example@x.com', '@example.com', 'ana@example.c'])
      expect(accepts({ email }), email).toBe(false);
    expect(accepts({ phone: '+1 (555) 010-0100' })).toBe(true);
    for (const phone of ['12345', 'call me', '1'.repeat(21)]) expect(accepts({ phone }), phone).toBe(false);
    expect(accepts({ born: '2020-02-29' })).toBe(true);
    for (const born of ['2020-13-01', '2020-00-10', '2020-01-32', '20-01-01', '2020-1-1'])
      expect(accepts({ born }), born).toBe(false);
  });

  it('shares its patterns with the browser checks', () => {
    expect(new RegExp(EMAIL_PATTERN).test('ana@example.com')).toBe(true);
    expect(new RegExp(TEL_PATTERN).test('555-0100 ext')).toBe(false);
    expect(new RegExp(DATE_PATTERN).test('2026-12-31')).toBe(true);
  });
});
