/**
 * The answer to "send me my codes": the same words whether or not the address made any submission (decision 73),
 * or the form again with what to fix.
 */
import { Alert } from '../components/Alert.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Link } from '../components/Link.tsx';
import { CODES_EMAIL_ID, CodesForm } from '../form/CodesForm.tsx';
import type { Lang } from '../lang.ts';
import { pageHref, pages } from '../paths.ts';
import type { PageView } from './view.ts';

export function codesRequestedPage(lang: Lang, altHref: string): PageView {
  const heading = lang.t('codes.sentTitle');
  return {
    title: heading,
    altHref,
    content: (
      <div data-codes-requested>
        <h1>{heading}</h1>
        <Alert kind="info">{lang.t('codes.sentText')}</Alert>
        <p>{lang.t('codes.sentNext')}</p>
        <p>
          <Link href={pageHref(lang.locale, pages.status())}>{lang.t('codes.backToStatus')}</Link>
        </p>
      </div>
    ),
  };
}

export function codesFormPage(lang: Lang, altHref: string, options: { value: string; error: string }): PageView {
  const heading = lang.t('codes.title');
  return {
    title: heading,
    altHref,
    content: (
      <div data-codes-form-page>
        <ErrorSummary
          title={lang.t('form.errorSummaryTitle')}
          problems={[{ message: options.error, href: `#${CODES_EMAIL_ID}` }]}
        />
        <h1>{heading}</h1>
        <p>{lang.t('codes.intro')}</p>
        <CodesForm lang={lang} value={options.value} error={options.error} />
      </div>
    ),
  };
}
