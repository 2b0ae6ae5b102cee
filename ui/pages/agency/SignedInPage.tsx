/**
 * The callback's answer once the staff cookie is set: the browser goes on by itself (a `Refresh` header), and the
 * link is there for one that does not. Not a redirect: coming back from the user pool's own domain is a
 * cross-site navigation, and a browser withholds a SameSite=Strict cookie for the rest of that redirect chain — a
 * 303 straight to the queue would arrive without the cookie just set. The refresh is a new navigation from this
 * page, so the cookie goes with it.
 */
import { Link } from '../../components/Link.tsx';
import type { Lang } from '../../lang.ts';
import type { PageView } from '../view.ts';

export function signedInPage(lang: Lang, options: { next: string; altHref: string }): PageView {
  const title = lang.t('agency.signedIn');
  return {
    title,
    altHref: options.altHref,
    content: (
      <div data-signed-in>
        <h1>{title}</h1>
        <p>
          <Link href={options.next} data-continue>
            {lang.t('agency.continue')}
          </Link>
        </p>
      </div>
    ),
  };
}
