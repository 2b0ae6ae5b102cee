/**
 * A question answered in several boxes, in one fieldset whose legend is the question: a US address (street,
 * apartment, city, state, ZIP code) or a name (first, middle, last). Each box is posted as `<name>-<part>`; the
 * parts come from catalog/src/question-parts.ts, the same list the schema and the server's reader use.
 */
import { type PartsType, partName, QUESTION_PARTS, US_STATES } from '#catalog/question-parts';
import type { Lang } from '../lang.ts';
import { describedBy, ErrorMessage, type FieldFrame, FormGroup, Hint } from './FormGroup.tsx';

export const partId = (frame: Pick<FieldFrame, 'id'>, part: string) => `${frame.id}-${part}`;

const WIDTH: Record<string, string | undefined> = { zip: 'usa-input--medium', middle: undefined };

export function PartsFieldset(
  props: FieldFrame & {
    lang: Lang;
    type: PartsType;
    /** Each box's text: as posted after a mistake, or from the answer kept. */
    parts: Record<string, string>;
  },
) {
  const { lang } = props;
  const invalid = props.error === undefined ? undefined : 'true';
  return (
    <FormGroup frame={props}>
      <fieldset class="usa-fieldset" aria-describedby={describedBy(props)}>
        <legend class="usa-legend">{props.label}</legend>
        <Hint frame={props} />
        <ErrorMessage frame={props} />
        {QUESTION_PARTS[props.type].map((part) => {
          const id = partId(props, part.part);
          const value = props.parts[part.part] ?? '';
          const required = (props.required && part.required) || undefined;
          return (
            <div class="portal-form-part" key={part.part}>
              <label class="usa-label" for={id}>
                {lang.t(`form.part.${part.part}`)}
              </label>
              {part.part === 'state' ? (
                <select
                  class="usa-select"
                  id={id}
                  name={partName(props.name, part.part)}
                  autocomplete={part.autocomplete}
                  required={required}
                  aria-invalid={invalid}
                >
                  <option value="">{lang.t('form.selectPlaceholder')}</option>
                  {Object.entries(US_STATES).map(([code, state]) => (
                    <option value={code} selected={value.toUpperCase() === code} key={code}>
                      {state}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  class={['usa-input', WIDTH[part.part]].filter(Boolean).join(' ')}
                  id={id}
                  name={partName(props.name, part.part)}
                  value={value}
                  maxLength={part.maxLength}
                  inputMode={part.part === 'zip' ? 'numeric' : undefined}
                  autocomplete={part.autocomplete}
                  required={required}
                  aria-invalid={invalid}
                />
              )}
            </div>
          );
        })}
      </fieldset>
    </FormGroup>
  );
}
