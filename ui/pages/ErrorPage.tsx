/** What a person sees when a request cannot be done: what went wrong, in plain words, and the way home. */
import { Alert } from '../components/Alert.tsx';
import { Link } from '../components/Link.tsx';
import type { Lang } from '../lang.ts';
import { pageHref, pages } from '../paths.ts';
import type { PageView } from './view.ts';

export function errorPage(lang: Lang, heading: string, message: string, altHref: string): PageView {
  return {
    title: heading,
    altHref,
    content: (
      <>
        <h1>{heading}</h1>
        <Alert kind="error">{message}</Alert>
        <p>
          <Link href={pageHref(lang.locale, pages.home())}>{lang.t('nav.home')}</Link>
        </p>
      </>
    ),
  };
}
