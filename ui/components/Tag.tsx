/** A USWDS tag: a short state ("Received", "Paid"). The data attribute names the state for scripts and tests. */
export function Tag({ label, state, kind }: { label: string; state: string; kind: 'status' | 'payment-state' }) {
  const data = kind === 'status' ? { 'data-status': state } : { 'data-payment-state': state };
  return (
    <span class="usa-tag" {...data}>
      {label}
    </span>
  );
}
