/**
 * The payment forms, rendered once for the static site (pay pages) and for the pages the API renders (the
 * same form again with a mistake marked; "Pay" and "Try again" buttons). USWDS markup, plain POSTs: they
 * work without JavaScript.
 */
import { escapeHtml as e, translate } from './i18n.ts';
import type { Locale, Strings } from './schema.ts';

/** Where payment forms post. */
export const PAYMENTS_PATH = '/api/payments';
export const BILL_LOOKUP_PATH = '/api/bills/lookup';

export interface SmallField {
  name: string;
  label: string;
  hint?: string;
  value?: string;
  autocomplete?: string;
}

export interface SmallFormOptions {
  action: string;
  locale: Locale;
  strings: Strings;
  fields: SmallField[];
  submit: string;
  hidden?: Record<string, string>;
  /** A mistake to show, on the field it belongs to (or above the form). */
  problem?: { field?: string; message: string };
}

const fieldId = (name: string) => `pay-${name}`;

function renderField(field: SmallField, problem: SmallFormOptions['problem']): string {
  const id = fieldId(field.name);
  const wrong = problem?.field === field.name;
  const hintId = field.hint ? `${id}-hint` : '';
  const errorId = wrong ? `${id}-error` : '';
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  return (
    `<div class="usa-form-group${wrong ? ' usa-form-group--error' : ''}">` +
    `<label class="usa-label${wrong ? ' usa-label--error' : ''}" for="${id}">${e(field.label)}</label>` +
    (field.hint ? `<div class="usa-hint" id="${hintId}">${e(field.hint)}</div>` : '') +
    (wrong ? `<span class="usa-error-message" id="${errorId}">${e(problem?.message)}</span>` : '') +
    `<input class="usa-input usa-input--medium${wrong ? ' usa-input--error' : ''}" id="${id}" name="${e(field.name)}" type="text"` +
    ` value="${e(field.value ?? '')}" maxlength="40" required autocapitalize="characters" spellcheck="false"` +
    ` autocomplete="${e(field.autocomplete ?? 'off')}"${describedBy ? ` aria-describedby="${describedBy}"` : ''}${wrong ? ' aria-invalid="true"' : ''}>` +
    `</div>`
  );
}

function hiddenInputs(hidden: Record<string, string> = {}): string {
  return Object.entries(hidden)
    .map(([name, value]) => `<input type="hidden" name="${e(name)}" value="${e(value)}">`)
    .join('');
}

/** A form of one or two short text answers (a confirmation code; a bill's reference and plate). */
export function renderSmallForm(options: SmallFormOptions): string {
  const { problem, locale, strings } = options;
  const target = problem?.field ? `#${fieldId(problem.field)}` : '#main-content';
  const summary = problem
    ? `<div class="usa-alert usa-alert--error portal-error-summary" role="alert" tabindex="-1" data-error-summary>` +
      `<div class="usa-alert__body"><h2 class="usa-alert__heading">${e(translate(strings, 'form.errorSummaryTitle', locale))}</h2>` +
      `<ul class="usa-list usa-list--unstyled"><li class="usa-error-summary__item"><a class="usa-link" href="${target}">${e(problem.message)}</a></li></ul></div></div>`
    : '';
  return (
    `<form class="usa-form portal-form" method="post" action="${e(options.action)}?lang=${locale}" novalidate data-pagefind-ignore>` +
    summary +
    hiddenInputs(options.hidden) +
    options.fields.map((field) => renderField(field, problem)).join('') +
    `<button class="usa-button" type="submit">${e(options.submit)}</button></form>`
  );
}

/** A one-button form ("Pay $25.00", "Try again"): the hidden fields say what to pay for. */
export function renderPayButton(options: {
  locale: Locale;
  label: string;
  hidden: Record<string, string>;
  idempotencyKey?: string;
  outline?: boolean;
}): string {
  const key: Record<string, string> = options.idempotencyKey ? { _idempotency: options.idempotencyKey } : {};
  return (
    `<form class="portal-pay-button" method="post" action="${PAYMENTS_PATH}?lang=${options.locale}">` +
    hiddenInputs({ ...options.hidden, ...key }) +
    `<button class="usa-button${options.outline ? ' usa-button--outline' : ''}" type="submit">${e(options.label)}</button></form>`
  );
}

/** "Pay the fee" on a service's pay page: the confirmation code of the application. */
export function renderPayByCodeForm(
  locale: Locale,
  strings: Strings,
  values: { code?: string } = {},
  problem?: SmallFormOptions['problem'],
) {
  const t = (key: string) => translate(strings, key, locale);
  return renderSmallForm({
    action: PAYMENTS_PATH,
    locale,
    strings,
    fields: [{ name: 'code', label: t('status.codeLabel'), hint: t('status.codeHint'), value: values.code ?? '' }],
    submit: t('pay.submit'),
    ...(problem && { problem }),
  });
}

/** "Pay a ticket or bill": its reference number and the plate or ZIP code printed beside it. */
export function renderBillLookupForm(
  locale: Locale,
  strings: Strings,
  values: { bill?: string; check?: string } = {},
  problem?: SmallFormOptions['problem'],
) {
  const t = (key: string) => translate(strings, key, locale);
  return renderSmallForm({
    action: BILL_LOOKUP_PATH,
    locale,
    strings,
    fields: [
      { name: 'bill', label: t('bill.referenceLabel'), hint: t('bill.referenceHint'), value: values.bill ?? '' },
      { name: 'check', label: t('bill.checkLabel'), hint: t('bill.checkHint'), value: values.check ?? '' },
    ],
    submit: t('bill.find'),
    ...(problem && { problem }),
  });
}
