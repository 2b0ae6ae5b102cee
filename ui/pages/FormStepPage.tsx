/**
 * The pages of a multi-page form the functions answer with: one page of questions (the answers kept in the
 * draft, mistakes marked), and "Check your answers". Both show where the person is in the step indicator, a Back
 * link, and how long the answers are kept.
 */
import type { FieldProblem } from '#catalog/form-messages';
import type { Form, FormPage, Strings } from '#catalog/schema';
import { MAIN_ID } from '../chrome/SiteTop.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Link } from '../components/Link.tsx';
import { StepIndicator } from '../components/StepIndicator.tsx';
import { CatalogForm } from '../form/CatalogForm.tsx';
import { CheckAnswers, type CheckAnswersProps } from '../form/CheckAnswers.tsx';
import { GroupSummary, type GroupSummaryProps } from '../form/GroupSummary.tsx';
import type { Lang } from '../lang.ts';
import type { PageView } from './view.ts';

export interface FormStepFrame {
  /** The pages shown for the answers so far; the step indicator ends with "Check your answers". */
  steps: FormPage[];
  backHref: string;
  altHref: string;
  keptDays: number;
}

export function Frame({ lang, form, frame, current }: { lang: Lang; form: Form; frame: FormStepFrame; current: number }) {
  const { locale } = lang;
  return (
    <>
      <Link href={frame.backHref} data-back-link>
        {lang.t('form.back')}
      </Link>
      <h1>{form.title[locale]}</h1>
      <StepIndicator
        lang={lang}
        steps={[...frame.steps.map((step) => step.title[locale]), lang.t('form.checkAnswers')]}
        current={current}
      />
    </>
  );
}

export function formStepPage(
  lang: Lang,
  strings: Strings,
  form: Form,
  step: FormStepFrame & {
    page: FormPage;
    earlier: Record<string, unknown>;
    values: Record<string, unknown>;
    problems: FieldProblem[];
    action: string;
    hidden: Record<string, string>;
    /** One item of a repeating page: "Person 2". */
    itemHeading?: string;
    /** Answers from the person's sign-in, marked so. */
    prefilled?: readonly string[];
  },
): PageView {
  const { locale } = lang;
  const current = Math.max(
    0,
    step.steps.findIndex((candidate) => candidate.id === step.page.id),
  );
  const prefix = step.problems.length > 0 ? `${lang.t('error.titlePrefix')} ` : '';
  return {
    title: `${prefix}${step.page.title[locale]} – ${form.title[locale]}`,
    altHref: step.altHref,
    content: (
      <>
        <Frame lang={lang} form={form} frame={step} current={current} />
        {step.itemHeading !== undefined && <h2 class="portal-item-heading">{step.itemHeading}</h2>}
        <CatalogForm
          form={form}
          lang={lang}
          strings={strings}
          values={step.values}
          problems={step.problems}
          page={{ page: step.page, earlier: step.earlier, action: step.action, hidden: step.hidden }}
          {...(step.prefilled && { prefilled: step.prefilled })}
        />
        <p class="usa-hint portal-draft-kept">{lang.t('form.draftKept', { days: step.keptDays })}</p>
      </>
    ),
  };
}

export function checkAnswersPage(
  lang: Lang,
  form: Form,
  step: FormStepFrame & Omit<CheckAnswersProps, 'form' | 'lang' | 'pages'>,
): PageView {
  const { locale } = lang;
  return {
    title: `${lang.t('form.checkAnswers')} – ${form.title[locale]}`,
    altHref: step.altHref,
    content: (
      <>
        <Frame lang={lang} form={form} frame={step} current={step.steps.length} />
        <p class="usa-intro">{lang.t('form.checkAnswersIntro')}</p>
        <CheckAnswers form={form} lang={lang} pages={step.steps} {...step} />
        <p class="usa-hint portal-draft-kept">{lang.t('form.draftKept', { days: step.keptDays })}</p>
      </>
    ),
  };
}

export function groupPage(
  lang: Lang,
  form: Form,
  step: FormStepFrame & Omit<GroupSummaryProps, 'form' | 'lang'> & { problems: FieldProblem[] },
): PageView {
  const { locale } = lang;
  const current = Math.max(
    0,
    step.steps.findIndex((candidate) => candidate.id === step.page.id),
  );
  const prefix = step.problems.length > 0 ? `${lang.t('error.titlePrefix')} ` : '';
  return {
    title: `${prefix}${step.page.title[locale]} – ${form.title[locale]}`,
    altHref: step.altHref,
    content: (
      <>
        <Frame lang={lang} form={form} frame={step} current={current} />
        {step.problems.length > 0 && (
          <ErrorSummary
            title={lang.t('form.errorSummaryTitle')}
            problems={step.problems.map((problem) => ({ message: problem.message, href: `#${MAIN_ID}` }))}
          />
        )}
        <GroupSummary form={form} lang={lang} {...step} />
        <p class="usa-hint portal-draft-kept">{lang.t('form.draftKept', { days: step.keptDays })}</p>
      </>
    ),
  };
}
