/**
 * A fee that depends on an answer (decision 0087), through the real local front door: ten certified copies cost
 * ten times one, the status page shows that amount, and the checkout asks for it — whatever the browser says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath } from '#ui/paths.ts';
import { BIRTH_CERTIFICATE_ANSWERS, paymentHelpers } from '../support/payments.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.paymentSandbox.settled();
  await portal?.close();
});

const { apply, pay } = paymentHelpers(() => portal);
const sessionOf = (checkoutUrl: string) => portal.paymentSandbox.sessions().find((s) => checkoutUrl.endsWith(s.id));

describe('a fee per copy', () => {
  it('charges ten copies ten times the fee for one, as the status page says', async () => {
    const code = await apply('birth-certificate-request', { ...BIRTH_CERTIFICATE_ANSWERS, copies: 10 });
    const status = (await (
      await fetch(portal.url + apiPath('showStatus', { code }), { headers: { accept: 'application/json' } })
    ).json()) as {
      fee?: { amount: number };
    };
    expect(status.fee).toEqual({ amount: 25_000, currency: 'USD' });
    const page = await (
      await fetch(portal.url + apiPath('showStatus', { code }, { lang: 'en' }), { headers: { accept: 'text/html' } })
    ).text();
    expect(page).toContain('$250.00');

    const started = await pay({ code, amount: '2500', copies: '1' });
    expect(started.status).toBe(201);
    expect(sessionOf(String(started.body.checkoutUrl))?.amount_total).toBe(25_000);
  });

  it('charges one copy the fee for one', async () => {
    const code = await apply();
    const started = await pay({ code });
    expect(sessionOf(String(started.body.checkoutUrl))?.amount_total).toBe(2500);
  });

  it('fixes the amount on the submission when it is sent', async () => {
    const code = await apply('birth-certificate-request', { ...BIRTH_CERTIFICATE_ANSWERS, copies: 3 });
    const item = (await portal.items()).find((candidate) => candidate.type === 'submission' && candidate.code === code);
    expect(item?.fee).toEqual({ amount: 7500, currency: 'USD', quantity: 3, unitAmount: 2500 });
    expect(item?.formVersion).toBe(2);
  });
});
