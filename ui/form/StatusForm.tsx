/** "Check where it stands": a plain GET form, so it works without JavaScript (the status function answers a page). */
import { Button } from '../components/Button.tsx';
import type { Lang } from '../lang.ts';
import { apiPath } from '../paths.ts';
import { HiddenFields } from './HiddenFields.tsx';
import { TextInput } from './TextInput.tsx';

export function StatusForm({ lang }: { lang: Lang }) {
  return (
    <form class="usa-form portal-status-form" action={apiPath('findStatus')} method="get">
      <HiddenFields fields={{ lang: lang.locale }} />
      <TextInput
        id="status-code"
        name="code"
        label={lang.t('status.codeLabel')}
        hint={lang.t('status.codeHint')}
        width="medium"
        autocomplete="off"
        code
      />
      <Button>{lang.t('status.submit')}</Button>
    </form>
  );
}
