/** One choice from a list (USWDS select), with an empty first option that says what to do. */
import { ErrorMessage, type FieldFrame, FormGroup, Hint, inputState, Label } from './FormGroup.tsx';

export interface Choice {
  value: string;
  label: string;
}

export function Select(
  props: FieldFrame & { choices: Choice[]; value?: string; placeholder: string; autocomplete?: string | undefined },
) {
  return (
    <FormGroup frame={props}>
      <Label frame={props} />
      <Hint frame={props} />
      <ErrorMessage frame={props} />
      <select
        class={props.error === undefined ? 'usa-select' : 'usa-select usa-input--error'}
        id={props.id}
        name={props.name}
        autocomplete={props.autocomplete}
        {...inputState(props)}
      >
        <option value="">{props.placeholder}</option>
        {props.choices.map((choice) => (
          <option value={choice.value} selected={props.value === choice.value} key={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}
