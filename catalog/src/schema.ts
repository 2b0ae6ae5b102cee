/**
 * The catalog's contract: one schema per concept, types inferred from the schemas.
 * Agencies edit the JSON files under catalog/; `loadCatalog` checks them against these schemas
 * and checks every cross-reference, naming the file and the fix when something is wrong.
 */
import { z } from 'zod';
import type { Condition } from './conditions.ts';
import { FILE_KINDS } from './file-kinds.ts';
import { CHECK_ANSWERS_PAGE } from './form-pages.ts';

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
  /** In the smallest unit of the currency (cents), so no rounding ever happens. With `per`: the unit fee. */
  amount: z.number().int().positive(),
  /**
   * A fee that depends on an answer (docs/decisions/0087): `amount` for each unit the named whole-number question
   * answers (copies, vehicles, years). Computed on the server (functions/domain/fees.ts), never from the browser.
   */
  per: z.strictObject({ question: z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/), unit: LocalizedSchema }).optional(),
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

const FIELD_TYPES = [
  'text',
  'textarea',
  'email',
  'tel',
  'date',
  'integer',
  'radio',
  'select',
  'checkbox',
  /** A date as three boxes, month, day and year (USWDS memorable date): for dates people know, like a birthday. */
  'memorableDate',
  /** Yes or no, as two radio buttons; the answer is "yes" or "no". */
  'yesNo',
  /** Several boxes to tick ("options"); the answer is the list of values ticked. */
  'checkboxes',
  /** An amount of money in dollars and cents; the answer is a whole number of cents. */
  'money',
  /** A US address: street, city, state and ZIP code (an object of those parts, question-parts.ts). */
  'address',
  /** A person's name in parts: first, middle (optional) and last (an object of those parts). */
  'name',
  /**
   * Files the person attaches (proof of discharge, a photo of a bill): sent straight to storage, checked by
   * content and scanned before staff can open them (decision 0110). Needs "upload" and a page of its own.
   */
  'file',
  /**
   * A Social Security number (123-45-6789, SSA's rules): never logged, shown back only as ***-**-6789
   * (docs/decisions/0083).
   */
  'ssn',
  /**
   * A declaration signed electronically (ESIGN-style): the statement (label and hint), a box to agree to sign
   * electronically, and the typed full name; the time signed is set by the server (docs/decisions/0084).
   */
  'declaration',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const OptionSchema = z.strictObject({
  value: z.string().regex(/^[a-z0-9-]+$/, 'Use lowercase letters, numbers and hyphens for option values'),
  label: LocalizedSchema,
});

const questionName = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'Start field names with a lowercase letter, then letters or numbers (like "dateOfBirth")');

const CONDITION_HINT =
  'Write a condition like {"question": "relationship", "equals": "child"}: "equals", "oneOf", "greaterThan", ' +
  '"lessThan", "atLeast", "atMost" or "answered" about one earlier question, or "all", "any" or "not" around others';

/** When a question or page is shown (catalog/src/conditions.ts evaluates it everywhere). */
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ question: questionName, equals: z.union([z.string(), z.number(), z.boolean()]) }),
      z.strictObject({ question: questionName, oneOf: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1) }),
      z.strictObject({ question: questionName, greaterThan: z.number() }),
      z.strictObject({ question: questionName, lessThan: z.number() }),
      z.strictObject({ question: questionName, atLeast: z.number() }),
      z.strictObject({ question: questionName, atMost: z.number() }),
      z.strictObject({ question: questionName, answered: z.boolean() }),
      z.strictObject({ all: z.array(ConditionSchema).min(1) }),
      z.strictObject({ any: z.array(ConditionSchema).min(1) }),
      z.strictObject({ not: ConditionSchema }),
    ],
    { error: CONDITION_HINT },
  ),
);

export const FieldSchema = z
  .strictObject({
    name: questionName,
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
    /** Ask this question only when earlier answers say so; otherwise it is not shown and its answer is dropped. */
    when: ConditionSchema.optional(),
    /**
     * A checkbox that records consent the portal acts on: "text-messages" = the person agrees to texts about this
     * application at the form's phone number (off by default; decision 71). Word its label with the standard
     * disclosure: what is sent, "Message and data rates may apply", "Reply HELP for help, STOP to cancel".
     */
    consent: z.enum(['text-messages']).optional(),
    /** File questions only: which kinds of file, how large, and how many (decision 0110). */
    upload: z
      .strictObject({
        /** Kinds accepted, checked by the file's content: "pdf", "jpeg", "png", "heic", "tiff". */
        accept: z
          .array(z.enum(FILE_KINDS, { error: `Use kinds of file from: ${FILE_KINDS.join(', ')}` }))
          .min(1, 'List at least one kind of file in "accept", like ["pdf", "jpeg", "png"]'),
        /** The largest file, in megabytes (at most 25). */
        maxMegabytes: z
          .number({ error: 'Write the largest file size in megabytes, like 10' })
          .positive()
          .max(25, 'A file can be at most 25 MB: ask for smaller files or a scan at a lower resolution'),
        /** How many files a person may attach to this question (1 to 10). */
        maxFiles: z
          .number({ error: 'Write how many files a person may attach, like 3' })
          .int()
          .min(1)
          .max(10, 'A question can take at most 10 files: split it into several questions'),
      })
      .optional(),
    /**
     * Filled in from the person's sign-in when they are signed in (they can still change it): their e-mail
     * address, whole name, first name, last name or phone number (docs/decisions/0086).
     */
    prefill: z.enum(['email', 'name', 'givenName', 'familyName', 'phone']).optional(),
    /** Dates only: which dates make sense, counted from the day the answer is checked. */
    dateRange: z
      .strictObject({
        /** Today or earlier (a date of birth, of death). */
        notInFuture: z.boolean().optional(),
        /** Today or later (a start date). */
        notInPast: z.boolean().optional(),
        /** At most this many years before or after today. */
        withinYears: z.number().int().positive().max(200).optional(),
      })
      .optional(),
  })
  .superRefine((field, ctx) => {
    const needsOptions = field.type === 'radio' || field.type === 'select' || field.type === 'checkboxes';
    if (needsOptions && !field.options) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `A ${field.type} field needs "options"` });
    }
    if (!needsOptions && field.options) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `Only radio, select and checkboxes fields take "options"` });
    }
    if (field.consent && (field.type !== 'checkbox' || field.required)) {
      ctx.addIssue({
        code: 'custom',
        path: ['consent'],
        message: 'Only an optional checkbox ("required": false) records consent',
      });
    }
    if (field.type === 'file' && !field.upload) {
      ctx.addIssue({
        code: 'custom',
        path: ['upload'],
        message: 'A file question needs "upload", like {"accept": ["pdf", "jpeg", "png"], "maxMegabytes": 10, "maxFiles": 3}',
      });
    }
    if (field.type !== 'file' && field.upload) {
      ctx.addIssue({ code: 'custom', path: ['upload'], message: 'Only file questions take "upload"' });
    }
    if (field.prefill && !['text', 'email', 'name', 'tel'].includes(field.type)) {
      ctx.addIssue({ code: 'custom', path: ['prefill'], message: 'Only text, email, tel and name questions take "prefill"' });
    }
    if (field.prefill === 'email' && field.type !== 'email') {
      ctx.addIssue({ code: 'custom', path: ['prefill'], message: '"prefill": "email" goes on an email question' });
    }
    if ((field.prefill === 'phone') !== (field.type === 'tel') && field.prefill !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['prefill'], message: '"prefill": "phone" goes on a tel question, and only there' });
    }
    if (field.dateRange && field.type !== 'date' && field.type !== 'memorableDate') {
      ctx.addIssue({ code: 'custom', path: ['dateRange'], message: 'Only date and memorableDate fields take "dateRange"' });
    }
    if (field.dateRange?.notInFuture && field.dateRange.notInPast) {
      ctx.addIssue({
        code: 'custom',
        path: ['dateRange'],
        message: 'A date cannot be both not in the future and not in the past',
      });
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

// In a zod-free module: the functions use it, and zod must stay out of their bundles.
export { CHECK_ANSWERS_PAGE } from './form-pages.ts';

const PageSchema = z
  .strictObject({
    id: id.refine((value) => value !== CHECK_ANSWERS_PAGE, `"${CHECK_ANSWERS_PAGE}" is the summary page's id: choose another`),
    /** The page's heading (also its step in the step indicator). */
    title: LocalizedSchema,
    /** Show this whole page only when earlier answers say so. */
    when: ConditionSchema.optional(),
    /**
     * "Add another": the page's questions are asked once per item (a household member, an earlier address), from
     * `min` to `max` items; the answer, named by the page's id, is the list of items.
     */
    repeat: z
      .strictObject({
        min: z.number().int().min(0).max(50),
        max: z.number().int().min(1).max(50),
        /** What one item is called, in a sentence: "person", "address" ("Person 2"). */
        itemName: LocalizedSchema,
        /** The button that adds one: "Add a person" (Spanish needs its own article and gender). */
        addLabel: LocalizedSchema,
        /** The question whose answer is each item's summary line. */
        summary: questionName,
        /**
         * A whole-number question whose answers, added up over the items, may not pass `atMost` (owners' shares of
         * a business: 100 percent at most).
         */
        total: z.strictObject({ question: questionName, atMost: z.number().int() }).optional(),
      })
      .optional(),
    fields: z.array(FieldSchema).min(1).max(40),
  })
  .superRefine((page, ctx) => {
    const total = page.repeat?.total;
    if (!total) return;
    const field = page.fields.find((candidate) => candidate.name === total.question);
    if (field?.type !== 'integer') {
      ctx.addIssue({
        code: 'custom',
        path: ['repeat', 'total', 'question'],
        message: `"${total.question}" must be an "integer" question of this page to be added up`,
      });
    }
  });

/** The questions of a repeating page, asked once per item. */
export interface RepeatingGroup {
  min: number;
  max: number;
  itemName: Localized;
  addLabel: Localized;
  summary: string;
  /** A whole-number question whose answers, added up over the items, may not pass `atMost`. */
  total?: { question: string; atMost: number } | undefined;
  fields: Field[];
}

/** One page of a multi-page form, as the functions and the site read it: the questions by name, in order. */
export interface FormPage {
  id: string;
  title: Localized;
  when?: Condition | undefined;
  /** On a repeating page: its one answer, the list of items, is named by the page's id. */
  questions: string[];
  /** A repeating page ("add another"): the questions of each item. */
  group?: RepeatingGroup;
}

type Leaf = Extract<Condition, { question: string }>;

function leavesOf(condition: Condition): Leaf[] {
  if ('all' in condition) return condition.all.flatMap(leavesOf);
  if ('any' in condition) return condition.any.flatMap(leavesOf);
  if ('not' in condition) return leavesOf(condition.not);
  return [condition];
}

const COMPARES = ['greaterThan', 'lessThan', 'atLeast', 'atMost'] as const;

/**
 * Every question a condition names must be asked earlier in the form (a page's: on an earlier page), and what it
 * compares must be something the question can answer: a condition that could never hold is a mistake.
 */
function checkConditions(
  pages: { when?: Condition | undefined; repeat?: unknown; fields: Field[] }[],
  ctx: z.RefinementCtx,
  pathOf: (pageIndex: number, fieldIndex?: number) => PropertyKey[],
) {
  const all = new Map(pages.flatMap((page) => page.fields.map((field) => [field.name, field] as const)));
  const check = (condition: Condition, path: PropertyKey[], earlier: Map<string, Field>, where: string) => {
    for (const leaf of leavesOf(condition)) {
      const name = leaf.question;
      const field = earlier.get(name);
      if (!field) {
        const message = all.has(name)
          ? `the condition names "${name}", which is asked ${where}. A condition can only use answers to questions asked before it: move "${name}" earlier or the condition later`
          : `the condition names "${name}", but this form has no question "${name}". Use one of: ${[...all.keys()].join(', ')}`;
        ctx.addIssue({ code: 'custom', path, message });
        continue;
      }
      if (
        (field.type === 'checkboxes' || field.type === 'address' || field.type === 'name' || field.type === 'file') &&
        !('answered' in leaf)
      ) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `"${name}" has several answers: a condition can only ask whether it is answered`,
        });
        continue;
      }
      if (COMPARES.some((key) => key in leaf) && field.type !== 'integer' && field.type !== 'money') {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `"${name}" is not a number question, so it cannot be compared with a number`,
        });
      }
      const values = 'equals' in leaf ? [leaf.equals] : 'oneOf' in leaf ? leaf.oneOf : [];
      const options = field.type === 'yesNo' ? ['yes', 'no'] : field.options?.map((option) => option.value);
      for (const value of values) {
        if (options && !options.includes(String(value))) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: `"${name}" has no option "${String(value)}". Use one of: ${options.join(', ')}`,
          });
        }
      }
    }
  };
  const before = new Map<string, Field>();
  pages.forEach((page, pageIndex) => {
    if (page.when) check(page.when, [...pathOf(pageIndex), 'when'], before, 'on this page or later');
    if (page.repeat) {
      // Each item is asked alike: no conditions inside, and later conditions cannot name one item's answer.
      page.fields.forEach((field, fieldIndex) => {
        all.delete(field.name);
        if (field.when)
          ctx.addIssue({
            code: 'custom',
            path: [...pathOf(pageIndex, fieldIndex), 'when'],
            message: 'The questions of a repeating page cannot have conditions',
          });
      });
      return;
    }
    const onPage = new Map(before);
    page.fields.forEach((field, fieldIndex) => {
      if (field.when) check(field.when, [...pathOf(pageIndex, fieldIndex), 'when'], onPage, 'here or later');
      onPage.set(field.name, field);
    });
    for (const field of page.fields) before.set(field.name, field);
  });
}

/**
 * A file goes to storage by its own form post (to the bucket, decision 0110), so a file question sits on a page of
 * its own: the page's other answers would be lost when the person uploads. And not on the first page, which the
 * site prints ahead of time and so cannot carry the upload's short-lived signature.
 */
function checkFilePlacement(
  pages: { repeat?: unknown; fields: Field[] }[] | undefined,
  fields: Field[] | undefined,
  ctx: z.RefinementCtx,
) {
  if (!pages) {
    (fields ?? []).forEach((field, index) => {
      if (field.type === 'file')
        ctx.addIssue({
          code: 'custom',
          path: ['fields', index, 'type'],
          message: `"${field.name}" is a file question: list the form's questions in "pages" and give it a page of its own after the first`,
        });
    });
    return;
  }
  pages.forEach((page, pageIndex) => {
    page.fields.forEach((field, fieldIndex) => {
      if (field.type !== 'file') return;
      const path = ['pages', pageIndex, 'fields', fieldIndex, 'type'];
      const where = page.repeat
        ? 'a repeating page: files are asked once, on a page of their own'
        : pageIndex === 0
          ? 'the first page: move it to a page of its own after the first'
          : page.fields.length > 1
            ? 'a page with other questions: give it a page of its own'
            : undefined;
      if (where) ctx.addIssue({ code: 'custom', path, message: `"${field.name}" is a file question on ${where}` });
    });
  });
}

export const FormSchema = z
  .strictObject({
    id,
    /**
     * The form's version (docs/decisions/0085). A version once published (catalog/published/) never changes: any
     * change to the definition needs the next number. Drafts and submissions record the version they answer.
     */
    version: z.number().int().min(1).max(10_000).default(1),
    title: LocalizedSchema,
    intro: LocalizedSchema,
    /** A one-page form: its questions. */
    fields: z.array(FieldSchema).min(1).max(100).optional(),
    /** A multi-page form: its pages in order (instead of "fields"), with a "Check your answers" page at the end. */
    pages: z.array(PageSchema).min(1).max(30).optional(),
  })
  .superRefine((form, ctx) => {
    if ((form.fields === undefined) === (form.pages === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'A form lists its questions in "fields" (one page) or in "pages" (several pages), not both and not neither',
      });
      return;
    }
    const pages = form.pages ?? [{ fields: form.fields ?? [] }];
    const seen = new Set<string>();
    pages.forEach((page, pageIndex) => {
      page.fields.forEach((field, index) => {
        const path = form.pages ? ['pages', pageIndex, 'fields', index, 'name'] : ['fields', index, 'name'];
        if (seen.has(field.name)) ctx.addIssue({ code: 'custom', path, message: `"${field.name}" is used twice` });
        seen.add(field.name);
      });
    });
    if (seen.size > 200) ctx.addIssue({ code: 'custom', path: ['pages'], message: 'A form can ask at most 200 questions' });
    const pageIds = new Set<string>();
    form.pages?.forEach((page, index) => {
      if (pageIds.has(page.id))
        ctx.addIssue({ code: 'custom', path: ['pages', index, 'id'], message: `"${page.id}" is used twice` });
      pageIds.add(page.id);
    });
    checkFilePlacement(form.pages, form.fields, ctx);
    checkConditions(pages, ctx, (pageIndex, fieldIndex) =>
      form.pages
        ? ['pages', pageIndex, ...(fieldIndex === undefined ? [] : ['fields', fieldIndex])]
        : fieldIndex === undefined
          ? []
          : ['fields', fieldIndex],
    );
  })
  .transform(({ pages, fields, ...form }) => ({
    ...form,
    /** Every question of the form, in order (on a multi-page form, page after page), but those asked per item. */
    fields: pages ? pages.flatMap((page) => (page.repeat ? [] : page.fields)) : (fields ?? []),
    ...(pages && {
      pages: pages.map(
        ({ fields: questions, repeat, ...page }): FormPage =>
          repeat
            ? { ...page, questions: [page.id], group: { ...repeat, fields: questions } }
            : { ...page, questions: questions.map((field) => field.name) },
      ),
    }),
  }));
export type Form = z.infer<typeof FormSchema>;

/** Words of the site itself (buttons, headings, messages), in every language. */
export const StringsSchema = z.record(
  z.string().regex(/^[a-zA-Z][a-zA-Z0-9.-]*$/, 'Use letters, numbers, dots and hyphens in string keys'),
  LocalizedSchema,
);
export type Strings = z.infer<typeof StringsSchema>;
