/**
 * Free text in a survey is anonymous only if what people type into it is: before a comment is stored, e-mail
 * addresses, phone numbers and other long numbers (SSNs, card numbers, dates of birth) and code-like strings
 * (confirmation codes, payment ids, references that mix letters and digits) are replaced by a placeholder, and
 * the text is cut to a length. Written by hand (no library scrubs these shapes for us), tested in
 * test/unit/domain/feedback-scrub.test.ts with worked examples and randomized inputs.
 */
import { parseConfirmationCode } from './confirmation-code.ts';

export const PLACEHOLDER = { email: '[email]', number: '[number]', code: '[code]' } as const;

// Anything@anything.tld, also with spaces people put around the @ to dodge filters ("ana at example.com" is not caught).
const EMAIL = /[^\s@<>()[\]"',;:]+\s?@\s?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// A confirmation code or payment id as shown (XXXX-XXXX-XXXX) in its alphabet (confirmation-code.ts), with
// dashes, spaces or nothing between the groups, in any case.
const CODE_SHAPE = /\b[2-9a-hjkmnp-z]{4}[\s-]?[2-9a-hjkmnp-z]{4}[\s-]?[2-9a-hjkmnp-z]{4}\b/gi;
// Seven or more digits with only separators between them: phone numbers, SSNs, card and account numbers, dates.
const LONG_NUMBER = /\+?\(?\d(?:[\s().\-/]*\d){6,}\)?/g;
// A word that mixes letters and digits, six characters or more (after dashes and underscores): ids, references.
const MIXED_TOKEN = /[\p{L}\p{N}_-]{6,}/gu;
// Control characters other than tab and newline; a zero-width or bidi control could hide text from a reader.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

function isCodeLike(token: string): boolean {
  const compact = token.replace(/[-_]/g, '');
  const digits = compact.replace(/\D/g, '').length;
  const letters = compact.replace(/[^\p{L}]/gu, '').length;
  return compact.length >= 6 && digits >= 2 && letters >= 1;
}

/**
 * A code shape is a code when it has a digit, is in capitals with separators ("ABCD-EFGH-JKMN"), or its last
 * character checks (a real code typed in lower case without dashes; an ordinary word passes 1 time in 31).
 */
function looksLikeCode(match: string): boolean {
  return /\d/.test(match) || (match === match.toUpperCase() && /[-\s]/.test(match)) || parseConfirmationCode(match).ok;
}

/** `text` without personal details or codes, tidied, at most `maxLength` characters (whole characters). */
export function scrubComment(text: string, maxLength: number): string {
  const cleaned = text
    // NFKC folds full-width and other look-alike digits and letters into the plain ones the patterns know.
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, (c) => (c === '\n' || c === '\t' ? c : ''))
    .replace(EMAIL, PLACEHOLDER.email)
    .replace(LONG_NUMBER, PLACEHOLDER.number)
    .replace(CODE_SHAPE, (match) => (looksLikeCode(match) ? PLACEHOLDER.code : match))
    .replace(MIXED_TOKEN, (token) => (isCodeLike(token) ? PLACEHOLDER.code : token))
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const characters = [...cleaned];
  return characters.length <= maxLength ? cleaned : characters.slice(0, maxLength).join('').trimEnd();
}
