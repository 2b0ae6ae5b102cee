/**
 * Save and come back later (decision 0082): the page that asks for the check (date of birth) and an e-mail address
 * for the link, the page that gives the resume code, and the page that takes the code back. Plain forms: no
 * JavaScript needed.
 */
import type { FieldProblem } from '#catalog/form-messages';
import { MAIN_ID } from '../chrome/SiteTop.tsx';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Link } from '../components/Link.tsx';
import { MemorableDate } from '../form/MemorableDate.tsx';
import { TextInput } from '../form/TextInput.tsx';
import { safeHref } from '../href.ts';
import type { Lang } from '../lang.ts';
import type { PageView } from './view.ts';

type Values = Record<string, string | undefined>;

function problemOf(problems: FieldProblem[], field: string) {
  return problems.find((problem) => problem.field === field)?.message;
}

function Problems({ lang, problems, ids }: { lang: Lang; problems: FieldProblem[]; ids: Record<string, string> }) {
  if (problems.length === 0) return null;
  return (
    <ErrorSummary
      title={lang.t('form.errorSummaryTitle')}
      problems={problems.map((problem) => ({ message: problem.message, href: `#${ids[problem.field] ?? MAIN_ID}` }))}
    />
  );
}

function DateOfBirth({ lang, values, problems }: { lang: Lang; values: Values; problems: FieldProblem[] }) {
  return (
    <MemorableDate
      id="field-dateOfBirth"
      name="dateOfBirth"
      label={lang.t('resume.dateOfBirth')}
      hint={lang.t('resume.dateOfBirthHint')}
      error={problemOf(problems, 'dateOfBirth')}
      required
      lang={lang}
      autocomplete="bday"
      parts={{
        month: values['dateOfBirth-month'] ?? '',
        day: values['dateOfBirth-day'] ?? '',
        year: values['dateOfBirth-year'] ?? '',
      }}
    />
  );
}

export function saveForLaterPage(
  lang: Lang,
  page: {
    formTitle: string;
    action: string;
    backHref: string;
    altHref: string;
    keptDays: number;
    values: Values;
    problems: FieldProblem[];
  },
): PageView {
  const prefix = page.problems.length > 0 ? `${lang.t('error.titlePrefix')} ` : '';
  return {
    title: `${prefix}${lang.t('resume.saveTitle')} – ${page.formTitle}`,
    altHref: page.altHref,
    content: (
      <>
        <Link href={page.backHref} data-back-link>
          {lang.t('form.back')}
        </Link>
        <h1>{lang.t('resume.saveTitle')}</h1>
        <p class="usa-intro">{lang.t('resume.saveIntro', { days: page.keptDays })}</p>
        <form class="usa-form usa-form--large" method="post" action={safeHref(page.action)} noValidate>
          <Problems lang={lang} problems={page.problems} ids={{ dateOfBirth: 'field-dateOfBirth-month', email: 'field-email' }} />
          <DateOfBirth lang={lang} values={page.values} problems={page.problems} />
          <TextInput
            id="field-email"
            name="email"
            type="email"
            label={lang.t('resume.email')}
            hint={lang.t('resume.emailHint')}
            error={problemOf(page.problems, 'email')}
            value={page.values.email ?? ''}
            autocomplete="email"
            maxLength={254}
          />
          <Button variant="big">{lang.t('resume.saveButton')}</Button>
        </form>
      </>
    ),
  };
}

export function savedDraftPage(
  lang: Lang,
  page: {
    formTitle: string;
    code?: string | undefined;
    keptUntil: string;
    emailed: boolean;
    owned: boolean;
    continueHref: string;
    resumeHref: string;
    accountHref: string;
    altHref: string;
  },
): PageView {
  return {
    title: `${lang.t('resume.savedTitle')} – ${page.formTitle}`,
    altHref: page.altHref,
    content: (
      <>
        <h1>{lang.t('resume.savedTitle')}</h1>
        {page.code ? (
          <section class="usa-summary-box margin-bottom-3" aria-labelledby="resume-code-heading">
            <div class="usa-summary-box__body">
              <h2 class="usa-summary-box__heading" id="resume-code-heading">
                {lang.t('resume.savedCode')}
              </h2>
              <p class="usa-summary-box__text font-mono-lg text-bold" data-resume-code>
                {page.code}
              </p>
            </div>
          </section>
        ) : null}
        <p>{lang.t('resume.savedUntil', { date: page.keptUntil })}</p>
        {page.owned ? (
          <p>
            {lang.t('resume.savedOwned')} <Link href={page.accountHref}>{lang.t('account.title')}</Link>
          </p>
        ) : (
          <Alert kind="info">{lang.t(page.emailed ? 'resume.savedEmailed' : 'resume.savedNoEmail')}</Alert>
        )}
        <p>
          <Link href={page.continueHref}>{lang.t('resume.continueNow')}</Link>
        </p>
        {!page.owned && (
          <p>
            <Link href={page.resumeHref}>{lang.t('resume.comeBack')}</Link>
          </p>
        )}
      </>
    ),
  };
}

export function resumePage(
  lang: Lang,
  page: { action: string; altHref: string; values: Values; problems: FieldProblem[] },
): PageView {
  const prefix = page.problems.length > 0 ? `${lang.t('error.titlePrefix')} ` : '';
  return {
    title: `${prefix}${lang.t('resume.resumeTitle')}`,
    altHref: page.altHref,
    content: (
      <>
        <h1>{lang.t('resume.resumeTitle')}</h1>
        <p class="usa-intro">{lang.t('resume.resumeIntro')}</p>
        <form class="usa-form usa-form--large" method="post" action={safeHref(page.action)} noValidate>
          <Problems lang={lang} problems={page.problems} ids={{ code: 'field-code', dateOfBirth: 'field-dateOfBirth-month' }} />
          <TextInput
            id="field-code"
            name="code"
            label={lang.t('resume.code')}
            hint={lang.t('resume.codeHint')}
            error={problemOf(page.problems, 'code')}
            value={page.values.code ?? ''}
            width="medium"
            maxLength={20}
            autocomplete="off"
            code
            required
          />
          <DateOfBirth lang={lang} values={page.values} problems={page.problems} />
          <Button variant="big">{lang.t('resume.resumeButton')}</Button>
        </form>
      </>
    ),
  };
}
