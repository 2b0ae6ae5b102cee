import { describe, expect, it } from 'vitest';
import { newConfirmationCode } from '#domain/confirmation-code';
import { fitText, MAX_TEXT_LENGTH, parseSmsCommand, START_WORDS, STOP_WORDS, toE164 } from '#domain/sms';
import { textingPhoneOf } from '#domain/submissions';
import { compiledForm } from '../../support/forms.ts';

describe('what an inbound text asks for', () => {
  it('stops on every opt-out word carriers require, whatever the case and the spaces', () => {
    for (const word of STOP_WORDS) expect(parseSmsCommand(` ${word.toLowerCase()} `).kind).toBe('stop');
    expect(parseSmsCommand('Stop.').kind).toBe('stop');
    expect(parseSmsCommand('stop!!').kind).toBe('stop');
  });

  it('opts back in on START and its synonyms', () => {
    for (const word of START_WORDS) expect(parseSmsCommand(word).kind).toBe('start');
  });

  it('answers HELP, INFO and AYUDA with help, in the language of the word', () => {
    expect(parseSmsCommand('help')).toEqual({ kind: 'help', locale: 'en' });
    expect(parseSmsCommand('INFO')).toEqual({ kind: 'help', locale: 'en' });
    expect(parseSmsCommand('Ayuda')).toEqual({ kind: 'help', locale: 'es' });
    expect(parseSmsCommand('parar')).toEqual({ kind: 'stop', locale: 'es' });
  });

  it('reads STATUS with a code as printed, in lower case, without dashes or with a colon', () => {
    const code = newConfirmationCode();
    expect(parseSmsCommand(`STATUS ${code}`)).toEqual({ kind: 'status', code, locale: 'en' });
    expect(parseSmsCommand(`status ${code.toLowerCase()}`)).toEqual({ kind: 'status', code, locale: 'en' });
    expect(parseSmsCommand(`Status: ${code.replaceAll('-', '')}`)).toEqual({ kind: 'status', code, locale: 'en' });
    expect(parseSmsCommand(`estado ${code}`)).toEqual({ kind: 'status', code, locale: 'es' });
  });

  it('tells a mistyped code from a message that is no command', () => {
    const code = newConfirmationCode();
    const typo = `${code.slice(0, -1)}${code.endsWith('2') ? '3' : '2'}`;
    expect(parseSmsCommand(`STATUS ${typo}`).kind).toBe('status-mistyped');
    expect(parseSmsCommand('STATUS').kind).toBe('status-mistyped');
    expect(parseSmsCommand('STATUSES are nice').kind).toBe('other');
    expect(parseSmsCommand('please stop sending').kind).toBe('other');
    expect(parseSmsCommand('').kind).toBe('other');
  });
});

describe('phone numbers for texts', () => {
  it('writes North American numbers in E.164 and keeps numbers that already have their country code', () => {
    expect(toE164('(555) 010-2000')).toBeUndefined(); // 555-01xx exchanges start with 0: not a real number
    expect(toE164('(202) 555-0100')).toBe('+12025550100');
    expect(toE164('1 202 555 0100')).toBe('+12025550100');
    expect(toE164('+44 20 7946 0958')).toBe('+442079460958');
    expect(toE164('12345')).toBeUndefined();
    expect(toE164('+0123456789')).toBeUndefined();
  });

  it('keeps a number for texts only when the consent box was ticked', async () => {
    const { form } = await compiledForm('birth-certificate-request');
    expect(textingPhoneOf(form, { phone: '202-555-0100', textMessages: true })).toBe('+12025550100');
    expect(textingPhoneOf(form, { phone: '202-555-0100', textMessages: false })).toBeUndefined();
    expect(textingPhoneOf(form, { phone: '202-555-0100' })).toBeUndefined();
    expect(textingPhoneOf(form, { textMessages: true })).toBeUndefined();
  });
});

describe('the length of a text', () => {
  it('never goes past two segments, cut at a word', () => {
    const long = 'word '.repeat(100);
    const fitted = fitText(long);
    expect(fitted.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
    expect(fitted.endsWith('…')).toBe(true);
    expect(fitText('short')).toBe('short');
  });
});
