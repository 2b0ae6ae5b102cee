/**
 * Two question types with rules of their own (decisions 0083, 0084). No imports: the functions, the build and the
 * browser script read the same rules.
 *
 * A Social Security number: SSA never issues area 000, 666 or 900–999, group 00 or serial 0000 (ITINs start with
 * 9: they are not SSNs). Kept as 123-45-6789; shown to anyone, anywhere, only as ***-**-6789.
 *
 * A declaration signed electronically: the person ticks that they agree to sign electronically, then types their
 * full name; the server adds the time signed. Posted as `<name>-agree` ("yes") and `<name>-signature`.
 */
// Written without lookaheads (which some schema tools, like the fuzzer's generator, cannot read): area 001–665,
// 667–899; group 01–99; serial 0001–9999.
export const SSN_PATTERN =
  '^(00[1-9]|0[1-9][0-9]|[1-5][0-9]{2}|6[0-5][0-9]|66[0-5]|66[7-9]|6[7-9][0-9]|[78][0-9]{2})-(0[1-9]|[1-9][0-9])-(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})$';

/** What a person typed ("123 45 6789", "123456789") as 123-45-6789; anything else as typed, for the schema to refuse. */
export function ssnFrom(text: string): string {
  const digits = text.replace(/[\s\-.]/g, '');
  return /^[0-9]{9}$/.test(digits) ? `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}` : text.trim();
}

export function isValidSsn(value: string): boolean {
  return new RegExp(SSN_PATTERN).test(value);
}

/** ***-**-6789: the only way an SSN is ever shown after it is saved. */
export function maskSsn(value: string): string {
  const last = value.replace(/[^0-9]/g, '').slice(-4);
  return `***-**-${last.padStart(4, '*')}`;
}

export const DECLARATION_PARTS = ['agree', 'signature'] as const;
export const declarationPartName = (name: string, part: (typeof DECLARATION_PARTS)[number]) => `${name}-${part}`;

/** A declaration's answer: agreed to sign electronically, the typed name, and (set by the server) when. */
export interface Signature {
  agreed: 'yes';
  name: string;
  /** ISO time, set by the server when the name was signed (never taken from the browser). */
  signedAt: string;
}

/** The posted boxes as an answer (no time yet): undefined when nothing was given. */
export function declarationFrom(agree: string | undefined, signature: string | undefined): Record<string, string> | undefined {
  const name = (signature ?? '').trim();
  const agreed = agree === 'yes' || agree === 'on' || agree === 'true';
  if (!agreed && name === '') return undefined;
  return { ...(agreed && { agreed: 'yes' }), ...(name !== '' && { name: signature ?? '' }) };
}
