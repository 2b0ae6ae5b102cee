/** One rule for date ranges, run by the server and by the site's inline checks. */
import { describe, expect, it } from 'vitest';
import { outOfRange } from '#catalog/date-range';

const now = new Date('2026-12-01T23:30:00Z');

describe('a date range', () => {
  it('refuses a date after today when it may not be in the future', () => {
    expect(outOfRange({ notInFuture: true }, '2026-12-02', now)).toBe('future');
    expect(outOfRange({ notInFuture: true }, '2026-12-01', now)).toBeUndefined();
  });

  it('refuses a date before today when it may not be in the past', () => {
    expect(outOfRange({ notInPast: true }, '2026-11-30', now)).toBe('past');
    expect(outOfRange({ notInPast: true }, '2026-12-01', now)).toBeUndefined();
  });

  it('refuses a date more than the years allowed away from today, either way', () => {
    expect(outOfRange({ withinYears: 1 }, '2025-11-30', now)).toBe('tooFar');
    expect(outOfRange({ withinYears: 1 }, '2025-12-01', now)).toBeUndefined();
    expect(outOfRange({ withinYears: 1 }, '2027-12-02', now)).toBe('tooFar');
  });

  it('accepts anything without a range', () => {
    expect(outOfRange(undefined, '1900-01-01', now)).toBeUndefined();
  });
});
