/**
 * A declaration signed electronically (decision 0084): the statement, then the consent to sign electronically (a
 * box ticked first), then the typed full name that is the signature. The time signed is the server's; once signed,
 * the page says when.
 */
import { declarationPartName } from '#catalog/sensitive';
import type { Lang } from '../lang.ts';
import { describedBy, ErrorMessage, type FieldFrame, FormGroup, Hint } from './FormGroup.tsx';

export const declarationId = (frame: Pick<FieldFrame, 'id'>, part: 'agree' | 'signature') => `${frame.id}-${part}`;

export function Declaration(
  props: FieldFrame & { lang: Lang; agreed: boolean; signature: string; signedAt?: string | undefined },
) {
  const { lang } = props;
  const invalid = props.error === undefined ? undefined : 'true';
  const when =
    props.signedAt &&
    new Intl.DateTimeFormat(lang.locale === 'es' ? 'es-US' : 'en-US', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(new Date(props.signedAt));
  return (
    <FormGroup frame={props}>
      <fieldset class="usa-fieldset portal-declaration" aria-describedby={describedBy(props)}>
        <legend class="usa-legend usa-legend--large">{props.label}</legend>
        <Hint frame={props} />
        <ErrorMessage frame={props} />
        <div class="usa-checkbox">
          <input
            class="usa-checkbox__input"
            id={declarationId(props, 'agree')}
            type="checkbox"
            name={declarationPartName(props.name, 'agree')}
            value="yes"
            checked={props.agreed}
            required={props.required || undefined}
            aria-invalid={invalid}
          />
          <label class="usa-checkbox__label" for={declarationId(props, 'agree')}>
            {lang.t('form.declaration.agree')}
          </label>
        </div>
        <label class="usa-label" for={declarationId(props, 'signature')}>
          {lang.t('form.declaration.signature')}
        </label>
        <input
          class="usa-input"
          id={declarationId(props, 'signature')}
          name={declarationPartName(props.name, 'signature')}
          value={props.signature}
          maxLength={200}
          autocomplete="name"
          required={props.required || undefined}
          aria-invalid={invalid}
        />
        {when && (
          <p class="usa-hint" data-signed-at>
            {lang.t('form.declaration.signedAt')} {when} (UTC)
          </p>
        )}
      </fieldset>
    </FormGroup>
  );
}
