/** Several boxes to tick in one fieldset whose legend is the question ("Select all that apply"). */
import { describedBy, ErrorMessage, type FieldFrame, FormGroup, Hint } from './FormGroup.tsx';
import type { Choice } from './Select.tsx';

export const checkboxId = (frame: Pick<FieldFrame, 'id'>, value: string) => `${frame.id}-${value}`;

export function CheckboxGroup(props: FieldFrame & { choices: Choice[]; values: string[] }) {
  return (
    <FormGroup frame={props}>
      <fieldset class="usa-fieldset" aria-describedby={describedBy(props)}>
        <legend class="usa-legend">{props.label}</legend>
        <Hint frame={props} />
        <ErrorMessage frame={props} />
        {props.choices.map((choice) => (
          <div class="usa-checkbox" key={choice.value}>
            <input
              class="usa-checkbox__input"
              id={checkboxId(props, choice.value)}
              type="checkbox"
              name={props.name}
              value={choice.value}
              checked={props.values.includes(choice.value)}
            />
            <label class="usa-checkbox__label" for={checkboxId(props, choice.value)}>
              {choice.label}
            </label>
          </div>
        ))}
      </fieldset>
    </FormGroup>
  );
}
