/**
 * One choice shown as radio buttons in a fieldset; the legend is the question. The first radio's id is where
 * an error summary link lands (`radioId(frame, first value)`).
 */
import { describedBy, ErrorMessage, type FieldFrame, FormGroup, Hint } from './FormGroup.tsx';
import type { Choice } from './Select.tsx';

export const radioId = (frame: Pick<FieldFrame, 'id'>, value: string) => `${frame.id}-${value}`;

export function RadioGroup(props: FieldFrame & { choices: Choice[]; value?: string }) {
  return (
    <FormGroup frame={props}>
      <fieldset class="usa-fieldset" aria-describedby={describedBy(props)}>
        <legend class="usa-legend">{props.label}</legend>
        <Hint frame={props} />
        <ErrorMessage frame={props} />
        {props.choices.map((choice) => (
          <div class="usa-radio" key={choice.value}>
            <input
              class="usa-radio__input"
              id={radioId(props, choice.value)}
              type="radio"
              name={props.name}
              value={choice.value}
              checked={props.value === choice.value}
              required={props.required || undefined}
            />
            <label class="usa-radio__label" for={radioId(props, choice.value)}>
              {choice.label}
            </label>
          </div>
        ))}
      </fieldset>
    </FormGroup>
  );
}
