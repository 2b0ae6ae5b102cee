/**
 * "Lost your confirmation code?": the e-mail address the person applied with, posted without JavaScript; the codes
 * go to that address (domain/code-requests.ts). On the status page and on the page the function answers.
 */
import { Button } from '../components/Button.tsx';
import type { Lang } from '../lang.ts';
import { apiPath } from '../paths.ts';
import { HiddenFields } from './HiddenFields.tsx';
import { TextInput } from './TextInput.tsx';

export const CODES_EMAIL_ID = 'codes-email';

export function CodesForm({ lang, value, error }: { lang: Lang; value?: string; error?: string | undefined }) {
  return (
    <form class="usa-form portal-codes-form" action={apiPath('requestMyCodes')} method="post" data-codes-form>
      <HiddenFields fields={{ lang: lang.locale }} />
      <TextInput
        id={CODES_EMAIL_ID}
        name="email"
        type="email"
        inputMode="email"
        label={lang.t('codes.emailLabel')}
        hint={lang.t('codes.emailHint')}
        autocomplete="email"
        {...(value !== undefined && { value })}
        {...(error !== undefined && { error })}
      />
      <Button variant="outline">{lang.t('codes.submit')}</Button>
    </form>
  );
}
