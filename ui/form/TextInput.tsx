/** A one-line text answer (USWDS input). `width` picks USWDS's fixed widths for short answers. */
import { ErrorMessage, type FieldFrame, FormGroup, Hint, inputState, Label } from './FormGroup.tsx';

export interface TextInputProps extends FieldFrame {
  value?: string;
  type?: 'text' | 'email' | 'tel' | 'date' | 'number';
  inputMode?: 'numeric' | 'text' | 'email' | 'tel';
  width?: 'small' | 'medium' | 'xl';
  maxLength?: number | undefined;
  autocomplete?: string | undefined;
  /** Codes and references: no autocorrect, capitals. */
  code?: boolean;
}

export function TextInput(props: TextInputProps) {
  const classes = ['usa-input', props.width && `usa-input--${props.width}`, props.error !== undefined && 'usa-input--error'];
  return (
    <FormGroup frame={props}>
      <Label frame={props} />
      <Hint frame={props} />
      <ErrorMessage frame={props} />
      <input
        class={classes.filter(Boolean).join(' ')}
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        inputMode={props.inputMode}
        value={props.value ?? ''}
        maxLength={props.maxLength}
        autocomplete={props.autocomplete}
        autocapitalize={props.code ? 'characters' : undefined}
        spellcheck={props.code ? false : undefined}
        {...inputState(props)}
      />
    </FormGroup>
  );
}
