/** USWDS alert. Errors are announced (role="alert"); the others are read in place. */
import type { ComponentChildren } from 'preact';

export type AlertKind = 'success' | 'info' | 'warning' | 'error';

export function Alert({ kind, heading, children }: { kind: AlertKind; heading?: string; children: ComponentChildren }) {
  return (
    <div class={`usa-alert usa-alert--${kind}`} role={kind === 'error' ? 'alert' : undefined}>
      <div class="usa-alert__body">
        {heading !== undefined && <h2 class="usa-alert__heading">{heading}</h2>}
        <p class="usa-alert__text">{children}</p>
      </div>
    </div>
  );
}
