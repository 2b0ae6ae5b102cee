/**
 * My account → "How we contact you": per kind of notice, e-mail, text, both or none (receipts: never none), and
 * the language. The account page is the signed-in person's (its API calls carry their token), so its script fills
 * the choices from GET /api/my/preferences and saves them with PUT (web/src/scripts/account.ts).
 */
import { CHANNEL_CHOICES, PREFERENCE_KINDS, RECEIPT_KINDS } from '#domain/preferences';
import { Button } from '../components/Button.tsx';
import type { Lang } from '../lang.ts';
import { RadioGroup } from './RadioGroup.tsx';

export function PreferencesForm({ lang }: { lang: Lang }) {
  return (
    <form class="usa-form portal-preferences-form" data-preferences-form>
      {PREFERENCE_KINDS.map((kind) => (
        <RadioGroup
          key={kind}
          id={`prefs-${kind}`}
          name={kind}
          label={lang.t(`preferences.kind.${kind}`)}
          {...(RECEIPT_KINDS.includes(kind) && { hint: lang.t('preferences.receiptHint') })}
          choices={CHANNEL_CHOICES.filter((c) => c !== 'none' || !RECEIPT_KINDS.includes(kind)).map((value) => ({
            value,
            label: lang.t(`preferences.choice.${value}`),
          }))}
          value="both"
        />
      ))}
      <RadioGroup
        id="prefs-locale"
        name="locale"
        label={lang.t('preferences.locale')}
        choices={[
          { value: 'en', label: 'English' },
          { value: 'es', label: 'Español' },
        ]}
        value={lang.locale}
      />
      <p class="usa-sr-only" role="status" data-preferences-status></p>
      <Button>{lang.t('preferences.save')}</Button>
    </form>
  );
}
