/**
 * DynamoDB unreachable, silent, slow, throttling or racing: the functions reach the table through a proxy that
 * plays each failure (test/support/fault-proxy.ts) or an SDK middleware that injects errors. Every request answers
 * inside the function's 10 s budget, with a 503, a plain message in the person's language and Retry-After, never a
 * 500 and never a hang; nothing is half-written or written twice; and everything works again afterwards.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { decodeJwt } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { newConfirmationCode } from '#domain/confirmation-code';
import { routes } from '#http/routes';
import { apiPath } from '#ui/paths.ts';
import { stripeEvent } from '../../local/payment-sandbox-webhooks.ts';
import { loadOpenApi } from '../support/contract.ts';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy.ts';
import { formFieldsOf } from '../support/form-answers.ts';
import { deskSeeds, operationsOf, requestsFor, send } from '../support/fuzz.ts';
import { BIRTH_CERTIFICATE_ANSWERS, paymentHelpers } from '../support/payments.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { signIn } from '../support/sign-in.ts';

/** The Lambda timeout (infra/constructs/portal-function.ts): an answer must come before it. */
const FUNCTION_BUDGET_MS = 10_000;
const FORM = 'birth-certificate-request';

let proxy: FaultProxy;
let portal: TestPortal;
/** The functions' own client (the same module the handlers import), for injecting errors into its middleware. */
let dynamoDb: DynamoDBClient;

beforeAll(async () => {
  proxy = await startFaultProxy(inject('dynamoDbEndpoint'));
  portal = await startTestPortal({ dynamoDbEndpoint: proxy.endpoint });
  ({ dynamoDb } = await import('#adapters/dynamodb'));
});
afterEach(async () => {
  await proxy.set('pass');
});
afterAll(async () => {
  await portal?.close();
  await proxy?.close();
});

function submit(options: { key?: string; form?: boolean; lang?: string } = {}) {
  const headers: Record<string, string> = {
    accept: options.form ? 'text/html' : 'application/json',
    'content-type': options.form ? 'application/x-www-form-urlencoded' : 'application/json',
    ...(options.key && { 'idempotency-key': options.key }),
    ...(options.lang && { 'accept-language': options.lang }),
  };
  const body = options.form
    ? new URLSearchParams(formFieldsOf(BIRTH_CERTIFICATE_ANSWERS)).toString()
    : JSON.stringify({ answers: BIRTH_CERTIFICATE_ANSWERS });
  return fetch(`${portal.url}${apiPath('submitForm', { formId: FORM })}`, {
    method: 'POST',
    headers,
    body,
    redirect: 'manual',
    // Never hangs: past the function's budget, fetch gives up and the test fails.
    signal: AbortSignal.timeout(FUNCTION_BUDGET_MS),
  });
}

async function expectUnavailable(response: Response) {
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe('60');
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('unavailable');
  expect(body.error.message).toMatch(/try again in a minute/);
}

async function expectWorks() {
  const response = await submit();
  expect(response.status).toBe(201);
  const { code } = (await response.json()) as { code: string };
  const status = await fetch(`${portal.url}${apiPath('showStatus', { code })}`, { headers: { accept: 'application/json' } });
  expect(status.status).toBe(200);
}

const tableSnapshot = async () => JSON.stringify(await portal.items());

describe('when DynamoDB refuses connections', () => {
  it('answers a submission with 503, Retry-After and a plain message, and writes nothing; then works again', async () => {
    const before = await tableSnapshot();
    await proxy.set('refuse');
    await expectUnavailable(await submit({ key: 'refused-1' }));
    expect(await tableSnapshot()).toBe(before);
    await proxy.set('pass');
    await expectWorks();
  });

  it('tells a person without JavaScript, in Spanish, to try again in a minute', async () => {
    await proxy.set('refuse');
    const response = await submit({ form: true, lang: 'es' });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('60');
    const page = await response.text();
    expect(page).toContain('Vuelva a intentarlo en un minuto');
    expect(page).toContain('lang="es"');
  });

  it('answers every route that reads or writes the table with a 503 or its usual refusal, never a 500', async () => {
    const document = loadOpenApi();
    const [person, staff] = await Promise.all([
      signIn(portal.url, { persona: 'ana.rivera', idp: 'LoginGov' }),
      // The agency's administrator: staff, and the one who may also read a staff member's activity.
      signIn(portal.url, { persona: 'admin.vital-records', idp: 'ExampleStaff' }),
    ]);
    const code = newConfirmationCode();
    const desk = await deskSeeds(portal.url, 'admin.vital-records');
    const seeds = {
      // A code of the right shape (its check character right), so requests get past parsing to the table.
      values: {
        code: [code],
        paymentId: [newConfirmationCode()],
        q: ['ana@example.com'],
        version: ['0'],
        agency: ['vital-records'],
        subject: [String(decodeJwt(staff.tokens.access_token).sub)],
        email: ['ana@example.com'],
        dateOfBirth: ['2019-05-01'],
        ...desk.values,
      },
      tokens: {
        person: person.tokens.access_token,
        writer: person.tokens.access_token,
        staff: staff.tokens.access_token,
        machine: '',
        session: desk.session,
      },
    };
    await proxy.set('refuse');
    const withTable = new Set<string>(routes.filter((route) => route.tableAccess !== 'none').map((route) => route.name));
    const unavailable = new Set<string>();
    const problems: string[] = [];
    for (const operation of operationsOf(document).filter((op) => withTable.has(op.operationId))) {
      const requests = fc.sample(requestsFor(operation, document, seeds), { seed: 7, numRuns: 80 });
      await Promise.all(
        requests.map(async (request) => {
          const answer = await send(portal.url, request);
          if (answer.status === 503 && answer.headers['retry-after'] === '60') unavailable.add(operation.operationId);
          else if (answer.status >= 500)
            problems.push(`${operation.operationId} answered ${answer.status}: ${answer.body.slice(0, 120)}`);
        }),
      );
    }
    expect(problems).toEqual([]);
    // Machine routes need a client-credentials token this test does not fetch (they stop at the gateway), the
    // provider's webhook stops at its signature (the next test signs one), and linking a contact needs the id of
    // an unlinked contact, which only a contact recorded before the fault has.
    const expected = [...withTable].filter(
      (name) =>
        !['receivePaymentWebhook', 'linkContactForm'].includes(name) &&
        !routes.find((r) => r.name === name)?.auth.startsWith('machine:'),
    );
    expect([...unavailable].sort()).toEqual(expected.sort());
  }, 120_000);

  it("answers the payment provider's signed notification with 503, so the provider sends it again later", async () => {
    await proxy.set('refuse');
    const event = stripeEvent('checkout.session.completed', {
      id: 'cs_test_fault',
      object: 'checkout.session',
      status: 'complete',
      payment_status: 'paid',
      client_reference_id: newConfirmationCode(),
      amount_total: 2500,
      currency: 'usd',
      payment_intent: 'pi_test_fault',
    });
    const { sendWebhook } = paymentHelpers(() => portal);
    const { status } = await sendWebhook(JSON.stringify(event));
    expect(status).toBe(503);
  });
});

describe('when DynamoDB accepts connections but never answers', () => {
  it('gives up inside the function budget (timeouts and retries spent) and answers 503; nothing is written', async () => {
    const before = await tableSnapshot();
    await proxy.set('blackhole');
    await expectUnavailable(await submit({ key: 'silent-1' }));
    expect(await tableSnapshot()).toBe(before);
    await proxy.set('pass');
    await expectWorks();
  }, 30_000);
});

describe('when the answers of DynamoDB are lost after it wrote', () => {
  it('answers 503, keeps the submission whole, and the retry with the same key answers it, not a second one', async () => {
    await proxy.set('drop-answers');
    await expectUnavailable(await submit({ key: 'lost-answer-1' }));
    await proxy.set('pass');
    const retry = await submit({ key: 'lost-answer-1' });
    expect(retry.status).toBe(201);
    const { code } = (await retry.json()) as { code: string };
    const items = await portal.items();
    const claims = items.filter((item) => String(item.pk) === `IDEMPOTENCY#${FORM}#lost-answer-1`);
    expect(claims).toHaveLength(1);
    expect(claims[0]?.code).toBe(code);
    const ofCode = items.filter((item) => item.pk === `SUB#${code}`).map((item) => String(item.sk).split('#')[0]);
    expect(ofCode.sort()).toEqual(['HISTORY', 'SUBMISSION']);
  }, 30_000);
});

describe('when DynamoDB is slow but answers', () => {
  it('still takes the submission (each wait stays under the request timeout)', async () => {
    await proxy.set('slow', { delayMs: 300 });
    await expectWorks();
  }, 30_000);
});

describe('when many requests wait on a slow DynamoDB at once (the local runtime: every handler in one process)', () => {
  it("gives each call a socket at once: none waits past the connection timeout for one of the SDK's 50", async () => {
    // Each call takes at least 2 × 700 ms (the request and the answer each held), longer than the 1 s connection
    // timeout, which starts before the agent hands out a socket: with 50 sockets the 51st call onwards failed
    // its first attempt (decision 0138).
    await proxy.set('slow', { delayMs: 700 });
    const { GetItemCommand } = await import('@aws-sdk/client-dynamodb');
    const nothing = (i: number) =>
      new GetItemCommand({ TableName: portal.tableName, Key: { pk: { S: `NOTHING#${i}` }, sk: { S: 'NOTHING' } } });
    // The mode change cut the client's kept-alive sockets: let it see that (one call may spend an attempt on one).
    await new Promise((resolve) => setTimeout(resolve, 200));
    await dynamoDb.send(nothing(-1));
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => dynamoDb.send(nothing(i))));
    expect(results.map((result) => result.$metadata.attempts)).toEqual(Array.from({ length: 60 }, () => 1));
  }, 30_000);
});

describe('when DynamoDB throttles or transactions keep conflicting', () => {
  /** Runs `work` with every DynamoDB call failing as `fail` says (inside the SDK's retries). */
  async function failing(fail: () => Error, work: () => Promise<void>) {
    const name = `inject-${Math.random()}`;
    dynamoDb.middlewareStack.add(
      () => async () => {
        throw fail();
      },
      { step: 'deserialize', name },
    );
    try {
      await work();
    } finally {
      dynamoDb.middlewareStack.remove(name);
    }
  }
  const awsError = (name: string, extra: Record<string, unknown> = {}) =>
    Object.assign(new Error(name), { name, $fault: 'client', $metadata: { httpStatusCode: 400 }, ...extra });

  it('answers 503 with Retry-After for ProvisionedThroughputExceeded (after the SDK retried)', async () => {
    let calls = 0;
    await failing(
      () => {
        calls += 1;
        return awsError('ProvisionedThroughputExceededException');
      },
      async () => expectUnavailable(await submit()),
    );
    // At most maxAttempts (the first try and two retries); fewer once the SDK's retry quota is spent, as it is
    // after the outages above: during a long outage the client stops retrying and fails fast.
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThanOrEqual(3);
    await expectWorks();
  });

  it('answers 503 with Retry-After when a transaction keeps conflicting', async () => {
    const { TransactionCanceledException } = await import('@aws-sdk/client-dynamodb');
    await failing(
      () =>
        new TransactionCanceledException({
          message: 'Transaction cancelled',
          $metadata: {},
          CancellationReasons: [{ Code: 'TransactionConflict' }],
        }),
      async () => expectUnavailable(await submit()),
    );
    await expectWorks();
  });
});
