/**
 * The catalog's contract: one schema per concept, types inferred from the schemas.
 * Agencies edit the JSON files under catalog/; `loadCatalog` checks them against these schemas
 * and checks every cross-reference, naming the file and the fix when something is wrong.
 */
import { z } from 'zod';

export { DEFAULT_LOCALE, LOCALES, type Locale } from './locales.ts';

const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase letters, numbers and single hyphens (like "birth-certificate")');

/** Text in every supported language. */
export const LocalizedSchema = z.strictObject({
  en: z.string({ error: 'Write the English text' }).trim().min(1, 'Write the English text'),
  es: z.string({ error: 'Write the Spanish text' }).trim().min(1, 'Write the Spanish text'),
});
export type Localized = z.infer<typeof LocalizedSchema>;

export const AgencySchema = z.strictObject({
  id,
  name: LocalizedSchema,
  /** Short name shown on cards, like "DMV". */
  shortName: LocalizedSchema,
  phone: z.string().regex(/^[0-9()+\- ]{7,20}$/, 'Write a phone number like "(555) 010-2000"'),
  hours: LocalizedSchema,
});
export type Agency = z.infer<typeof AgencySchema>;

export const LifeEventSchema = z.strictObject({
  id,
  /** Position on the home page, smallest first. */
  order: z.number().int().min(1),
  title: LocalizedSchema,
  summary: LocalizedSchema,
  /** Service ids, in the order a person most likely needs them. */
  services: z.array(id).min(1, 'List at least one service'),
});
export type LifeEvent = z.infer<typeof LifeEventSchema>;

export const FeeSchema = z.strictObject({
  /** In the smallest unit of the currency (cents), so no rounding ever happens. */
  amount: z.number().int().positive(),
  currency: z.literal('USD'),
  description: LocalizedSchema,
  refundable: z.boolean(),
});
export type Fee = z.infer<typeof FeeSchema>;

export const ServiceSchema = z.strictObject({
  id,
  agency: id,
  title: LocalizedSchema,
  summary: LocalizedSchema,
  /** Who can use it and what they need; one short sentence per item. */
  eligibility: z.strictObject({ en: z.array(z.string().min(1)).min(1), es: z.array(z.string().min(1)).min(1) }),
  /** How long it usually takes, in plain words ("About 2 weeks"). */
  processingTime: LocalizedSchema,
  /** The form a person fills in to apply. Each form belongs to exactly one service. */
  form: id,
  fee: FeeSchema.optional(),
});
export type Service = z.infer<typeof ServiceSchema>;

const FIELD_TYPES = ['text', 'textarea', 'email', 'tel', 'date', 'integer', 'radio', 'select', 'checkbox'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const OptionSchema = z.strictObject({
  value: z.string().regex(/^[a-z0-9-]+$/, 'Use lowercase letters, numbers and hyphens for option values'),
  label: LocalizedSchema,
});

export const FieldSchema = z
  .strictObject({
    name: z
      .string()
      .regex(
        /^[a-z][a-zA-Z0-9]{0,39}$/,
        'Start field names with a lowercase letter, then letters or numbers (like "dateOfBirth")',
      ),
    type: z.enum(FIELD_TYPES),
    label: LocalizedSchema,
    hint: LocalizedSchema.optional(),
    required: z.boolean().default(true),
    maxLength: z.number().int().positive().max(4000).optional(),
    minimum: z.number().int().optional(),
    maximum: z.number().int().optional(),
    /** A regular expression (JavaScript syntax, matched against the whole answer). */
    pattern: z.string().optional(),
    /** An HTML autocomplete token, like "given-name" or "postal-code". */
    autocomplete: z.string().optional(),
    options: z.array(OptionSchema).min(2).optional(),
    /** Plain-language messages that replace the defaults for this field. */
    errors: z.strictObject({ required: LocalizedSchema.optional(), invalid: LocalizedSchema.optional() }).optional(),
  })
  .superRefine((field, ctx) => {
    const needsOptions = field.type === 'radio' || field.type === 'select';
    if (needsOptions && !field.options) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `A ${field.type} field needs "options"` });
    }
    if (!needsOptions && field.options) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `Only radio and select fields take "options"` });
    }
    if (field.pattern !== undefined) {
      try {
        new RegExp(field.pattern, 'u');
      } catch {
        ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'This is not a valid regular expression' });
      }
    }
  });
export type Field = z.infer<typeof FieldSchema>;

export const FormSchema = z
  .strictObject({
    id,
    title: LocalizedSchema,
    intro: LocalizedSchema,
    fields: z.array(FieldSchema).min(1).max(100),
  })
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    form.fields.forEach((field, index) => {
      if (seen.has(field.name)) {
        ctx.addIssue({ code: 'custom', path: ['fields', index, 'name'], message: `"${field.name}" is used twice` });
      }
      seen.add(field.name);
    });
  });
export type Form = z.infer<typeof FormSchema>;

/** Words of the site itself (buttons, headings, messages), in every language. */
export const StringsSchema = z.record(
  z.string().regex(/^[a-zA-Z][a-zA-Z0-9.-]*$/, 'Use letters, numbers, dots and hyphens in string keys'),
  LocalizedSchema,
);
export type Strings = z.infer<typeof StringsSchema>;
