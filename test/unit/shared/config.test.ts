/** The portal's public origin: read from configuration only, and only as a bare origin. */
import { afterEach, describe, expect, it, vi } from 'vitest';

// config.ts also reads the table's name when imported; this file is about something else.
vi.hoisted(() => {
  process.env.TABLE_NAME ??= 'unit-test';
});
const { auditRetentionDays, portalOrigin } = await import('#shared/config');

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the portal's public origin", () => {
  it('is the configured https origin', () => {
    vi.stubEnv('PORTAL_ORIGIN', 'https://portal.example.gov');
    expect(portalOrigin()).toBe('https://portal.example.gov');
  });

  it('may be plain http only on this machine (the local runtime)', () => {
    vi.stubEnv('PORTAL_ORIGIN', 'http://127.0.0.1:3000');
    expect(portalOrigin()).toBe('http://127.0.0.1:3000');
    vi.stubEnv('PORTAL_ORIGIN', 'http://localhost:3000');
    expect(portalOrigin()).toBe('http://localhost:3000');
    vi.stubEnv('PORTAL_ORIGIN', 'http://portal.example.gov');
    expect(() => portalOrigin()).toThrow(/PORTAL_ORIGIN/);
  });

  it('refuses a path, a trailing slash or something that is not a URL, naming the setting', () => {
    for (const value of [
      'https://portal.example.gov/pay',
      'https://portal.example.gov/',
      'portal.example.gov',
      'javascript:alert(1)',
    ]) {
      vi.stubEnv('PORTAL_ORIGIN', value);
      expect(() => portalOrigin(), value).toThrow(/PORTAL_ORIGIN is "/);
    }
  });

  it('fails fast when it is not set', () => {
    vi.stubEnv('PORTAL_ORIGIN', undefined);
    expect(() => portalOrigin()).toThrow(/PORTAL_ORIGIN is not set/);
  });
});

describe('how long audit entries are kept', () => {
  it('is seven years unless infra says otherwise', () => {
    vi.stubEnv('AUDIT_RETENTION_DAYS', '');
    expect(auditRetentionDays()).toBe(2555);
    vi.stubEnv('AUDIT_RETENTION_DAYS', '3650');
    expect(auditRetentionDays()).toBe(3650);
  });

  it('fails fast on something that is not a number of days, naming the setting', () => {
    vi.stubEnv('AUDIT_RETENTION_DAYS', 'forever');
    expect(() => auditRetentionDays()).toThrow(/AUDIT_RETENTION_DAYS is "forever"/);
  });
});
