/**
 * The local payment provider, put together from its parts: the state it keeps (payment-sandbox-store.ts), a
 * Stripe-shaped API under /v1/ (payment-sandbox-stripe-api.ts, what api.stripe.com is), a hosted checkout under
 * /sandbox/ (payment-sandbox-checkout.ts, what checkout.stripe.com is) and signed webhooks to the portal
 * (payment-sandbox-webhooks.ts). So the real `stripe` SDK, pointed at this address, and the production webhook
 * verification run locally (docs/decisions/0020-a-sandbox-that-speaks-stripe.md).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { createHostedCheckout } from './payment-sandbox-checkout.ts';
import { createSandboxStore, type SandboxSession } from './payment-sandbox-store.ts';
import { createStripeApi } from './payment-sandbox-stripe-api.ts';
import { createWebhookSender } from './payment-sandbox-webhooks.ts';

export interface PaymentSandboxOptions {
  /** The portal's address: hosted pages live under it, webhooks go to its API. */
  portalUrl: string;
  /** The built site, for its stylesheet. */
  distDir?: string;
  /** Keep sessions across restarts (npm start); in memory when absent. */
  dataFile?: string;
  /** How long the delayed test card takes (ms). */
  delayMs?: number;
  log?: (line: string) => void;
}

export interface PaymentSandbox {
  apiKey: string;
  webhookSecret: string;
  /** What the functions need to use the sandbox (config.ts, paymentConfig). */
  env: Record<string, string>;
  handles(pathname: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
  /** How long the delayed test card takes (ms); tests shorten it. */
  delayMs: number;
  sessions(): SandboxSession[];
  /** Waits for webhooks still being sent (delayed cards, retries). */
  settled(): Promise<void>;
  stop(): void;
}

export function createPaymentSandbox(options: PaymentSandboxOptions): PaymentSandbox {
  const portal = options.portalUrl.replace(/\/$/, '');
  const apiKey = `sk_test_sandbox_${randomBytes(12).toString('hex')}`;
  const webhookSecret = `whsec_${randomBytes(24).toString('base64url')}`;
  const log = options.log ?? ((line: string) => console.log(line));
  const timers = new Set<NodeJS.Timeout>();
  const store = createSandboxStore(options.dataFile);
  let stylesheet: string | undefined;
  const stylesheetHref = () => {
    if (stylesheet === undefined && options.distDir) {
      const index = join(options.distDir, 'index.html');
      stylesheet = existsSync(index) ? (/href="(\/_astro\/[^"]+\.css)"/.exec(readFileSync(index, 'utf8'))?.[1] ?? '') : '';
    }
    return stylesheet ?? '';
  };
  const webhooks = createWebhookSender({ portal, webhookSecret, log });
  const api = createStripeApi({ store, portal, apiKey });
  const checkout = createHostedCheckout({ store, webhooks, stylesheetHref, delayMs: () => sandbox.delayMs, timers });

  const sandbox: PaymentSandbox = {
    apiKey,
    webhookSecret,
    delayMs: options.delayMs ?? 5_000,
    env: {
      PAYMENT_PROVIDER: 'sandbox',
      PAYMENT_PROVIDER_API_URL: portal,
      PAYMENT_PROVIDER_SECRET_JSON: JSON.stringify({ apiKey, webhookSecret }),
    },
    handles: (pathname) => pathname.startsWith('/sandbox/') || pathname.startsWith('/v1/'),
    handle: (req, res, url) => (url.pathname.startsWith('/v1/') ? api.serve(req, res, url) : checkout.serve(req, res, url)),
    sessions: () => Object.values(store.sessions),
    settled: () => webhooks.settled(),
    stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
  return sandbox;
}
