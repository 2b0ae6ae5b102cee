import { describe, expect, it } from 'vitest';
import { newConfirmationCode } from '#domain/confirmation-code';
import { PLACEHOLDER, scrubComment } from '#domain/feedback-scrub';

const scrub = (text: string) => scrubComment(text, 1000);

describe('scrubbing a comment before it is kept', () => {
  it.each([
    ['Write to ana.diaz+dmv@example.com please', 'Write to [email] please'],
    ['my mail is ANA@EXAMPLE.GOV.', 'my mail is [email].'],
    ['spaces around: ana @ example.org', 'spaces around: [email]'],
  ])('removes e-mail addresses: %s', (text, expected) => {
    expect(scrub(text)).toBe(expected);
  });

  it.each([
    ['Call me at (555) 123-4567 today', 'Call me at [number] today'],
    ['call +1 555 123 4567', 'call [number]'],
    ['555.123.4567', '[number]'],
    ['my SSN is 123-45-6789', 'my SSN is [number]'],
    ['ssn 123456789', 'ssn [number]'],
    ['card 4242 4242 4242 4242', 'card [number]'],
    ['born 2019-05-01', 'born [number]'],
    ['full-width ５５５１２３４５６７', 'full-width [number]'],
  ])('removes phone numbers and other long numbers: %s', (text, expected) => {
    expect(scrub(text)).toBe(expected);
  });

  it.each([
    ['My code is K7M2-9QXR-4TW3, why so slow', 'My code is [code], why so slow'],
    ['code k7m29qxr4tw3 please', 'code [code] please'],
    ['code K7M2 9QXR 4TW3', 'code [code]'],
    ['paid with ABCD-EFGH-JKMN', 'paid with [code]'],
    ['receipt pi_3Nx8Yz2eZvKYlo2C', 'receipt [code]'],
    ['ref A12B34', 'ref [code]'],
    ['see /api/status/K7M2-9QXR-4TW3?lang=en', 'see /api/status/[code]?lang=en'],
  ])('removes confirmation codes, payment ids and other code-like strings: %s', (text, expected) => {
    expect(scrub(text)).toBe(expected);
  });

  it.each([
    'The form was clear but the fee page confused me.',
    'Tardó 3 días y 2 llamadas, pero la señora fue muy amable.',
    'I waited 45 minutes on hold in 2026.',
    'Construction-related questions were hard; well-being matters.',
  ])('keeps ordinary sentences as written: %s', (text) => {
    expect(scrub(text)).toBe(text);
  });

  it('removes invisible characters that could hide text, and tidies spaces and blank lines', () => {
    expect(scrub('  a\u200Bb\u202Ec\u0000  d\r\n\r\n\r\n\r\ne\t\t f  ')).toBe('abc d\n\ne f');
  });

  it('cuts the text to the limit without splitting a character', () => {
    expect(scrubComment('ab😀cd', 3)).toBe('ab😀');
    expect([...scrubComment('x'.repeat(5000), 1000)]).toHaveLength(1000);
  });

  it('never lets a confirmation code, e-mail or phone number through, wherever it sits in a text (randomized)', () => {
    let seed = 7;
    const random = (max: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % max;
    };
    const words = ['the', 'form', 'was', 'slow', 'ok', 'gracias', 'señora', '3', 'días', '.', ',', '(', ')', '-', ' ', '\n'];
    const secrets = [
      () => newConfirmationCode(random),
      () => newConfirmationCode(random).replaceAll('-', '').toLowerCase(),
      () => `${String(random(900) + 100)}-${String(random(90) + 10)}-${String(random(9000) + 1000)}`,
      () => `(${random(900) + 100}) ${random(900) + 100}-${random(9000) + 1000}`,
      () => `user${random(1000)}@mail${random(100)}.example.com`,
    ];
    for (let run = 0; run < 500; run++) {
      const secret = (secrets[random(secrets.length)] as () => string)();
      const parts = Array.from({ length: random(12) }, () => words[random(words.length)]);
      parts.splice(random(parts.length + 1), 0, secret);
      const text = parts.join(random(2) === 0 ? ' ' : '');
      const out = scrub(text);
      expect(out, text).not.toContain(secret);
      expect(out.replace(/\D/g, '').length, text).toBeLessThan(7);
      expect(out, text).not.toMatch(/@/);
      expect(
        Object.values(PLACEHOLDER).some((p) => out.includes(p)),
        text,
      ).toBe(true);
    }
  });
});
