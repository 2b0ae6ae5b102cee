/** The optimistic-write loop: read, decide, write; on a lost race read and decide again, a bounded number of times. */
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, TRY_AGAIN, untilDecided } from '#domain/retry';

describe('deciding again after a lost race', () => {
  it('answers the first decision that is not "try again", with the attempt numbers from 0', async () => {
    const seen: number[] = [];
    const answer = await untilDecided('decide', async (attempt) => {
      seen.push(attempt);
      return attempt < 2 ? TRY_AGAIN : `decided on ${attempt}`;
    });
    expect(answer).toBe('decided on 2');
    expect(seen).toEqual([0, 1, 2]);
  });

  it('gives up after MAX_ATTEMPTS (8) tries, saying what it could not do', async () => {
    let tries = 0;
    await expect(
      untilDecided('start a payment for SUB#X', async () => {
        tries++;
        return TRY_AGAIN;
      }),
    ).rejects.toThrow('Could not start a payment for SUB#X after 8 tries');
    expect(tries).toBe(MAX_ATTEMPTS);
    expect(MAX_ATTEMPTS).toBe(8);
  });

  it('takes another limit when given one', async () => {
    let tries = 0;
    await expect(
      untilDecided(
        'find a free code',
        async () => {
          tries++;
          return TRY_AGAIN;
        },
        3,
      ),
    ).rejects.toThrow('after 3 tries');
    expect(tries).toBe(3);
  });

  it('passes on an error from an attempt at once', async () => {
    let tries = 0;
    await expect(
      untilDecided('decide', async () => {
        tries++;
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(tries).toBe(1);
  });

  it('answers falsy decisions as they are', async () => {
    expect(await untilDecided('decide', async () => undefined)).toBeUndefined();
    expect(await untilDecided('decide', async () => 0)).toBe(0);
  });
});
