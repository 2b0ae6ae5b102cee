/**
 * The one renderer of a catalog form: the static site prints it on each apply page, and the submit handler
 * prints it again, with the person's answers and the error summary, when a plain HTML post has mistakes.
 * Works with no JavaScript (a plain POST); data-* attributes let a small script add inline checks.
 */
import { defaultMaxLength, type FieldProblem, messageFor } from '#catalog/form-messages';
import type { Field, Form, Strings } from '#catalog/schema';
import { MAIN_ID } from '../chrome/SiteTop.tsx';
import { Button } from '../components/Button.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import type { Lang } from '../lang.ts';
import { apiPath } from '../paths.ts';
import { Checkbox } from './Checkbox.tsx';
import type { FieldFrame } from './FormGroup.tsx';
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
}

const frameId = (field: Field) => `field-${field.name}`;

/** The id of the element an error-summary link jumps to (the first input of the field). */
export function inputId(field: Field): string {
  return field.type === 'radio' ? radioId({ id: frameId(field) }, field.options?.[0]?.value ?? '') : frameId(field);
}

const CHECKS_INVALID = new Set<Field['type']>(['text', 'textarea', 'email', 'tel', 'date', 'integer']);
const CHECKS_LENGTH = new Set<Field['type']>(['text', 'textarea', 'email', 'tel']);

/** What the inline checks need to know about a field, and the server's words for each mistake. */
function checkData(field: Field, props: CatalogFormProps): Record<`data-${string}`, string> {
  const { locale } = props.lang;
  const data: Record<`data-${string}`, string> = { 'data-field': field.name, 'data-type': field.type };
  if (field.pattern) data['data-pattern'] = field.pattern;
  if (field.minimum !== undefined) data['data-min'] = String(field.minimum);
  if (field.maximum !== undefined) data['data-max'] = String(field.maximum);
  data['data-msg-required'] = messageFor(field, 'required', locale, props.strings);
  if (CHECKS_INVALID.has(field.type)) data['data-msg-invalid'] = messageFor(field, 'invalid', locale, props.strings);
  if (CHECKS_LENGTH.has(field.type)) data['data-msg-too-long'] = messageFor(field, 'tooLong', locale, props.strings);
  return data;
}

function CatalogField({ field, props }: { field: Field; props: CatalogFormProps }) {
  const { locale } = props.lang;
  const raw = props.values?.[field.name];
  const value = raw === undefined || raw === null ? '' : String(raw);
  const frame: FieldFrame = {
    id: frameId(field),
    name: field.name,
    label: field.label[locale],
    hint: field.hint?.[locale],
    error: props.problems?.find((problem) => problem.field === field.name)?.message,
    errorSlot: true,
    required: field.required,
    data: checkData(field, props),
  };
  const choices = (field.options ?? []).map((option) => ({ value: option.value, label: option.label[locale] }));
  switch (field.type) {
    case 'radio':
      return <RadioGroup {...frame} choices={choices} value={value} />;
    case 'checkbox':
      return <Checkbox {...frame} checked={raw === true || ['true', 'yes', 'on'].includes(value)} />;
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
    case 'date':
      return <TextInput {...frame} type="date" value={value} width="medium" autocomplete={field.autocomplete} />;
    default:
      return (
        <TextInput
          {...frame}
          type={field.type}
          value={value}
          width={field.type === 'tel' ? 'medium' : undefined}
          maxLength={defaultMaxLength(field)}
          autocomplete={field.autocomplete}
        />
      );
  }
}

export function CatalogForm(props: CatalogFormProps) {
  const { form, lang, problems = [] } = props;
  return (
    <form
      class="usa-form usa-form--large portal-form"
      method="post"
      action={apiPath('submitForm', { formId: form.id }, { lang: lang.locale })}
      noValidate
      data-portal-form={form.id}
      data-signed-in-action={apiPath('submitMyForm', { formId: form.id }, { lang: lang.locale })}
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
      <input type="hidden" name="_idempotency" value={props.idempotencyKey ?? ''} data-idempotency-key />
      <p class="usa-hint">{lang.t('form.requiredNote')}</p>
      {form.fields.map((field) => (
        <CatalogField field={field} props={props} key={field.name} />
      ))}
      <Button variant="big" extraClass="portal-submit">
        {lang.t('form.submit')}
      </Button>
    </form>
  );
}
