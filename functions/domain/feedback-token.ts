/**
 * The key a survey response is stored under: an HMAC of the task and the transaction (confirmation code, payment
 * id, staff reply) under a secret key. The same transaction always gives the same key, so answering twice
 * replaces the answer rather than counting twice; without the secret nobody can go from a code to its response
 * or back, so the response stays anonymous even to someone who can read the table and knows a code.
 */
import { createHmac } from 'node:crypto';
import type { FeedbackTask } from './feedback-survey.ts';

/** A reference to the transaction the survey is about; it never leaves this function. */
export function feedbackToken(key: string, task: FeedbackTask, transaction: string): string {
  if (key.length < 16) throw new Error('The feedback key must be at least 16 characters');
  // 24 bytes (192 bits): collisions between transactions are out of reach; base64url keeps it key-safe.
  return createHmac('sha256', key).update(`feedback\n${task}\n${transaction}`).digest().subarray(0, 24).toString('base64url');
}

/** Which write shard a response lands in (its token's first byte): spread evenly, the same on every retry. */
export function tokenShard(token: string, shards: number): number {
  return Buffer.from(token, 'base64url').readUInt8(0) % shards;
}
