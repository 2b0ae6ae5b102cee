/** USWDS alert. Errors are announced (role="alert"); the others are read in place. */
import type { ComponentChildren } from 'preact';

export type AlertKind = 'success' | 'info' | 'warning' | 'error';

export function Alert({
  kind,
  heading,
  slim = false,
  children,
}: {
  kind: AlertKind;
  heading?: string;
  /** One line, no icon space: a standing notice rather than news. */
  slim?: boolean;
  children: ComponentChildren;
}) {
  return (
    <div class={`usa-alert usa-alert--${kind}${slim ? ' usa-alert--slim' : ''}`} role={kind === 'error' ? 'alert' : undefined}>
      <div class="usa-alert__body">
        {heading !== undefined && <h2 class="usa-alert__heading">{heading}</h2>}
        <p class="usa-alert__text">{children}</p>
      </div>
    </div>
  );
}
