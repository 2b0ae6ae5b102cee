import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_ENTROPY_BITS, newConfirmationCode, parseConfirmationCode } from '#domain/confirmation-code';

describe('confirmation codes', () => {
  it('carry at least 50 bits of randomness', () => {
    expect(CODE_ENTROPY_BITS).toBeGreaterThanOrEqual(50);
  });

  it('never use characters that are easy to confuse aloud or on paper', () => {
    for (const confusing of ['0', 'O', '1', 'I', 'L']) expect(CODE_ALPHABET).not.toContain(confusing);
    for (let i = 0; i < 200; i++)
      expect(newConfirmationCode()).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  });

  it('are different every time', () => {
    const codes = new Set(Array.from({ length: 5000 }, () => newConfirmationCode()));
    expect(codes.size).toBe(5000);
  });

  it('accept what people type: lower case, spaces, missing dashes', () => {
    const code = newConfirmationCode();
    const typed = ` ${code.toLowerCase().replaceAll('-', ' ')} `;
    expect(parseConfirmationCode(typed)).toEqual({ ok: true, code });
  });

  it('spot every single mistyped character and every swap of two neighbours', () => {
    for (let round = 0; round < 300; round++) {
      const compact = newConfirmationCode().replaceAll('-', '');
      for (let i = 0; i < compact.length; i++) {
        for (const other of CODE_ALPHABET) {
          if (other === compact[i]) continue;
          const typo = compact.slice(0, i) + other + compact.slice(i + 1);
          expect(parseConfirmationCode(typo)).toEqual({ ok: false, reason: 'check' });
        }
        if (i < compact.length - 1 && compact[i] !== compact[i + 1]) {
          const swapped = compact.slice(0, i) + compact[i + 1] + compact[i] + compact.slice(i + 2);
          expect(parseConfirmationCode(swapped).ok).toBe(false);
        }
      }
    }
  });

  it('refuse text that is not shaped like a code', () => {
    for (const input of ['', 'ABC', 'OOOO-OOOO-OOOO', '7KQ4-MX2P-9HCR-22', '🙂🙂🙂🙂-🙂🙂🙂🙂-🙂🙂🙂🙂']) {
      expect(parseConfirmationCode(input)).toEqual({ ok: false, reason: 'shape' });
    }
  });
});

describe('codes already given out', () => {
  it('stay valid: the check character is computed as it always was', () => {
    expect(newConfirmationCode(() => 5)).toBe('7777-7777-777N');
    expect(newConfirmationCode(() => 11)).toBe('DDDD-DDDD-DDDK');
    expect(parseConfirmationCode('7777-7777-777N')).toEqual({ ok: true, code: '7777-7777-777N' });
  });

  it('are not a code at all with one character outside the alphabet', () => {
    expect(parseConfirmationCode('7777-7777-777I')).toEqual({ ok: false, reason: 'shape' });
    expect(parseConfirmationCode('O777-7777-777N')).toEqual({ ok: false, reason: 'shape' });
  });
});
