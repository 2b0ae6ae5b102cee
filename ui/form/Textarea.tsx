/** A longer text answer (USWDS textarea). */
import { ErrorMessage, type FieldFrame, FormGroup, Hint, inputState, Label } from './FormGroup.tsx';

export function Textarea(props: FieldFrame & { value?: string; maxLength: number; autocomplete?: string | undefined }) {
  return (
    <FormGroup frame={props}>
      <Label frame={props} />
      <Hint frame={props} />
      <ErrorMessage frame={props} />
      <textarea
        class={props.error === undefined ? 'usa-textarea' : 'usa-textarea usa-input--error'}
        id={props.id}
        name={props.name}
        maxLength={props.maxLength}
        autocomplete={props.autocomplete}
        {...inputState(props)}
        value={props.value ?? ''}
      />
    </FormGroup>
  );
}
