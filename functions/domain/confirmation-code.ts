/**
 * Confirmation codes people read aloud on the phone: 12 characters from an alphabet with no 0/O or 1/I/L,
 * shown as XXXX-XXXX-XXXX. Eleven are random (11 × log2(31) ≈ 54.5 bits: unguessable); the last is a
 * check character, so a mistyped code gets "check the code" rather than "not found".
 */
import { randomInt } from 'node:crypto';

// 31 characters: a prime, which is what makes the weighted check below catch every single wrong
// character and every swap of two neighbours.
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const RANDOM_LENGTH = 11;
export const CODE_LENGTH = RANDOM_LENGTH + 1;
export const CODE_ENTROPY_BITS = RANDOM_LENGTH * Math.log2(CODE_ALPHABET.length);

function weightedSum(compact: string): number {
  let sum = 0;
  for (let index = 0; index < compact.length; index++) sum += (index + 1) * CODE_ALPHABET.indexOf(compact.charAt(index));
  return sum % CODE_ALPHABET.length;
}

/** The character that makes the weighted sum of the whole code 0 (mod 31). */
function checkCharacter(body: string): string {
  const m = CODE_ALPHABET.length;
  // Solve sum + 12 × c ≡ 0 (mod 31): 12 × 13 = 156 ≡ 1, so 13 is 12's inverse.
  return CODE_ALPHABET.charAt((((m - weightedSum(body)) % m) * 13) % m);
}

export function newConfirmationCode(random: (max: number) => number = randomInt): string {
  let body = '';
  for (let index = 0; index < RANDOM_LENGTH; index++) body += CODE_ALPHABET.charAt(random(CODE_ALPHABET.length));
  return formatCode(body + checkCharacter(body));
}

export function formatCode(compact: string): string {
  return `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}`;
}

export type ParsedCode = { ok: true; code: string } | { ok: false; reason: 'shape' | 'check' };

/** Accepts what people type: any case, spaces or dashes anywhere. */
export function parseConfirmationCode(input: string): ParsedCode {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== CODE_LENGTH || [...compact].some((char) => !CODE_ALPHABET.includes(char))) {
    return { ok: false, reason: 'shape' };
  }
  const body = compact.slice(0, RANDOM_LENGTH);
  if (checkCharacter(body) !== compact.charAt(RANDOM_LENGTH)) return { ok: false, reason: 'check' };
  return { ok: true, code: formatCode(compact) };
}
