/** Idempotency-Keys for submissions and payments: checked, claimed for a day, and made up for plain form posts. */
import { describe, expect, it } from 'vitest';
import {
  AUTO_KEY_WINDOW_SECONDS,
  automaticIdempotencyKey,
  checkIdempotencyKey,
  claimFor,
  fingerprintOf,
  IDEMPOTENCY_TTL_SECONDS,
  type Sender,
} from '#domain/idempotency';
import { BadRequestError } from '#shared/errors';
import { strings } from '../../support/forms.ts';

const NOW = new Date('2026-11-30T10:00:00.000Z');
const ana: Sender = { kind: 'person', subject: 'sub-ana' };
const ben: Sender = { kind: 'person', subject: 'sub-ben' };
const answers = () => new URLSearchParams({ fullName: 'Ana Díaz', copies: '1' });
const key = (overrides: Partial<Parameters<typeof automaticIdempotencyKey>[0]> = {}) =>
  automaticIdempotencyKey({ path: '/api/forms/f/submissions', answers: answers(), sender: ana, now: NOW, ...overrides });

describe('a key sent with the request', () => {
  it('is taken as sent when it is 8 to 128 letters, digits or . _ : -', () => {
    for (const sent of ['abcd-123', 'A'.repeat(128), 'x.y_z:1-2']) expect(checkIdempotencyKey(sent, 'en', strings)).toBe(sent);
  });

  it('counts as absent when empty or missing', () => {
    expect(checkIdempotencyKey(undefined, 'en', strings)).toBeUndefined();
    expect(checkIdempotencyKey('', 'en', strings)).toBeUndefined();
  });

  it('is refused (400) when too short, too long or with other characters', () => {
    for (const sent of ['short12', 'A'.repeat(129), 'has space', 'semi;colon', 'ключ-ключ-ключ'])
      expect(() => checkIdempotencyKey(sent, 'en', strings), sent).toThrow(BadRequestError);
  });
});

describe('claims', () => {
  it('last a day from now, under the key, with the request fingerprint', () => {
    expect(claimFor('key-12345', 'fp', NOW)).toEqual({
      key: 'key-12345',
      fingerprint: 'fp',
      expiresAt: NOW.getTime() / 1000 + IDEMPOTENCY_TTL_SECONDS,
    });
    expect(IDEMPOTENCY_TTL_SECONDS).toBe(86_400);
  });

  it('are not made without a key', () => {
    expect(claimFor(undefined, 'fp', NOW)).toBeUndefined();
    expect(claimFor('', 'fp', NOW)).toBeUndefined();
  });
});

describe('fingerprints', () => {
  it('are the same for the same parts and differ when parts run together differently', () => {
    expect(fingerprintOf('a', 'b')).toBe(fingerprintOf('a', 'b'));
    expect(fingerprintOf('ab', 'c')).not.toBe(fingerprintOf('a', 'bc'));
    expect(fingerprintOf('a')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('the automatic key of a plain form post', () => {
  it('is the same for the same person sending the same answers, in any field order', () => {
    const reordered = new URLSearchParams([
      ['copies', '1'],
      ['fullName', 'Ana Díaz'],
    ]);
    expect(key({ answers: reordered })).toBe(key());
    expect(key()).toMatch(/^auto-[A-Za-z0-9_-]{43}$/);
  });

  it('differs for two people sending identical answers', () => {
    expect(key({ sender: ben })).not.toBe(key({ sender: ana }));
  });

  it('differs for two anonymous viewers, and between a viewer and a person', () => {
    const one: Sender = { kind: 'anonymous', address: '198.51.100.7' };
    const other: Sender = { kind: 'anonymous', address: '203.0.113.9' };
    expect(key({ sender: one })).not.toBe(key({ sender: other }));
    expect(key({ sender: { kind: 'anonymous', address: 'sub-ana' } })).not.toBe(key({ sender: ana }));
  });

  it('differs for other answers or another form', () => {
    expect(key({ answers: new URLSearchParams({ fullName: 'Ana Díaz', copies: '2' }) })).not.toBe(key());
    expect(key({ path: '/api/forms/g/submissions' })).not.toBe(key());
  });

  it("ignores the portal's own fields (the _-prefixed ones)", () => {
    const withOwn = answers();
    withOwn.set('_csrf', 'anything');
    expect(key({ answers: withOwn })).toBe(key());
  });

  it('holds for ten minutes: the same inside one window, another in the next', () => {
    const windowStart = new Date(Math.floor(NOW.getTime() / 1000 / AUTO_KEY_WINDOW_SECONDS) * AUTO_KEY_WINDOW_SECONDS * 1000);
    const lastSecond = new Date(windowStart.getTime() + AUTO_KEY_WINDOW_SECONDS * 1000 - 1);
    const next = new Date(windowStart.getTime() + AUTO_KEY_WINDOW_SECONDS * 1000);
    expect(AUTO_KEY_WINDOW_SECONDS).toBe(600);
    expect(key({ now: lastSecond })).toBe(key({ now: windowStart }));
    expect(key({ now: next })).not.toBe(key({ now: windowStart }));
  });
});
