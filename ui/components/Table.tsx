/**
 * USWDS table. `stacked` turns each row into a block on a phone (each cell then shows its column's name, from
 * data-label), so nothing scrolls sideways at 320 px.
 */
import type { ComponentChildren } from 'preact';

export interface Column<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ComponentChildren;
}

export function Table<Row>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  stacked = true,
}: {
  caption: string;
  /** The caption is read by screen readers only (a heading above already says it). */
  captionHidden?: boolean;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  stacked?: boolean;
}) {
  return (
    <table class={`usa-table usa-table--borderless${stacked ? ' usa-table--stacked' : ''}`}>
      <caption class={captionHidden ? 'usa-sr-only' : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column.key}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column, index) =>
              index === 0 ? (
                <th scope="row" data-label={column.header} key={column.key}>
                  {column.cell(row)}
                </th>
              ) : (
                <td data-label={column.header} key={column.key}>
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
