/**
 * Paying exactly once, over real HTTP: the local front door, the real handler modules, AWS's DynamoDB Local,
 * the real Stripe SDK talking to the sandbox, and webhooks signed as Stripe signs them.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stripeSignature } from '../../local/payment-sandbox-webhooks.ts';
import { CARDS, paymentHelpers } from '../support/payments.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
  portal.paymentSandbox.delayMs = 300;
});
afterAll(async () => {
  await portal?.paymentSandbox.settled();
  await portal?.close();
});

const { apply, pay, payInSandbox, payment, sendWebhook, sessionEvent } = paymentHelpers(() => portal);

const itemsOf = async (type: string) => (await portal.items()).filter((item) => item.type === type);

describe('paying the fee of an application', () => {
  it('opens a checkout for the amount the catalog says, and a paid card makes the payment and the application "paid"', async () => {
    const code = await apply();
    const started = await pay({ code });
    expect(started.status).toBe(201);
    const { paymentId, checkoutUrl } = started.body as { paymentId: string; checkoutUrl: string };
    expect(checkoutUrl).toMatch(new RegExp(`^${portal.url}/sandbox/checkout/cs_test_`));
    const session = portal.paymentSandbox.sessions().find((s) => checkoutUrl.endsWith(s.id))!;
    expect(session).toMatchObject({ amount_total: 2500, currency: 'usd', client_reference_id: paymentId });

    const back = await payInSandbox(checkoutUrl, CARDS.pays);
    expect(back).toBe(`${portal.url}/api/payments/${paymentId}?lang=en&from=checkout`);
    expect(await payment(paymentId)).toMatchObject({ state: 'paid', history: [{ kind: 'started' }, { kind: 'paid' }] });
    const status = (await (
      await fetch(`${portal.url}/api/status/${code}`, { headers: { accept: 'application/json' } })
    ).json()) as {
      payment: Record<string, unknown>;
    };
    expect(status.payment).toMatchObject({ id: paymentId, state: 'paid', amount: 2500, currency: 'USD' });
    // The webhook, not the return page, made it paid: the provider's event id is recorded as seen.
    expect((await itemsOf('payment-event')).map((item) => item.pk)).toContainEqual(
      expect.stringMatching(/^PAYEVENT#sandbox#evt_/),
    );
  });

  it('never takes an amount from the browser', async () => {
    const code = await apply();
    const { body } = await pay({ code, amount: '1' } as Record<string, string>);
    const session = portal.paymentSandbox.sessions().find((s) => String(body.checkoutUrl).endsWith(s.id))!;
    expect(session.amount_total).toBe(2500);
  });

  it('opens one checkout for 50 requests at once with one Idempotency-Key', async () => {
    const code = await apply();
    const before = portal.paymentSandbox.sessions().length;
    const answers = await Promise.all(Array.from({ length: 50 }, () => pay({ code }, { 'idempotency-key': `pay-${code}-once` })));
    expect(answers.map((a) => a.status).filter((s) => s !== 200 && s !== 201)).toEqual([]);
    expect(new Set(answers.map((a) => a.body.checkoutUrl)).size).toBe(1);
    expect(new Set(answers.map((a) => a.body.paymentId)).size).toBe(1);
    expect(portal.paymentSandbox.sessions().length - before).toBe(1);
    const payments = (await itemsOf('payment')).filter((item) => (item.subject as { code?: string }).code === code);
    expect(payments).toHaveLength(1);
  });

  it('keeps one live checkout when two tabs pay the same application with different keys', async () => {
    const code = await apply();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => pay({ code }, { 'idempotency-key': `tab-${i}-${code}` })),
    );
    expect(new Set(answers.map((a) => a.body.checkoutUrl)).size).toBe(1);
  });

  it('refuses an Idempotency-Key reused for something else (409)', async () => {
    const [first, second] = [await apply(), await apply()];
    await pay({ code: first }, { 'idempotency-key': 'reused-key-123' });
    const reused = await pay({ code: second }, { 'idempotency-key': 'reused-key-123' });
    expect(reused.status).toBe(409);
  });

  it('credits a payment once when the same webhook arrives 20 times', async () => {
    const code = await apply();
    const { body } = await pay({ code });
    const completed = sessionEvent('checkout.session.completed', String(body.checkoutUrl), {
      status: 'complete',
      payment_status: 'paid',
    });
    const answers = await Promise.all(Array.from({ length: 20 }, () => sendWebhook(completed.payload)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.body.outcome === 'applied')).toHaveLength(1);
    const { state, history } = await payment(String(body.paymentId));
    expect(state).toBe('paid');
    expect(history.filter((h) => h.kind === 'paid')).toHaveLength(1);
  });

  it('ends paid whether "completed" or "declined" arrives first', async () => {
    for (const order of [
      ['completed', 'declined'],
      ['declined', 'completed'],
    ]) {
      const code = await apply();
      const { body } = await pay({ code });
      const checkoutUrl = String(body.checkoutUrl);
      const events = {
        completed: sessionEvent('checkout.session.completed', checkoutUrl, { status: 'complete', payment_status: 'paid' }),
        declined: (() => {
          const s = sessionEvent('payment_intent.payment_failed', checkoutUrl);
          const event = JSON.parse(s.payload);
          event.data.object = {
            id: 'pi_test_1',
            object: 'payment_intent',
            metadata: { paymentId: body.paymentId },
            status: 'requires_payment_method',
          };
          return { payload: JSON.stringify(event, null, 2) };
        })(),
      };
      for (const name of order) expect((await sendWebhook(events[name as keyof typeof events].payload)).status).toBe(200);
      expect((await payment(String(body.paymentId))).state, order.join(' then ')).toBe('paid');
    }
  });

  it('ends failed whether a delayed payment\'s "processing" or "failed" arrives first', async () => {
    for (const order of [
      ['processing', 'failed'],
      ['failed', 'processing'],
    ]) {
      const code = await apply();
      const { body } = await pay({ code });
      const checkoutUrl = String(body.checkoutUrl);
      const events = {
        processing: sessionEvent('checkout.session.completed', checkoutUrl, { status: 'complete', payment_status: 'unpaid' }),
        failed: sessionEvent('checkout.session.async_payment_failed', checkoutUrl, {
          status: 'complete',
          payment_status: 'unpaid',
        }),
      };
      for (const name of order) await sendWebhook(events[name as keyof typeof events].payload);
      expect((await payment(String(body.paymentId))).state, order.join(' then ')).toBe('failed');
    }
  });

  it('says "processing" for a delayed card until the delayed webhook, then "paid"', async () => {
    const code = await apply();
    const { body } = await pay({ code });
    await payInSandbox(String(body.checkoutUrl), CARDS.delayed);
    expect((await payment(String(body.paymentId))).state).toBe('processing');
    await vi.waitFor(async () => expect((await payment(String(body.paymentId))).state).toBe('paid'), {
      timeout: 5_000,
      interval: 100,
    });
  });

  it('after a declined card, "pay" again goes back to the same checkout, and the next card pays', async () => {
    const code = await apply();
    const first = await pay({ code });
    const back = await payInSandbox(String(first.body.checkoutUrl), CARDS.declined);
    expect(back).toContain('from=cancel');
    expect((await payment(String(first.body.paymentId))).state).toBe('declined');
    const again = await pay({ code });
    expect(again.body.checkoutUrl).toBe(first.body.checkoutUrl);
    await payInSandbox(String(again.body.checkoutUrl), CARDS.pays);
    expect((await payment(String(first.body.paymentId))).state).toBe('paid');
    const paidAgain = await pay({ code });
    expect(paidAgain.body).toMatchObject({ state: 'paid', paymentId: first.body.paymentId });
    expect(paidAgain.body.checkoutUrl).toBeUndefined();
  });

  it('refuses an application whose service has no fee (409), a mistyped code (400) and an unknown one (404)', async () => {
    const code = await apply('voter-registration-update-request', {
      givenName: 'Ana',
      familyName: 'Díaz',
      dateOfBirth: '1990-05-01',
      streetAddress: '1 Main St',
      city: 'Springfield',
      zipCode: '12345',
      citizen: true,
      email: 'ana@example.com',
    });
    expect((await pay({ code })).status).toBe(409);
    const typo = code.slice(0, -1) + (code.endsWith('2') ? '3' : '2');
    expect((await pay({ code: typo })).status).toBe(400);
    expect((await pay({ code: '2222-2222-2222' })).status).toBe(404);
    expect((await pay({})).status).toBe(400);
  });
});

/** POST /api/payments as JSON with the Host header the test says (fetch cannot forge Host). */
function payWithHost(host: string, body: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const url = new URL('/api/payments', portal.url);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: 'POST', headers: { host, 'content-type': 'application/json', accept: 'application/json' } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text || '{}') }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(JSON.stringify(body));
  });
}

describe('where the provider sends the person back', () => {
  it("is the portal's own address, whatever Host the request to pay carried", async () => {
    const code = await apply();
    const started = await payWithHost('evil.example', { code });
    expect(started.status).toBe(201);
    const session = portal.paymentSandbox.sessions().find((s) => String(started.body.checkoutUrl).endsWith(s.id))!;
    const page = `${portal.url}/api/payments/${started.body.paymentId}?lang=en`;
    expect(session.success_url).toBe(`${page}&from=checkout`);
    expect(session.cancel_url).toBe(`${page}&from=cancel`);
  });

  it('is not taken from a forged x-forwarded-host either', async () => {
    const code = await apply();
    const { body } = await pay({ code }, { 'x-forwarded-host': 'evil.example' });
    const session = portal.paymentSandbox.sessions().find((s) => String(body.checkoutUrl).endsWith(s.id))!;
    expect(new URL(session.success_url).origin).toBe(portal.url);
    expect(new URL(session.cancel_url).origin).toBe(portal.url);
  });
});

describe('webhook signatures', () => {
  async function scenario() {
    const code = await apply();
    const { body } = await pay({ code });
    const event = sessionEvent('checkout.session.completed', String(body.checkoutUrl), {
      status: 'complete',
      payment_status: 'paid',
    });
    return { paymentId: String(body.paymentId), ...event };
  }

  const refusals: [string, (payload: string, secret: string) => { payload: string; signature: string }][] = [
    [
      'a stale timestamp (10 minutes old)',
      (p, s) => ({ payload: p, signature: stripeSignature(p, s, Math.floor(Date.now() / 1000) - 600) }),
    ],
    [
      'one byte of the body changed',
      (p, s) => ({ payload: p.replace('"livemode": false', '"livemode": falsE'), signature: stripeSignature(p, s) }),
    ],
    ['the JSON re-serialised', (p, s) => ({ payload: JSON.stringify(JSON.parse(p)), signature: stripeSignature(p, s) })],
    ['another secret', (p) => ({ payload: p, signature: stripeSignature(p, 'whsec_not_the_one') })],
    ['no signature', (p) => ({ payload: p, signature: '' })],
  ];

  for (const [name, tamper] of refusals) {
    it(`refuses ${name} with 400 and writes nothing`, async () => {
      const { paymentId, payload } = await scenario();
      const before = await portal.items();
      const forged = tamper(payload, portal.paymentSandbox.webhookSecret);
      const answer = await sendWebhook(forged.payload, forged.signature);
      expect(answer.status).toBe(400);
      expect(await portal.items()).toEqual(before);
      expect((await payment(paymentId)).state).toBe('pending');
    });
  }

  it('accepts the exact bytes when API Gateway hands them over base64-encoded', async () => {
    const { paymentId, payload } = await scenario();
    const { loadHandler, lambdaContext } = await import('../../local/api-gateway.ts');
    const handler = await loadHandler('receive-payment-webhook');
    const result = await handler(
      {
        version: '2.0',
        routeKey: 'POST /api/payments/webhook',
        rawPath: '/api/payments/webhook',
        rawQueryString: '',
        headers: {
          'content-type': 'application/json',
          'stripe-signature': stripeSignature(payload, portal.paymentSandbox.webhookSecret),
        },
        requestContext: { http: { method: 'POST', path: '/api/payments/webhook', sourceIp: '127.0.0.1' } },
        body: Buffer.from(payload).toString('base64'),
        isBase64Encoded: true,
      } as never,
      lambdaContext('receive-payment-webhook'),
    );
    expect(result.statusCode).toBe(200);
    expect((await payment(paymentId)).state).toBe('paid');
  });

  it('refuses a paid amount that differs from the amount asked for (422), writes nothing, and counts an alarm metric', async () => {
    const code = await apply();
    const { body } = await pay({ code });
    const event = sessionEvent('checkout.session.completed', String(body.checkoutUrl), {
      status: 'complete',
      payment_status: 'paid',
      amount_total: 100,
    });
    const before = await portal.items();
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    let answer: Awaited<ReturnType<typeof sendWebhook>>;
    try {
      answer = await sendWebhook(event.payload);
    } finally {
      spy.mockRestore();
    }
    expect(answer.status).toBe(422);
    expect(await portal.items()).toEqual(before);
    const metric = written.map((line) => line.trim()).find((line) => line.includes('"PaymentAmountMismatch"'));
    expect(JSON.parse(metric ?? '{}')).toMatchObject({
      _aws: { CloudWatchMetrics: [{ Namespace: 'FrontDoor', Metrics: [{ Name: 'PaymentAmountMismatch', Unit: 'Count' }] }] },
      PaymentAmountMismatch: 1,
    });
  });
});
