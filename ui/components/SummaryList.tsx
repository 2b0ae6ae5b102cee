/** Facts as term and details (a payment's amount, a submission's dates): a description list in the portal's look. */
import type { ComponentChildren } from 'preact';

export interface SummaryRow {
  term: string;
  details: ComponentChildren;
  /** Data attributes on the details, for scripts and tests (`{ 'data-amount': true }`). */
  data?: Record<`data-${string}`, string | boolean>;
  /** A portal-* class on the details (the code's large type). */
  detailsClass?: string;
}

export function SummaryList({
  rows,
  ...data
}: {
  rows: (SummaryRow | false | undefined)[];
  [data: `data-${string}`]: string | boolean;
}) {
  return (
    <dl class="portal-facts" {...data}>
      {rows
        .filter((row): row is SummaryRow => Boolean(row))
        .map((row) => [
          <dt key={`t-${row.term}`}>{row.term}</dt>,
          <dd key={`d-${row.term}`} class={row.detailsClass} {...row.data}>
            {row.details}
          </dd>,
        ])}
    </dl>
  );
}
