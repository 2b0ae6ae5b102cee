import { describe, expect, it } from 'vitest';
import { parseCxRange } from '#domain/cx-dashboard';
import { BadRequestError } from '#shared/errors';
import { strings } from '../../support/forms.ts';

const now = new Date('2026-12-01T15:00:00Z');
const parse = (query: Record<string, string>) => parseCxRange(query, now, 'en', strings);
const refusal = (query: Record<string, string>) => {
  try {
    parse(query);
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestError);
    return (error as Error).message;
  }
  throw new Error('not refused');
};

describe("the CX dashboard's date range", () => {
  it('is the 90 days up to today when nothing is asked, and up to `to` when only `to` is', () => {
    expect(parse({})).toEqual({ from: '2026-09-03', to: '2026-12-01', serviceId: undefined, channel: undefined });
    expect(parse({ to: '2026-06-30' })).toMatchObject({ from: '2026-04-02', to: '2026-06-30' });
  });

  it('names the end date when it is not a day, even with no start date to count back from', () => {
    expect(refusal({ to: 'X' })).toContain('(to)');
    expect(refusal({ to: '2026-13-45' })).toContain('(to)');
    expect(refusal({ from: '2026-01-01', to: '1 June' })).toContain('(to)');
  });

  it('names the start date when it is not a day', () => {
    expect(refusal({ from: '2026/01/01' })).toContain('(from)');
  });

  it('refuses a range that runs backwards or is longer than 400 days, and takes one of exactly 400', () => {
    expect(refusal({ from: '2026-12-02', to: '2026-12-01' })).toContain('400');
    expect(refusal({ from: '2025-10-26', to: '2026-12-01' })).toContain('400');
    expect(parse({ from: '2025-10-27', to: '2026-12-01' })).toMatchObject({ from: '2025-10-27' });
  });

  it('keeps a service or channel filter only when it is an id', () => {
    expect(parse({ service: 'birth-certificate', channel: 'web' })).toMatchObject({
      serviceId: 'birth-certificate',
      channel: 'web',
    });
    expect(parse({ service: 'Birth Certificate!', channel: '<script>' })).toMatchObject({
      serviceId: undefined,
      channel: undefined,
    });
  });
});
