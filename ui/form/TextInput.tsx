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
  /** A unit in front of the box, like "$" (USWDS input prefix; read out as part of the label, not twice). */
  prefix?: string;
}

export function TextInput(props: TextInputProps) {
  const classes = ['usa-input', props.width && `usa-input--${props.width}`, props.error !== undefined && 'usa-input--error'];
  const input = (
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
  );
  return (
    <FormGroup frame={props}>
      <Label frame={props} />
      <Hint frame={props} />
      <ErrorMessage frame={props} />
      {props.prefix === undefined ? (
        input
      ) : (
        <div class={props.error === undefined ? 'usa-input-group' : 'usa-input-group usa-input--error'}>
          <div class="usa-input-prefix" aria-hidden="true">
            {props.prefix}
          </div>
          {input}
        </div>
      )}
    </FormGroup>
  );
}
