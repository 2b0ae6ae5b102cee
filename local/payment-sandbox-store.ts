/**
 * What the payment sandbox remembers, as Stripe would: checkout sessions, refunds and the answers to keyed
 * (Idempotency-Key) requests. In memory, or kept in a JSON file across restarts (`npm start`).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SandboxSession {
  id: string;
  object: 'checkout.session';
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  mode: 'payment';
  payment_intent: string | null;
  payment_status: 'paid' | 'unpaid';
  status: 'open' | 'complete' | 'expired';
  success_url: string;
  cancel_url: string;
  url: string;
  expires_at: number;
  created: number;
  livemode: false;
  locale: string | null;
  /** Not a Stripe field on the session: what the PaymentIntent carries (payment_intent_data). */
  _description: string;
  _intentMetadata: Record<string, string>;
}

export interface SandboxRefund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  payment_intent: string;
  status: 'succeeded';
  created: number;
  metadata: Record<string, string>;
}

export interface StoredResponse {
  fingerprint: string;
  status: number;
  body: string;
}

interface State {
  sessions: Record<string, SandboxSession>;
  refunds: Record<string, SandboxRefund>;
  idempotency: Record<string, StoredResponse>;
}

export interface SandboxStore extends State {
  /** Writes the state to the data file (no-op in memory); call after each change. */
  save(): void;
}

export function createSandboxStore(dataFile: string | undefined): SandboxStore {
  let state: State = { sessions: {}, refunds: {}, idempotency: {} };
  if (dataFile && existsSync(dataFile)) state = JSON.parse(readFileSync(dataFile, 'utf8')) as State;
  const store: SandboxStore = {
    ...state,
    save() {
      if (!dataFile) return;
      mkdirSync(dirname(dataFile), { recursive: true });
      const { sessions, refunds, idempotency } = store;
      writeFileSync(dataFile, JSON.stringify({ sessions, refunds, idempotency }));
    },
  };
  return store;
}

/** The session as Stripe's API shows it (without the sandbox's own fields). */
export const publicSession = (session: SandboxSession) => {
  const { _description: _d, _intentMetadata: _m, ...rest } = session;
  return rest;
};
