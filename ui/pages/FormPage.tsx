/** An apply page again, as the submit handler answers a plain post with mistakes: the answers kept, the mistakes marked. */
import type { FieldProblem } from '#catalog/form-messages';
import type { Form, Strings } from '#catalog/schema';
import { CatalogForm } from '../form/CatalogForm.tsx';
import type { Lang } from '../lang.ts';
import type { PageView } from './view.ts';

export function formWithProblemsPage(
  lang: Lang,
  strings: Strings,
  form: Form,
  answers: { values: Record<string, unknown>; problems: FieldProblem[]; idempotencyKey: string; altHref: string },
): PageView {
  const { locale } = lang;
  return {
    title: `${lang.t('error.titlePrefix')} ${form.title[locale]}`,
    altHref: answers.altHref,
    content: (
      <>
        <h1>{form.title[locale]}</h1>
        <p class="usa-intro">{form.intro[locale]}</p>
        <CatalogForm
          form={form}
          lang={lang}
          strings={strings}
          values={answers.values}
          problems={answers.problems}
          idempotencyKey={answers.idempotencyKey}
        />
      </>
    ),
  };
}
