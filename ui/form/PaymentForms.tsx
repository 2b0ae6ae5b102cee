/**
 * The payment forms, for the static site's pay pages and for the pages the API renders (the same form again
 * with a mistake marked; "Pay" and "Try again" buttons). Plain POSTs: they work without JavaScript.
 */

import { MAIN_ID } from '../chrome/SiteTop.tsx';
import { Button } from '../components/Button.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import type { Lang } from '../lang.ts';
import { apiPath } from '../paths.ts';
import { HiddenFields } from './HiddenFields.tsx';
import { TextInput } from './TextInput.tsx';

/** A mistake to show, on the field it belongs to (or above the form). */
export interface FormProblem {
  field?: string;
  message: string;
}

interface ShortAnswer {
  name: string;
  label: string;
  hint: string;
  value: string;
}

const fieldId = (name: string) => `pay-${name}`;

/** A form of one or two short answers (a confirmation code; a bill's reference and plate). */
function ShortAnswerForm({
  lang,
  action,
  fields,
  submit,
  problem,
}: {
  lang: Lang;
  action: string;
  fields: ShortAnswer[];
  submit: string;
  problem?: FormProblem | undefined;
}) {
  return (
    <form class="usa-form portal-form" method="post" action={action} noValidate>
      {problem && (
        <ErrorSummary
          title={lang.t('form.errorSummaryTitle')}
          problems={[{ message: problem.message, href: `#${problem.field ? fieldId(problem.field) : MAIN_ID}` }]}
        />
      )}
      {fields.map((field) => (
        <TextInput
          key={field.name}
          id={fieldId(field.name)}
          name={field.name}
          label={field.label}
          hint={field.hint}
          value={field.value}
          error={problem?.field === field.name ? problem.message : undefined}
          width="medium"
          maxLength={40}
          required
          autocomplete="off"
          code
        />
      ))}
      <Button>{submit}</Button>
    </form>
  );
}

/** "Pay the fee" on a service's pay page: the confirmation code of the application. */
export function PayByCodeForm({ lang, code = '', problem }: { lang: Lang; code?: string; problem?: FormProblem | undefined }) {
  return (
    <ShortAnswerForm
      lang={lang}
      action={apiPath('startPayment', {}, { lang: lang.locale })}
      fields={[{ name: 'code', label: lang.t('status.codeLabel'), hint: lang.t('status.codeHint'), value: code }]}
      submit={lang.t('pay.submit')}
      problem={problem}
    />
  );
}

/** "Pay a ticket or bill": its reference number and the plate or ZIP code printed beside it. */
export function BillLookupForm({
  lang,
  bill = '',
  check = '',
  problem,
}: {
  lang: Lang;
  bill?: string;
  check?: string;
  problem?: FormProblem | undefined;
}) {
  return (
    <ShortAnswerForm
      lang={lang}
      action={apiPath('findBill', {}, { lang: lang.locale })}
      fields={[
        { name: 'bill', label: lang.t('bill.referenceLabel'), hint: lang.t('bill.referenceHint'), value: bill },
        { name: 'check', label: lang.t('bill.checkLabel'), hint: lang.t('bill.checkHint'), value: check },
      ]}
      submit={lang.t('bill.find')}
      problem={problem}
    />
  );
}

/** A one-button form ("Pay $25.00", "Try again"): the hidden fields say what to pay for. */
export function PayButton({
  lang,
  label,
  pays,
  idempotencyKey,
  outline = false,
}: {
  lang: Lang;
  label: string;
  /** What the button pays for: `{ code }`, `{ bill, check }` or `{ payment }` (a retry). */
  pays: Record<string, string>;
  idempotencyKey?: string;
  outline?: boolean;
}) {
  return (
    <form class="portal-pay-button" method="post" action={apiPath('startPayment', {}, { lang: lang.locale })}>
      <HiddenFields fields={{ ...pays, ...(idempotencyKey && { _idempotency: idempotencyKey }) }} />
      <Button variant={outline ? 'outline' : 'default'}>{label}</Button>
    </form>
  );
}
