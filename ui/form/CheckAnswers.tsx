/**
 * "Check your answers": every page the person went through, each answer as they will send it, and a "Change"
 * link back to the page that asked it. The button sends the draft (a plain POST, no JavaScript needed).
 */

import { answerText } from '#catalog/answer-text';
import { shownQuestions } from '#catalog/conditions';
import { bareLabel } from '#catalog/form-messages';
import { conditionalForm, fieldsOfPage, itemLabel } from '#catalog/form-pages';
import { formatMoney } from '#catalog/i18n';
import type { Form, FormPage, RepeatingGroup } from '#catalog/schema';
import { Button } from '../components/Button.tsx';
import { safeHref } from '../href.ts';
import type { Lang } from '../lang.ts';
import { inputId } from './CatalogForm.tsx';
import { HiddenFields } from './HiddenFields.tsx';

export interface CheckAnswersProps {
  form: Form;
  lang: Lang;
  /** The pages shown for these answers, in order. */
  pages: FormPage[];
  answers: Record<string, unknown>;
  /** Where each page's "Change" link goes. */
  changeHref: (page: FormPage) => string;
  /** Where the answers are sent, and the hidden fields that name the draft. */
  action: string;
  signedInAction: string;
  hidden: Record<string, string>;
  /** The fee these answers make (computed on the server, functions/domain/fees.ts), shown before sending. */
  fee?: { amount: number; currency: string; quantity?: number; unitAmount?: number; description: string } | undefined;
}

function FeeRow({ lang, fee }: { lang: Lang; fee: NonNullable<CheckAnswersProps['fee']> }) {
  const money = (cents: number) => formatMoney(cents, fee.currency, lang.locale);
  const total = money(fee.amount);
  return (
    <div class="portal-check-page">
      <h2>{lang.t('form.fee')}</h2>
      <dl class="portal-facts portal-check-answers">
        <dt>{fee.description}</dt>
        <dd data-fee={fee.amount}>
          {fee.quantity !== undefined && fee.unitAmount !== undefined
            ? lang.t('form.feeTimes', { count: fee.quantity, each: money(fee.unitAmount), total })
            : total}
        </dd>
      </dl>
    </div>
  );
}

/** A repeating page's items, one row each: its summary line, and "Change" to the page's list. */
function GroupRows(props: CheckAnswersProps & { page: FormPage; group: RepeatingGroup }) {
  const { lang, page, group } = props;
  const items = Array.isArray(props.answers[page.id]) ? (props.answers[page.id] as Record<string, unknown>[]) : [];
  const summary = group.fields.find((field) => field.name === group.summary);
  const change = (
    <a class="usa-link" href={safeHref(props.changeHref(page))}>
      {lang.t('form.change')}
      <span class="usa-sr-only"> {page.title[lang.locale]}</span>
    </a>
  );
  if (items.length === 0)
    return (
      <>
        <dt>{page.title[lang.locale]}</dt>
        <dd data-answer={page.id}>
          <span class="portal-check-answers__value">{lang.t('form.notAnswered')}</span> {change}
        </dd>
      </>
    );
  return (
    <>
      {items.map((item, index) => {
        const label = itemLabel(group, index, lang.locale);
        return [
          <dt key={`t-${index}`}>{label}</dt>,
          <dd key={`d-${index}`} data-answer={`${page.id}.${index}`}>
            <span class="portal-check-answers__value">
              {summary ? answerText(summary, item[summary.name], lang) || lang.t('form.notAnswered') : ''}
            </span>{' '}
            <a class="usa-link" href={safeHref(props.changeHref(page))}>
              {lang.t('form.change')}
              <span class="usa-sr-only"> {label}</span>
            </a>
          </dd>,
        ];
      })}
    </>
  );
}

export function CheckAnswers(props: CheckAnswersProps) {
  const { form, lang, answers } = props;
  const shown = shownQuestions(conditionalForm(form), answers);
  return (
    <form
      class="usa-form usa-form--large portal-form"
      method="post"
      action={safeHref(props.action)}
      noValidate
      data-portal-form={form.id}
      data-signed-in-action={safeHref(props.signedInAction)}
    >
      <HiddenFields fields={props.hidden} />
      {props.pages.map((page) => (
        <div key={page.id} class="portal-check-page">
          <h2>{page.title[lang.locale]}</h2>
          <dl class="portal-facts portal-check-answers">
            {page.group && <GroupRows page={page} group={page.group} {...props} />}
            {fieldsOfPage(form, page)
              .filter((field) => shown.has(field.name))
              .map((field) => [
                <dt key={`t-${field.name}`}>{bareLabel(field, lang.locale)}</dt>,
                <dd key={`d-${field.name}`} data-answer={field.name}>
                  <span class="portal-check-answers__value">
                    {answerText(field, answers[field.name], lang) || lang.t('form.notAnswered')}
                  </span>{' '}
                  <a class="usa-link" href={safeHref(`${props.changeHref(page)}#${inputId(field)}`)}>
                    {lang.t('form.change')}
                    <span class="usa-sr-only"> {bareLabel(field, lang.locale)}</span>
                  </a>
                </dd>,
              ])}
          </dl>
        </div>
      ))}
      {props.fee && <FeeRow lang={lang} fee={props.fee} />}
      <Button variant="big" extraClass="portal-submit">
        {lang.t('form.submit')}
      </Button>
    </form>
  );
}
