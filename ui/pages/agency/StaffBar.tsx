/** The top of every staff page: who is signed in, the way back to the queue, and sign-out (a plain POST). */
import { Button } from '../../components/Button.tsx';
import { Link } from '../../components/Link.tsx';
import { HiddenFields } from '../../form/HiddenFields.tsx';
import type { Lang } from '../../lang.ts';
import { apiPath } from '../../paths.ts';

export interface StaffContext {
  /** The signed-in staff member's name (or e-mail), and who they are (the token's `sub`). */
  name: string;
  subject: string;
  /** Their agency: the queue the "back" link goes to. */
  agency: string;
  /** The session's CSRF token, sent with every form. */
  csrf: string;
}

export function StaffBar({ lang, staff, back = true }: { lang: Lang; staff: StaffContext; back?: boolean }) {
  return (
    <div class="portal-staff-bar" data-staff-bar>
      <p>
        {lang.t('agency.signedInAs', { name: staff.name })}
        {back && (
          <>
            {' · '}
            <Link href={apiPath('agencyQueuePage', { agency: staff.agency }, { lang: lang.locale })}>
              {lang.t('agency.backToQueue')}
            </Link>
          </>
        )}
        {' · '}
        <Link href={apiPath('cxDashboardPage', { agency: staff.agency }, { lang: lang.locale })}>{lang.t('agency.cxLink')}</Link>
        {' · '}
        <Link href={apiPath('unlinkedContactsPage', { agency: staff.agency }, { lang: lang.locale })}>
          {lang.t('agency.unlinkedLink')}
        </Link>
      </p>
      <form method="post" action={apiPath('staffSignOut', {}, { lang: lang.locale })}>
        <HiddenFields fields={{ _csrf: staff.csrf }} />
        <Button variant="unstyled">{lang.t('agency.signOut')}</Button>
      </form>
    </div>
  );
}
