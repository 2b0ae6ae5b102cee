/**
 * The frame every form field shares: USWDS form group, label or legend, hint and error message, with the
 * ids that tie them to the input (`<id>-hint`, `<id>-error`). The field components below fill it in.
 */
import type { ComponentChildren } from 'preact';

export interface FieldFrame {
  /** The id the hint and error ids derive from; the input's own id for one-input fields. */
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  /** The mistake to show, in plain words. */
  error?: string | undefined;
  /**
   * Print the error element even when there is no mistake (empty and hidden), so the inline checks
   * (web/src/scripts/form-enhance.ts) can fill it without moving anything else.
   */
  errorSlot?: boolean;
  required?: boolean;
  /** Data attributes on the group: what the inline checks read (data-field, data-type, data-msg-*). */
  data?: Record<`data-${string}`, string>;
}

export const hintId = (frame: Pick<FieldFrame, 'id'>) => `${frame.id}-hint`;
export const errorId = (frame: Pick<FieldFrame, 'id'>) => `${frame.id}-error`;

/** aria-describedby: the hint, and the error while there is one. */
export function describedBy(frame: FieldFrame): string | undefined {
  const ids = [frame.hint !== undefined && hintId(frame), frame.error !== undefined && errorId(frame)].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function Hint({ frame }: { frame: FieldFrame }) {
  if (frame.hint === undefined) return null;
  return (
    <div class="usa-hint" id={hintId(frame)}>
      {frame.hint}
    </div>
  );
}

export function ErrorMessage({ frame }: { frame: FieldFrame }) {
  if (frame.error === undefined && !frame.errorSlot) return null;
  return (
    <span
      class="usa-error-message"
      id={errorId(frame)}
      data-error-for={frame.errorSlot ? frame.name : undefined}
      hidden={frame.error === undefined}
    >
      {frame.error ?? ''}
    </span>
  );
}

export function FormGroup({ frame, children }: { frame: FieldFrame; children: ComponentChildren }) {
  return (
    <div class={frame.error === undefined ? 'usa-form-group' : 'usa-form-group usa-form-group--error'} {...frame.data}>
      {children}
    </div>
  );
}

export function Label({ frame }: { frame: FieldFrame }) {
  return (
    <label class={frame.error === undefined ? 'usa-label' : 'usa-label usa-label--error'} for={frame.id}>
      {frame.label}
    </label>
  );
}

/** What every input of a field carries: required, described by its hint and error, invalid while wrong. */
export function inputState(frame: FieldFrame) {
  return {
    required: frame.required || undefined,
    'aria-describedby': describedBy(frame),
    'aria-invalid': frame.error === undefined ? undefined : 'true',
  } as const;
}
