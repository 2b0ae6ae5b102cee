import { describe, expect, it } from 'vitest';
import { channelsFor, InvalidPreferencesError, PREFERENCE_KINDS, parsePreferences } from '#domain/preferences';

const both = { email: true, sms: true };
const NOW = new Date('2026-12-01T10:00:00.000Z');

describe('which channels a notice goes by', () => {
  it('without preferences: every channel the person gave', () => {
    for (const kind of PREFERENCE_KINDS) expect(channelsFor(kind, undefined, both)).toEqual(['email', 'sms']);
    expect(channelsFor('status-changed', undefined, { email: true, sms: false })).toEqual(['email']);
  });

  it('as the person chose, for updates', () => {
    expect(channelsFor('status-changed', { choices: { 'status-changed': 'sms' } }, both)).toEqual(['sms']);
    expect(channelsFor('staff-message', { choices: { 'staff-message': 'none' } }, both)).toEqual([]);
    expect(channelsFor('staff-message', { choices: { 'staff-message': 'email' } }, both)).toEqual(['email']);
  });

  it('a receipt always goes, by the channel that can still reach the person', () => {
    expect(channelsFor('paid', { choices: { paid: 'sms' } }, { email: true, sms: false })).toEqual(['email']);
    expect(channelsFor('submitted', { choices: { submitted: 'email' } }, { email: false, sms: true })).toEqual(['sms']);
    // Even a stored "none" (never accepted by the form) does not silence a receipt.
    expect(channelsFor('paid', { choices: { paid: 'none' } }, both)).toEqual(['email']);
  });

  it('an update the chosen channel cannot carry is not sent another way', () => {
    expect(channelsFor('status-changed', { choices: { 'status-changed': 'sms' } }, { email: true, sms: false })).toEqual([]);
  });

  it('nothing for kinds that are not notices', () => {
    expect(channelsFor('delivered', undefined, both)).toEqual([]);
    expect(channelsFor('contact', undefined, both)).toEqual([]);
  });
});

describe('the preferences form', () => {
  it('keeps valid choices and the language', () => {
    expect(parsePreferences({ 'status-changed': 'sms', paid: 'both', locale: 'es' }, NOW)).toEqual({
      choices: { 'status-changed': 'sms', paid: 'both' },
      locale: 'es',
      updatedAt: NOW.toISOString(),
    });
  });

  it('refuses "none" for a receipt, an unknown kind or choice, and a bad language, naming each field', () => {
    try {
      parsePreferences({ submitted: 'none', 'status-changed': 'pigeon', delivered: 'email', locale: 'fr' }, NOW);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidPreferencesError);
      expect((error as InvalidPreferencesError).problems.map((p) => p.field)).toEqual([
        'submitted',
        'status-changed',
        'delivered',
        'locale',
      ]);
    }
  });

  it('refuses something that is not an object', () => {
    expect(() => parsePreferences('email', NOW)).toThrow(InvalidPreferencesError);
    expect(() => parsePreferences(null, NOW)).toThrow(InvalidPreferencesError);
  });
});
