/**
 * CSV injection (OWASP): a spreadsheet runs a cell starting with `=`, `+`, `-`, `@`, tab or carriage return as a
 * formula, so every cell of an export that holds text someone typed is neutralised with a leading apostrophe,
 * which a spreadsheet shows as text. Its own module so the CX exports use the one rule without loading the
 * queue export's form code.
 */

/** The first characters that make a spreadsheet read a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as a spreadsheet will show it: text starting like a formula gets a leading apostrophe, shown as text. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
