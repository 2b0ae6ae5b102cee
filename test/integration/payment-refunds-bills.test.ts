/**
 * Bills paid by reference and staff refunds, over real HTTP with real local tokens (the local issuer and the
 * same JWT checks API Gateway makes), and the refund handler invoked with claims exactly where API Gateway
 * puts them. The provider is the sandbox, through the real Stripe SDK.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_BILLS, seedSampleBills } from '../../local/payment-sandbox-bills.ts';
import { CARDS, paymentHelpers } from '../support/payments.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { machineToken as clientCredentials, signIn } from '../support/sign-in.ts';

let portal: TestPortal;
let staffToken: string;
let otherStaffToken: string;
let citizenToken: string;
let machineToken: string;

beforeAll(async () => {
  portal = await startTestPortal();
  await seedSampleBills(portal.client, portal.tableName);
  const tokens = await Promise.all(
    [
      { persona: 'staff.motor-vehicles', idp: 'ExampleStaff' },
      { persona: 'staff.revenue', idp: 'ExampleStaff' },
      { persona: 'ana.rivera', idp: 'LoginGov' },
    ].map(async (who) => (await signIn(portal.url, who)).tokens.access_token),
  );
  [staffToken, otherStaffToken, citizenToken] = tokens as [string, string, string];
  machineToken = await clientCredentials(portal.url, ['frontdoor/bills']);
});
afterAll(async () => {
  await portal?.paymentSandbox.settled();
  await portal?.close();
});

const { apply, pay, payInSandbox, payment } = paymentHelpers(() => portal);

function loadBill(reference: string, bill: unknown, token = machineToken) {
  return fetch(`${portal.url}/api/bills/${reference}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(bill),
  });
}

function refund(paymentId: string, body: Record<string, unknown>, token: string, key?: string) {
  return fetch(`${portal.url}/api/payments/${paymentId}/refunds`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      authorization: `Bearer ${token}`,
      ...(key && { 'idempotency-key': key }),
    },
    body: JSON.stringify(body),
  });
}

/** Loads a fresh parking ticket and pays it; answers the payment id. */
async function paidTicket(reference: string): Promise<string> {
  expect((await loadBill(reference, SAMPLE_BILLS['PT-2026-0001'])).status).toBe(200);
  const { body } = await pay({ bill: reference, check: 'abc1234' });
  await payInSandbox(String(body.checkoutUrl), CARDS.pays);
  expect((await payment(String(body.paymentId))).state).toBe('paid');
  return String(body.paymentId);
}

describe('bills', () => {
  it('are loaded by an agency system with the machine scope, and not with a person token or none (401)', async () => {
    expect((await loadBill('PT-2026-0100', SAMPLE_BILLS['PT-2026-0001'])).status).toBe(200);
    expect((await loadBill('PT-2026-0101', SAMPLE_BILLS['PT-2026-0001'], staffToken)).status).toBe(401);
    const anonymous = await fetch(`${portal.url}/api/bills/PT-2026-0102`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(anonymous.status).toBe(401);
    expect((await portal.items()).filter((item) => String(item.pk).startsWith('BILL#PT20260101'))).toEqual([]);
  });

  it('refuses a malformed bill naming every problem (422)', async () => {
    const response = await loadBill('PT-2026-0103', { amount: -1 });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/agency: .*amount: /);
  });

  it('are found by reference and plate (JSON), with the same 404 for a wrong plate and a wrong reference', async () => {
    const find = (body: unknown) =>
      fetch(`${portal.url}/api/bills/lookup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
    const found = await find({ reference: 'pt-2026-0002', check: 'xyz 9876' });
    expect(await found.json()).toMatchObject({ reference: 'PT20260002', amount: 3000, currency: 'USD' });
    const [wrongPlate, wrongReference] = await Promise.all([
      find({ reference: 'PT-2026-0002', check: 'XYZ9877' }),
      find({ reference: 'PT-2026-0009', check: 'XYZ9876' }),
    ]);
    expect([wrongPlate.status, wrongReference.status]).toEqual([404, 404]);
    expect(await wrongPlate.text()).toBe(await wrongReference.text());
  });

  it('cannot be paid with the wrong plate, and cannot be changed once paid (409)', async () => {
    expect((await pay({ bill: 'PT-2026-0002', check: 'nope' })).status).toBe(404);
    await paidTicket('PT-2026-0104');
    expect((await loadBill('PT-2026-0104', { ...SAMPLE_BILLS['PT-2026-0001'], amount: 1 })).status).toBe(409);
  });
});

/** What the table holds for a payment's refunds: the refund items and the audit entries that name them. */
async function refundRecords(paymentId: string) {
  const items = await portal.items();
  return {
    refunds: items.filter((i) => i.pk === `PAY#${paymentId}` && String(i.sk).startsWith('REFUND#')),
    audits: items.filter((i) => i.action === 'payment.refund' && (i.detail as Record<string, string>).payment === paymentId),
  };
}

describe('refunds', () => {
  it('staff of the agency paid refund part, then the rest; both show in the payment history', async () => {
    const paymentId = await paidTicket('PT-2026-0200');
    const first = await refund(paymentId, { amount: 1000 }, staffToken);
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ payment: { state: 'partially-refunded', refunded: 1000 } });
    const rest = await refund(paymentId, {}, staffToken);
    expect(await rest.json()).toMatchObject({ refund: { amount: 3500, state: 'succeeded' }, payment: { state: 'refunded' } });
    const { history } = await payment(paymentId);
    expect(history.filter((h) => h.kind === 'refunded').map((h) => h.amount)).toEqual([1000, 3500]);
    const session = portal.paymentSandbox.sessions().find((s) => s.client_reference_id === paymentId);
    expect(session?.payment_intent).toBeTruthy();
    const receipt = await (
      await fetch(`${portal.url}/api/payments/${paymentId}?lang=en`, { headers: { accept: 'text/html' } })
    ).text();
    expect(receipt).toContain('$35.00 refunded');
    const { refunds, audits } = await refundRecords(paymentId);
    expect(audits.map((a) => (a.detail as Record<string, string>).refund).sort()).toEqual(refunds.map((r) => r.id).sort());
    expect(audits.map((a) => (a.detail as Record<string, string>).amount).sort()).toEqual(['1000', '3500']);
    expect(audits[0]).toMatchObject({
      pk: expect.stringMatching(/^AUDIT#BILL#/),
      actor: { agency: 'motor-vehicles' },
      from: { address: expect.any(String), userAgent: expect.any(String) },
    });
  });

  it('never refunds more than was paid, even when asked twice at once', async () => {
    const paymentId = await paidTicket('PT-2026-0201');
    const answers = await Promise.all([
      refund(paymentId, { amount: 3000 }, staffToken),
      refund(paymentId, { amount: 3000 }, staffToken),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(await payment(paymentId)).toMatchObject({ state: 'partially-refunded', refunded: 3000 });
    const { refunds, audits } = await refundRecords(paymentId);
    expect([refunds.length, audits.length]).toEqual([1, 1]);
  });

  it('answers a repeated Idempotency-Key with the first refund', async () => {
    const paymentId = await paidTicket('PT-2026-0202');
    const first = await refund(paymentId, { amount: 500 }, staffToken, 'refund-once-202');
    const again = await refund(paymentId, { amount: 500 }, staffToken, 'refund-once-202');
    expect([first.status, again.status]).toEqual([201, 200]);
    expect((await payment(paymentId)).refunded).toBe(500);
    expect((await refundRecords(paymentId)).audits).toHaveLength(1);
  });

  it('refuses staff of another agency (403), citizens (403) and anonymous callers (401), refunding nothing', async () => {
    const paymentId = await paidTicket('PT-2026-0203');
    expect((await refund(paymentId, { amount: 100 }, otherStaffToken)).status).toBe(403);
    expect((await refund(paymentId, { amount: 100 }, citizenToken)).status).toBe(403);
    const anonymous = await fetch(`${portal.url}/api/payments/${paymentId}/refunds`, { method: 'POST', body: '{}' });
    expect(anonymous.status).toBe(401);
    expect((await payment(paymentId)).refunded).toBe(0);
    expect(await refundRecords(paymentId)).toEqual({ refunds: [], audits: [] });
  });

  it('refuses a citizen on the staff route before looking anything up (403, not 404 for a payment that does not exist)', async () => {
    const response = await refund('ZZZZ-ZZZZ-ZZZZ', { amount: 100 }, citizenToken);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  });

  it('refuses a fee the catalog says is not refundable (409)', async () => {
    const code = await apply();
    const { body } = await pay({ code });
    await payInSandbox(String(body.checkoutUrl), CARDS.pays);
    const vitalRecordsStaff = (await signIn(portal.url, { persona: 'staff.vital-records', idp: 'ExampleStaff' })).tokens
      .access_token;
    const answer = await refund(String(body.paymentId), {}, vitalRecordsStaff);
    expect(answer.status).toBe(409);
    expect(((await answer.json()) as { error: { message: string } }).error.message).toBe('This fee cannot be refunded.');
  });
});

describe('the refund handler, with claims where API Gateway puts them', () => {
  async function invoke(paymentId: string, claims: Record<string, string> | undefined) {
    const { loadHandler, lambdaContext } = await import('../../local/api-gateway.ts');
    const handler = await loadHandler('refund-payment');
    const event = {
      version: '2.0',
      routeKey: 'POST /api/payments/{paymentId}/refunds',
      rawPath: `/api/payments/${paymentId}/refunds`,
      rawQueryString: '',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      pathParameters: { paymentId },
      requestContext: {
        http: { method: 'POST', path: `/api/payments/${paymentId}/refunds`, sourceIp: '127.0.0.1' },
        ...(claims && { authorizer: { jwt: { claims, scopes: ['openid'] } } }),
      },
      body: JSON.stringify({ amount: 100 }),
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEventV2;
    return handler(event, lambdaContext('refund-payment'));
  }
  const person = (sub: string, groups: string) => ({
    sub,
    username: sub,
    'cognito:groups': groups,
    token_use: 'access',
    client_id: 'portal',
  });

  it('allows staff of the agency paid, whatever other groups they have', async () => {
    const paymentId = await paidTicket('PT-2026-0300');
    expect((await invoke(paymentId, person('s1', '[staff:revenue staff:motor-vehicles]'))).statusCode).toBe(201);
  });

  it('refuses other staff, citizens, admins, machines and callers with no claims, in plain language', async () => {
    const paymentId = await paidTicket('PT-2026-0301');
    const refused = [
      person('s2', '[staff:revenue]'),
      person('c1', '[citizen]'),
      person('a1', '[admin]'),
      { sub: 'machine', client_id: 'machine', scope: 'frontdoor/bills' },
      undefined,
    ];
    for (const claims of refused) {
      const result = await invoke(paymentId, claims);
      expect([401, 403], JSON.stringify(claims)).toContain(result.statusCode);
      expect(JSON.parse(String(result.body)).error.message).toMatch(/^(Only staff|Your account|Please sign in)/);
    }
    expect((await payment(paymentId)).refunded).toBe(0);
  });
});
