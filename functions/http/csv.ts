/**
 * A CSV file as spreadsheets open it: csv-stringify (RFC 4180 quoting), CRLF line ends, and a UTF-8 byte order
 * mark so Excel reads accented names as UTF-8 rather than the machine's code page. Cells arrive already
 * neutralised (domain/queue-export.ts); a cell with leading or trailing spaces is quoted so none are lost.
 */
import { stringify } from 'csv-stringify/sync';

export function csvFile(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([header, ...rows] as string[][], { bom: true, record_delimiter: 'windows', quoted_match: /^\s|\s$/ });
}
