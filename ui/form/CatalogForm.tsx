/**
 * The one renderer of a catalog form: the static site prints it on each apply page, and the submit handler
 * prints it again, with the person's answers and the error summary, when a plain HTML post has mistakes.
 * Works with no JavaScript (a plain POST); data-* attributes let a small script add inline checks.
 */

import { questionsNamed } from '#catalog/conditions';
import { defaultMaxLength, type FieldProblem, messageFor } from '#catalog/form-messages';
import { fieldsOfPage, isMultiPage, pagesOf, questionStates } from '#catalog/form-pages';
import { DATE_PARTS, datePartName } from '#catalog/form-values';
import { isPartsType, partName, QUESTION_PARTS } from '#catalog/question-parts';
import type { Field, Form, FormPage, Strings } from '#catalog/schema';
import { type DECLARATION_PARTS, declarationPartName, isValidSsn, maskSsn } from '#catalog/sensitive';
import { MAIN_ID } from '../chrome/SiteTop.tsx';
import { Button } from '../components/Button.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { safeHref } from '../href.ts';
import type { Lang } from '../lang.ts';
import { apiPath } from '../paths.ts';
import { Checkbox } from './Checkbox.tsx';
import { CheckboxGroup, checkboxId } from './CheckboxGroup.tsx';
import { Declaration, declarationId } from './Declaration.tsx';
import type { FieldFrame } from './FormGroup.tsx';
import { datePartId, MemorableDate } from './MemorableDate.tsx';
import { PartsFieldset, partId } from './PartsFieldset.tsx';
import { RadioGroup, radioId } from './RadioGroup.tsx';
import { Select } from './Select.tsx';
import { Textarea } from './Textarea.tsx';
import { TextInput } from './TextInput.tsx';

export interface CatalogFormProps {
  form: Form;
  lang: Lang;
  /** The field messages (required, invalid, too long) come from the same strings as the server's checks. */
  strings: Strings;
  /** The answers to show again, as the person typed them. */
  values?: Record<string, unknown>;
  problems?: FieldProblem[];
  /** Sent back unchanged so a retry after a mistake is still the same request. */
  idempotencyKey?: string;
  /** Questions whose answer came from the person's sign-in (marked so; they can change it). */
  prefilled?: readonly string[];
  /**
   * A multi-page form shows one page at a time (default: its first page, as the site's apply page prints it).
   * `earlier` holds the answers of the pages before it, kept in the draft: they decide which questions it shows.
   */
  page?: { page: FormPage; earlier: Record<string, unknown>; action: string; hidden?: Record<string, string> };
}

const frameId = (field: Field) => `field-${field.name}`;

/** The id of the element an error-summary link jumps to (the first input of the field). */
export function inputId(field: Field): string {
  const frame = { id: frameId(field) };
  if (field.type === 'radio') return radioId(frame, field.options?.[0]?.value ?? '');
  if (field.type === 'yesNo') return radioId(frame, 'yes');
  if (field.type === 'checkboxes') return checkboxId(frame, field.options?.[0]?.value ?? '');
  if (field.type === 'memorableDate') return datePartId(frame, 'month');
  if (field.type === 'declaration') return declarationId(frame, 'agree');
  if (isPartsType(field.type)) return partId(frame, QUESTION_PARTS[field.type][0]?.part ?? '');
  return frame.id;
}

/** A memorable date's three boxes: as posted after a mistake, or split from the answer kept. */
function dateParts(field: Field, values: Record<string, unknown> | undefined): Record<'month' | 'day' | 'year', string> {
  const posted = (part: 'month' | 'day' | 'year') => values?.[datePartName(field.name, part)];
  if (DATE_PARTS.some((part) => posted(part) !== undefined)) {
    return { month: String(posted('month') ?? ''), day: String(posted('day') ?? ''), year: String(posted('year') ?? '') };
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(values?.[field.name] ?? ''));
  if (!match) return { month: '', day: '', year: '' };
  return { year: match[1]!, month: String(Number(match[2])), day: String(Number(match[3])) };
}

/** An address's or a name's boxes: as posted after a mistake, or from the answer kept. */
function partsOf(field: Field, values: Record<string, unknown> | undefined): Record<string, string> {
  if (!isPartsType(field.type)) return {};
  const kept = values?.[field.name];
  const answer = typeof kept === 'object' && kept !== null ? (kept as Record<string, unknown>) : {};
  return Object.fromEntries(
    QUESTION_PARTS[field.type].map(({ part }) => [part, String(values?.[partName(field.name, part)] ?? answer[part] ?? '')]),
  );
}

/** Money kept in cents shows as dollars and cents; as typed after a mistake. */
function moneyText(raw: unknown): string {
  return typeof raw === 'number' ? (raw / 100).toFixed(2) : raw === undefined || raw === null ? '' : String(raw);
}

const CHECKS_INVALID = new Set<Field['type']>([
  'text',
  'textarea',
  'email',
  'tel',
  'date',
  'integer',
  'memorableDate',
  'money',
  'ssn',
]);
const CHECKS_LENGTH = new Set<Field['type']>(['text', 'textarea', 'email', 'tel']);

/** What the inline checks need to know about a field, and the server's words for each mistake. */
function checkData(field: Field, props: CatalogFormProps): Record<`data-${string}`, string> {
  const { locale } = props.lang;
  const data: Record<`data-${string}`, string> = { 'data-field': field.name, 'data-type': field.type };
  if (field.pattern) data['data-pattern'] = field.pattern;
  // Filled in from the sign-in by the browser on the site's first page (the server fills the later ones).
  if (field.prefill) data['data-prefill'] = field.prefill;
  if (field.minimum !== undefined) data['data-min'] = String(field.minimum);
  if (field.maximum !== undefined) data['data-max'] = String(field.maximum);
  // A condition on an answer of this same page: the browser shows or hides the question as the person answers.
  if (field.when && liveOn(props).has(field.name)) data['data-when'] = JSON.stringify(field.when);
  if (field.type === 'checkboxes' && field.required) data['data-required'] = 'true';
  // Date ranges: the browser applies the server's own rule (catalog/src/date-range.ts) with the server's words.
  if (field.dateRange) {
    data['data-date-range'] = JSON.stringify(field.dateRange);
    for (const kind of ['future', 'past', 'tooFar'] as const)
      data[`data-msg-${kind === 'tooFar' ? 'too-far' : kind}`] = messageFor(field, kind, locale, props.strings);
  }
  data['data-msg-required'] = messageFor(field, 'required', locale, props.strings);
  if (CHECKS_INVALID.has(field.type)) data['data-msg-invalid'] = messageFor(field, 'invalid', locale, props.strings);
  if (CHECKS_LENGTH.has(field.type)) data['data-msg-too-long'] = messageFor(field, 'tooLong', locale, props.strings);
  return data;
}

function CatalogField({ field, props }: { field: Field; props: CatalogFormProps }) {
  const { locale } = props.lang;
  const raw = props.values?.[field.name];
  const value = raw === undefined || raw === null ? '' : String(raw);
  const prefilled = props.prefilled?.includes(field.name) ? props.lang.t('form.prefilled') : undefined;
  const frame: FieldFrame = {
    id: frameId(field),
    name: field.name,
    label: field.label[locale],
    hint: [field.hint?.[locale], prefilled].filter(Boolean).join(' ') || undefined,
    error: props.problems?.find((problem) => problem.field === field.name)?.message,
    errorSlot: true,
    required: field.required,
    data: checkData(field, props),
  };
  const choices = (field.options ?? []).map((option) => ({ value: option.value, label: option.label[locale] }));
  switch (field.type) {
    case 'radio':
      return <RadioGroup {...frame} choices={choices} value={value} />;
    case 'yesNo': {
      const yesNo = [
        { value: 'yes', label: props.lang.t('form.yes') },
        { value: 'no', label: props.lang.t('form.no') },
      ];
      return <RadioGroup {...frame} choices={yesNo} value={value} />;
    }
    case 'checkboxes': {
      const ticked = Array.isArray(raw) ? raw.map(String) : value === '' ? [] : [value];
      return <CheckboxGroup {...frame} choices={choices} values={ticked} />;
    }
    case 'memorableDate':
      return (
        <MemorableDate
          {...frame}
          hint={frame.hint ?? props.lang.t('form.memorableDateHint')}
          lang={props.lang}
          parts={dateParts(field, props.values)}
          autocomplete={field.autocomplete}
        />
      );
    case 'address':
    case 'name':
      return <PartsFieldset {...frame} lang={props.lang} type={field.type} parts={partsOf(field, props.values)} />;
    case 'money':
      return (
        <TextInput
          {...frame}
          value={moneyText(raw)}
          inputMode="text"
          width="medium"
          prefix="$"
          autocomplete={field.autocomplete}
        />
      );
    case 'checkbox':
      return <Checkbox {...frame} checked={raw === true || ['true', 'yes', 'on'].includes(value)} />;
    case 'ssn': {
      // Never sent back: a number already saved shows as its last four digits, and an empty box keeps it.
      const saved = typeof raw === 'string' && isValidSsn(raw) ? maskSsn(raw) : undefined;
      const hint = saved ? props.lang.t('form.ssnSaved', { masked: saved }) : (frame.hint ?? props.lang.t('form.ssnHint'));
      return (
        <TextInput
          {...frame}
          hint={hint}
          required={frame.required && !saved}
          value=""
          inputMode="numeric"
          width="medium"
          maxLength={11}
          autocomplete="off"
        />
      );
    }
    case 'declaration': {
      const answer = typeof raw === 'object' && raw !== null ? (raw as Record<string, string>) : {};
      const posted = (part: (typeof DECLARATION_PARTS)[number]) => props.values?.[declarationPartName(field.name, part)];
      const agreed = posted('agree') !== undefined ? posted('agree') === 'yes' : answer.agreed === 'yes';
      return (
        <Declaration
          {...frame}
          lang={props.lang}
          agreed={agreed}
          signature={String(posted('signature') ?? answer.name ?? '')}
          signedAt={answer.signedAt}
        />
      );
    }
    case 'select':
      return (
        <Select
          {...frame}
          choices={choices}
          value={value}
          placeholder={props.lang.t('form.selectPlaceholder')}
          autocomplete={field.autocomplete}
        />
      );
    case 'textarea':
      return <Textarea {...frame} value={value} maxLength={defaultMaxLength(field)} autocomplete={field.autocomplete} />;
    case 'integer':
      return <TextInput {...frame} value={value} inputMode="numeric" width="small" autocomplete={field.autocomplete} />;
    case 'file':
      // Files are attached on a page of their own (ui/pages/UploadPage.tsx), never in this form's post.
      return null;
    case 'date':
      return <TextInput {...frame} type="date" value={value} width="medium" autocomplete={field.autocomplete} />;
    default:
      return (
        <TextInput
          {...frame}
          type={field.type === 'email' || field.type === 'tel' ? field.type : 'text'}
          value={value}
          width={field.type === 'tel' ? 'medium' : undefined}
          maxLength={defaultMaxLength(field)}
          autocomplete={field.autocomplete}
        />
      );
  }
}

/** The page shown and how each of its questions is shown (a one-page form is one page). */
function pageOf(props: CatalogFormProps): { page: FormPage; states: Map<string, 'shown' | 'hidden' | 'live'> } {
  const page = props.page?.page ?? (pagesOf(props.form)[0] as FormPage);
  return { page, states: questionStates(props.form, page, props.page?.earlier ?? {}) };
}

const live = new WeakMap<CatalogFormProps, Set<string>>();
function liveOn(props: CatalogFormProps): Set<string> {
  let names = live.get(props);
  if (!names) {
    names = new Set([...pageOf(props).states].flatMap(([name, state]) => (state === 'live' ? [name] : [])));
    live.set(props, names);
  }
  return names;
}

export function CatalogForm(props: CatalogFormProps) {
  const { form, lang, problems = [] } = props;
  const { page, states } = pageOf(props);
  const fields = fieldsOfPage(form, page).filter((field) => states.get(field.name) !== 'hidden');
  const multiPage = isMultiPage(form);
  // What same-page conditions also name from earlier pages: those answers (the person's own, on their own page).
  const named = new Set(
    fields.flatMap((field) => (field.when && liveOn(props).has(field.name) ? questionsNamed(field.when) : [])),
  );
  const earlier = Object.fromEntries(Object.entries(props.page?.earlier ?? {}).filter(([name]) => named.has(name)));
  return (
    <form
      class="usa-form usa-form--large portal-form"
      method="post"
      action={safeHref(
        props.page?.action ??
          (multiPage
            ? apiPath('startFormDraft', { formId: form.id }, { lang: lang.locale })
            : apiPath('submitForm', { formId: form.id }, { lang: lang.locale })),
      )}
      noValidate
      data-portal-form={form.id}
      data-signed-in-action={multiPage ? undefined : apiPath('submitMyForm', { formId: form.id }, { lang: lang.locale })}
      data-signed-in-start={
        multiPage && !props.page ? apiPath('startMyFormDraft', { formId: form.id }, { lang: lang.locale }) : undefined
      }
      data-earlier-answers={liveOn(props).size > 0 ? JSON.stringify(earlier) : undefined}
    >
      {problems.length > 0 && (
        <ErrorSummary
          title={lang.t('form.errorSummaryTitle')}
          problems={problems.map((problem) => {
            const field = form.fields.find((candidate) => candidate.name === problem.field);
            return { message: problem.message, href: `#${field ? inputId(field) : MAIN_ID}` };
          })}
        />
      )}
      {!multiPage && <input type="hidden" name="_idempotency" value={props.idempotencyKey ?? ''} data-idempotency-key />}
      {Object.entries(props.page?.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} key={name} />
      ))}
      <p class="usa-hint">{lang.t('form.requiredNote')}</p>
      {fields.map((field) => (
        <CatalogField field={field} props={props} key={field.name} />
      ))}
      <Button variant="big" extraClass="portal-submit">
        {lang.t(multiPage ? 'form.continue' : 'form.submit')}
      </Button>
      {multiPage && (
        <p>
          <Button variant="unstyled" name="_save" value="later" extraClass="portal-save-later" data-save-later>
            {lang.t('form.saveLater')}
          </Button>
        </p>
      )}
    </form>
  );
}
