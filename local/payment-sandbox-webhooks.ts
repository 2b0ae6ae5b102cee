/**
 * The payment sandbox's webhooks: Stripe events sent to the portal over real HTTP, signed exactly as Stripe signs
 * them (Stripe-Signature: t=…,v1=HMAC-SHA256 of "t.body" with the webhook secret), and retried like Stripe retries
 * anything but a 2xx.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { apiPath } from '#ui/paths.ts';

export const API_VERSION = '2026-10-28.endive';

/** Where the portal receives them: the route table's webhook route. */
export const WEBHOOK_PATH = apiPath('receivePaymentWebhook');

/** The Stripe-Signature header for a payload, exactly as Stripe computes it. */
export function stripeSignature(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

/** A Stripe event envelope around an object. */
export function stripeEvent(type: string, object: unknown, created = Math.floor(Date.now() / 1000)) {
  return {
    id: `evt_${randomBytes(12).toString('hex')}`,
    object: 'event',
    api_version: API_VERSION,
    created,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

export interface WebhookSender {
  /** Sends one event; resolves once the portal accepted it or the retries ran out. */
  send(type: string, object: unknown): Promise<void>;
  /** Waits for webhooks still being sent (delayed cards, retries). */
  settled(): Promise<void>;
}

export function createWebhookSender(options: {
  portal: string;
  webhookSecret: string;
  log: (line: string) => void;
}): WebhookSender {
  const inFlight = new Set<Promise<unknown>>();

  async function deliver(payload: string, attempt = 0): Promise<void> {
    let status = 0;
    try {
      const response = await fetch(`${options.portal}${WEBHOOK_PATH}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'stripe-signature': stripeSignature(payload, options.webhookSecret),
        },
        body: payload,
      });
      status = response.status;
      await response.arrayBuffer();
    } catch {
      status = 0;
    }
    if (status >= 200 && status < 300) return;
    // Like Stripe: anything but a 2xx is retried (Stripe keeps trying for 3 days; the sandbox, 3 times).
    if (attempt >= 3) {
      options.log(`! sandbox webhook not accepted after ${attempt + 1} tries (last status ${status})`);
      return;
    }
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, 200 * 2 ** attempt);
      timer.unref();
    });
    return deliver(payload, attempt + 1);
  }

  return {
    send(type, object) {
      // Stripe sends indented JSON: a verifier that re-serialises the body would fail, as it should.
      const payload = JSON.stringify(stripeEvent(type, object), null, 2);
      const sending = deliver(payload);
      inFlight.add(sending);
      void sending.finally(() => inFlight.delete(sending));
      return sending;
    },
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
