/** One yes-or-no box to tick ("I confirm…"); the label says what ticking it means. Posts "yes" when ticked. */
import { ErrorMessage, type FieldFrame, FormGroup, Hint, inputState } from './FormGroup.tsx';

export function Checkbox(props: FieldFrame & { checked: boolean }) {
  return (
    <FormGroup frame={props}>
      <Hint frame={props} />
      <ErrorMessage frame={props} />
      <div class="usa-checkbox">
        <input
          class="usa-checkbox__input"
          id={props.id}
          type="checkbox"
          name={props.name}
          value="yes"
          checked={props.checked}
          {...inputState(props)}
        />
        <label class="usa-checkbox__label" for={props.id}>
          {props.label}
        </label>
      </div>
    </FormGroup>
  );
}
