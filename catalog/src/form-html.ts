/**
 * The one renderer of a form: the static site prints it into each apply page, and the submit handler prints
 * it again, with the person's answers and the error summary, when a plain HTML post has mistakes.
 * USWDS markup; works with no JavaScript (a plain POST); data-* attributes let a small script add inline checks.
 */
import { defaultMaxLength, messageFor } from './form-messages.ts';
import { escapeHtml as e, translate } from './i18n.ts';
import type { Field, Form, Locale, Strings } from './schema.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

export interface RenderFormOptions {
  form: Form;
  locale: Locale;
  strings: Strings;
  /** The answers to show again (as the person typed them). */
  values?: Record<string, unknown>;
  problems?: FieldProblem[];
  /** Sent back unchanged so a retry after a mistake is still the same request. */
  idempotencyKey?: string;
}

export function submitPath(formId: string): string {
  return `/api/forms/${formId}/submissions`;
}

/** The id of the element an error-summary link jumps to (the first input of the field). */
export function inputId(field: Field): string {
  return field.type === 'radio' ? `field-${field.name}-${field.options?.[0]?.value ?? ''}` : `field-${field.name}`;
}

export function renderErrorSummary(problems: FieldProblem[], form: Form, locale: Locale, strings: Strings): string {
  const items = problems
    .map((problem) => {
      const field = form.fields.find((candidate) => candidate.name === problem.field);
      const target = field ? `#${inputId(field)}` : '#main-content';
      return `<li class="usa-error-summary__item"><a class="usa-link" href="${target}">${e(problem.message)}</a></li>`;
    })
    .join('');
  return (
    `<div class="usa-alert usa-alert--error portal-error-summary" role="alert" tabindex="-1" data-error-summary>` +
    `<div class="usa-alert__body"><h2 class="usa-alert__heading">${e(translate(strings, 'form.errorSummaryTitle', locale))}</h2>` +
    `<ul class="usa-list usa-list--unstyled">${items}</ul></div></div>`
  );
}

function messageAttributes(field: Field, locale: Locale, strings: Strings): string {
  const invalid = ['text', 'textarea', 'email', 'tel', 'date', 'integer'].includes(field.type)
    ? ` data-msg-invalid="${e(messageFor(field, 'invalid', locale, strings))}"`
    : '';
  const tooLong = ['text', 'textarea', 'email', 'tel'].includes(field.type)
    ? ` data-msg-too-long="${e(messageFor(field, 'tooLong', locale, strings))}"`
    : '';
  return ` data-msg-required="${e(messageFor(field, 'required', locale, strings))}"${invalid}${tooLong}`;
}

function describedBy(ids: (string | false)[]): string {
  const list = ids.filter(Boolean).join(' ');
  return list ? ` aria-describedby="${list}"` : '';
}

function renderField(field: Field, options: RenderFormOptions): string {
  const { locale, strings } = options;
  const id = inputId(field);
  const base = `field-${field.name}`;
  const raw = options.values?.[field.name];
  const value = raw === undefined || raw === null ? '' : String(raw);
  const problem = options.problems?.find((candidate) => candidate.field === field.name);
  const hintId = field.hint ? `${base}-hint` : false;
  const errorId = `${base}-error`;
  const hint = field.hint ? `<div class="usa-hint" id="${base}-hint">${e(field.hint[locale])}</div>` : '';
  // The error element is always present (empty and hidden when fine) so the inline script can fill it.
  const error = `<span class="usa-error-message" id="${errorId}" data-error-for="${field.name}"${problem ? '' : ' hidden'}>${e(problem?.message ?? '')}</span>`;
  const aria = describedBy([hintId, problem ? errorId : false]);
  const required = field.required ? ' required' : '';
  const invalid = problem ? ' aria-invalid="true"' : '';
  const group = `usa-form-group${problem ? ' usa-form-group--error' : ''}`;
  const data = ` data-field="${field.name}" data-type="${field.type}"${field.pattern ? ` data-pattern="${e(field.pattern)}"` : ''}${
    field.minimum !== undefined ? ` data-min="${field.minimum}"` : ''
  }${field.maximum !== undefined ? ` data-max="${field.maximum}"` : ''}${messageAttributes(field, locale, strings)}`;

  if (field.type === 'radio') {
    const radios = (field.options ?? [])
      .map((option) => {
        const optionId = `${base}-${option.value}`;
        const checked = value === option.value ? ' checked' : '';
        return (
          `<div class="usa-radio"><input class="usa-radio__input" id="${optionId}" type="radio" name="${field.name}" value="${e(option.value)}"${checked}${required}>` +
          `<label class="usa-radio__label" for="${optionId}">${e(option.label[locale])}</label></div>`
        );
      })
      .join('');
    return (
      `<div class="${group}"${data}><fieldset class="usa-fieldset"${aria}>` +
      `<legend class="usa-legend">${e(field.label[locale])}</legend>${hint}${error}${radios}</fieldset></div>`
    );
  }

  if (field.type === 'checkbox') {
    const checked = raw === true || value === 'true' || value === 'yes' || value === 'on' ? ' checked' : '';
    return (
      `<div class="${group}"${data}>${hint}${error}<div class="usa-checkbox">` +
      `<input class="usa-checkbox__input" id="${id}" type="checkbox" name="${field.name}" value="yes"${checked}${required}${aria}${invalid}>` +
      `<label class="usa-checkbox__label" for="${id}">${e(field.label[locale])}</label></div></div>`
    );
  }

  const label = `<label class="usa-label${problem ? ' usa-label--error' : ''}" for="${id}">${e(field.label[locale])}</label>`;
  const autocomplete = field.autocomplete ? ` autocomplete="${e(field.autocomplete)}"` : '';
  const inputError = problem ? ' usa-input--error' : '';

  if (field.type === 'select') {
    const choices = (field.options ?? [])
      .map(
        (option) =>
          `<option value="${e(option.value)}"${value === option.value ? ' selected' : ''}>${e(option.label[locale])}</option>`,
      )
      .join('');
    return (
      `<div class="${group}"${data}>${label}${hint}${error}` +
      `<select class="usa-select${inputError}" id="${id}" name="${field.name}"${required}${aria}${invalid}${autocomplete}>` +
      `<option value="">${e(translate(strings, 'form.selectPlaceholder', locale))}</option>${choices}</select></div>`
    );
  }

  if (field.type === 'textarea') {
    return (
      `<div class="${group}"${data}>${label}${hint}${error}` +
      `<textarea class="usa-textarea${inputError}" id="${id}" name="${field.name}" maxlength="${defaultMaxLength(field)}"${required}${aria}${invalid}${autocomplete}>${e(value)}</textarea></div>`
    );
  }

  const type = field.type === 'integer' ? 'text" inputmode="numeric' : field.type;
  const maxLength = field.type === 'integer' || field.type === 'date' ? '' : ` maxlength="${defaultMaxLength(field)}"`;
  const width =
    field.type === 'integer' ? ' usa-input--small' : field.type === 'date' || field.type === 'tel' ? ' usa-input--medium' : '';
  return (
    `<div class="${group}"${data}>${label}${hint}${error}` +
    `<input class="usa-input${width}${inputError}" id="${id}" name="${field.name}" type="${type}" value="${e(value)}"${maxLength}${required}${aria}${invalid}${autocomplete}></div>`
  );
}

export function renderForm(options: RenderFormOptions): string {
  const { form, locale, strings, problems = [] } = options;
  const summary = problems.length > 0 ? renderErrorSummary(problems, form, locale, strings) : '';
  return (
    `<form class="usa-form usa-form--large portal-form" method="post" action="${submitPath(form.id)}?lang=${locale}" novalidate data-portal-form="${form.id}">` +
    summary +
    `<input type="hidden" name="_idempotency" value="${e(options.idempotencyKey ?? '')}" data-idempotency-key>` +
    `<p class="usa-hint">${e(translate(strings, 'form.requiredNote', locale))}</p>` +
    form.fields.map((field) => renderField(field, options)).join('') +
    `<button class="usa-button usa-button--big portal-submit" type="submit">${e(translate(strings, 'form.submit', locale))}</button>` +
    `</form>`
  );
}
