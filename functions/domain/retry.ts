/**
 * Optimistic writes, written once: read, decide, write only if nothing changed since the read (the store
 * answers "stale" otherwise), and on "stale" read and decide again. Concurrent requests each get a turn;
 * running out of tries means something keeps changing the record, which is a bug worth a 500.
 */

/** Returned by an attempt that lost a race: read again and decide again. */
export const TRY_AGAIN: unique symbol = Symbol('try again');

export const MAX_ATTEMPTS = 8;

/** Runs `attempt` (given its number, from 0) until it answers something other than TRY_AGAIN. */
export async function untilDecided<T>(
  what: string,
  attempt: (index: number) => Promise<T | typeof TRY_AGAIN>,
  attempts = MAX_ATTEMPTS,
): Promise<T> {
  for (let index = 0; index < attempts; index++) {
    const result = await attempt(index);
    if (result !== TRY_AGAIN) return result;
  }
  throw new Error(`Could not ${what} after ${attempts} tries`);
}
