/**
 * The submit and status routes end to end over real HTTP: the local front door, the real handler modules,
 * AWS's DynamoDB Local.
 */

import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { birthCertificateAnswers, formFieldsOf } from '../support/form-answers.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { signIn } from '../support/sign-in.ts';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.close();
});

const FORM = '/api/forms/birth-certificate-request/submissions';
const answers = birthCertificateAnswers();
/** The answers of a plain form post naming the person on the certificate (to find the submission again). */
const fieldsNaming = (given: string, family: string) => formFieldsOf({ ...answers, fullName: { given, family } });
/** "Given Family" of a stored submission's certificate name. */
const storedName = (item: Record<string, unknown>) => {
  const name = (item.answers as { fullName?: { given?: string; family?: string } }).fullName;
  return `${name?.given} ${name?.family}`;
};

function postJson(body: unknown, headers: Record<string, string> = {}, path = FORM) {
  return fetch(portal.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function postForm(fields: Record<string, string>, path = `${FORM}?lang=en`) {
  return fetch(portal.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

async function submissionCount() {
  return (await portal.items()).filter((item) => item.type === 'submission').length;
}

describe('sending a form as JSON', () => {
  it('creates the submission and its first history entry together, and answers 201 with the code', async () => {
    const response = await postJson({ answers });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { code: string; status: string; statusUrl: string };
    expect(body).toMatchObject({ status: 'received', replayed: false, statusUrl: `/api/status/${body.code}` });
    expect(response.headers.get('location')).toBe(`/api/status/${body.code}`);
    const items = (await portal.items()).filter((item) => item.pk === `SUB#${body.code}`);
    expect(items.map((item) => item.type).sort()).toEqual(['history', 'submission']);
  });

  it('lets anyone with the code see the status and dates, but not the answers', async () => {
    const { code } = (await (await postJson({ answers })).json()) as { code: string };
    const response = await fetch(`${portal.url}/api/status/${code}`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(200);
    const status = (await response.json()) as Record<string, unknown>;
    expect(status).toMatchObject({
      code,
      status: 'received',
      formId: 'birth-certificate-request',
      history: [{ status: 'received' }],
    });
    expect(JSON.stringify(status)).not.toMatch(/Ana|example\.com/);
  });
});

describe('sending a form from a browser without JavaScript', () => {
  it('redirects (303) to the confirmation page, which shows the code and "Received"', async () => {
    const response = await postForm(formFieldsOf(answers));
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/^\/api\/status\/[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}\?submitted=1&lang=en$/);
    const page = await fetch(portal.url + location, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Application sent');
    expect(html).toContain(location.slice('/api/status/'.length, '/api/status/'.length + 14));
    expect(html).toContain('>Received<');
  });

  it('shows the form again with an error summary naming each field, keeping the answers given (422)', async () => {
    const before = await submissionCount();
    // A one-page form (the birth certificate's pages each post to its draft: decision 0080).
    const response = await postForm(
      { deceasedName: 'Ana <b>Díaz</b>', copies: 'lots', email: 'nope' },
      '/api/forms/death-certificate-request/submissions?lang=en',
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('There is a problem');
    for (const field of ['dateOfDeath', 'countyOfDeath', 'relationship', 'copies', 'email'])
      expect(html).toContain(`href="#field-${field}`);
    expect(html).toContain('value="Ana &lt;b>Díaz&lt;/b>"');
    expect(html).toMatch(/name="_idempotency" value="[0-9a-f-]{36}"/);
    expect(await submissionCount()).toBe(before);
  });

  it('answers in Spanish when the form was in Spanish', async () => {
    const response = await postForm({ 'fullName-given': 'Ana' }, `${FORM}?lang=es`);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Hay un problema');
    expect(html).toContain('lang="es"');
  });

  it('counts a double click (the same post twice) as one submission', async () => {
    const fields = fieldsNaming('Double', 'Click');
    const [first, second] = await Promise.all([postForm(fields), postForm(fields)]);
    expect(first.headers.get('location')).toBe(second.headers.get('location'));
    const stored = (await portal.items()).filter((item) => item.type === 'submission' && storedName(item) === 'Double Click');
    expect(stored).toHaveLength(1);
  });
});

describe('the automatic key of a plain form post (no Idempotency-Key)', () => {
  const signedInForm = (token: string, fields: Record<string, string>) =>
    fetch(`${portal.url}/api/my/forms/birth-certificate-request/submissions?lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', authorization: `Bearer ${token}` },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });
  const codeOf = (response: Response) => /\/api\/status\/([2-9A-Z-]{14})/.exec(response.headers.get('location') ?? '')?.[1];

  it('gives two signed-in people who send identical answers two submissions with different codes', async () => {
    const [ana, ben] = await Promise.all(
      [
        { persona: 'ana.rivera', idp: 'LoginGov' },
        { persona: 'ben.okafor', idp: 'LoginGov' },
      ].map(async (who) => (await signIn(portal.url, who)).tokens.access_token),
    );
    const fields = fieldsNaming('Same', 'Answers');
    const first = await signedInForm(ana as string, fields);
    const second = await signedInForm(ben as string, fields);
    expect([first.status, second.status]).toEqual([303, 303]);
    expect(codeOf(first)).toBeDefined();
    expect(codeOf(second)).toBeDefined();
    expect(codeOf(second)).not.toBe(codeOf(first));
    const owners = (await portal.items())
      .filter((item) => item.type === 'submission' && storedName(item) === 'Same Answers')
      .map((item) => item.ownerSubject);
    expect(new Set(owners).size).toBe(2);
  });

  it("still counts one person's double click as one submission", async () => {
    const { tokens } = await signIn(portal.url, { persona: 'ana.rivera', idp: 'IdMe' });
    const fields = fieldsNaming('Signed-in Double', 'Click');
    const [first, second] = await Promise.all([
      signedInForm(tokens.access_token, fields),
      signedInForm(tokens.access_token, fields),
    ]);
    expect(codeOf(first)).toBe(codeOf(second));
  });

  it("tells anonymous senders apart by the viewer address CloudFront reports, not the edge's own IP", async () => {
    const { loadHandler, lambdaContext } = await import('../../local/api-gateway.ts');
    const handler = await loadHandler('submit-form');
    const body = new URLSearchParams(fieldsNaming('Behind One', 'Edge')).toString();
    const post = async (viewerAddress: string) => {
      const event = {
        version: '2.0',
        routeKey: 'POST /api/forms/{formId}/submissions',
        rawPath: FORM,
        rawQueryString: 'lang=en',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'text/html',
          'cloudfront-viewer-address': viewerAddress,
        },
        queryStringParameters: { lang: 'en' },
        pathParameters: { formId: 'birth-certificate-request' },
        // On AWS the source IP is the CloudFront edge's, the same for everyone it serves.
        requestContext: { http: { method: 'POST', path: FORM, sourceIp: '130.176.0.1' } },
        body,
        isBase64Encoded: false,
      } as unknown as APIGatewayProxyEventV2;
      return (await handler(event, lambdaContext('submit-form'))) as APIGatewayProxyStructuredResultV2;
    };
    const first = await post('198.51.100.7:50123');
    const sameViewerOtherPort = await post('198.51.100.7:50999');
    const otherViewer = await post('203.0.113.9:50123');
    const location = (answer: APIGatewayProxyStructuredResultV2) => String(answer.headers?.location);
    expect(location(sameViewerOtherPort)).toBe(location(first));
    expect(location(otherViewer)).not.toBe(location(first));
  });

  it('does not trust a viewer address sent by the browser itself', async () => {
    const fields = fieldsNaming('Forged Viewer', 'Address');
    const send = (address: string) =>
      fetch(`${portal.url}${FORM}?lang=en`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'text/html',
          'cloudfront-viewer-address': address,
        },
        body: new URLSearchParams(fields).toString(),
        redirect: 'manual',
      });
    const first = await send('198.51.100.1:1');
    const second = await send('198.51.100.2:1');
    expect(first.headers.get('location')).toBe(second.headers.get('location'));
  });
});

describe('the Idempotency-Key header', () => {
  it('turns 20 concurrent retries into one submission and the same answer for all', async () => {
    const key = `retry-${crypto.randomUUID()}`;
    const responses = await Promise.all(Array.from({ length: 20 }, () => postJson({ answers }, { 'idempotency-key': key })));
    const codes = await Promise.all(responses.map(async (response) => ((await response.json()) as { code: string }).code));
    expect(responses.every((response) => response.status === 201)).toBe(true);
    expect(new Set(codes).size).toBe(1);
    const stored = (await portal.items()).filter((item) => item.pk === `SUB#${codes[0]}` && item.type === 'submission');
    expect(stored).toHaveLength(1);
    expect(responses.filter((response) => response.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
  });

  it('refuses the same key with different answers (409) and writes nothing', async () => {
    const key = `reuse-${crypto.randomUUID()}`;
    await postJson({ answers }, { 'idempotency-key': key });
    const before = await submissionCount();
    const response = await postJson({ answers: { ...answers, copies: 2 } }, { 'idempotency-key': key });
    expect(response.status).toBe(409);
    expect(await submissionCount()).toBe(before);
  });
});

describe('bad input gets a clear 4xx and writes nothing', () => {
  const cases: { name: string; send: () => Promise<Response>; status: number; message: RegExp; fields?: string[] }[] = [
    { name: 'malformed JSON', send: () => postJson('{"answers": {'), status: 400, message: /JSON is not valid/ },
    { name: 'JSON without "answers"', send: () => postJson({ fullName: 'Ana' }), status: 400, message: /\{"answers"/ },
    {
      name: 'a content type we do not read',
      send: () =>
        fetch(portal.url + FORM, {
          method: 'POST',
          headers: { 'content-type': 'text/plain', accept: 'application/json' },
          body: 'hello',
        }),
      status: 415,
      message: /as JSON .* or as a web form/,
    },
    { name: 'an empty body', send: () => postJson(''), status: 400, message: /did not get any answers/ },
    {
      name: 'an unknown form',
      send: () => postJson({ answers }, {}, '/api/forms/no-such-form/submissions'),
      status: 404,
      message: /cannot find that form/,
    },
    {
      name: 'a form id trying to climb out of its folder',
      send: () => postJson({ answers }, {}, '/api/forms/..%2F..%2Fsite/submissions'),
      status: 404,
      message: /cannot find that form/,
    },
    {
      name: 'missing and wrong fields',
      send: () => postJson({ answers: { fullName: { given: 'Ana', family: 'Díaz' }, copies: 'two', shoeSize: 9 } }),
      status: 422,
      message: /There is a problem/,
      fields: [
        'relationship',
        'dateOfBirth',
        'placeOfBirth',
        'parentOneName',
        'copies',
        'mailingAddress',
        'email',
        'declaration',
        'shoeSize',
      ],
    },
    {
      name: 'a 1 MB body',
      send: () => postJson({ answers: { ...answers, fullName: 'A'.repeat(1024 * 1024) } }),
      status: 413,
      message: /too long to send/,
    },
    {
      name: 'a broken Unicode character',
      send: () => postJson(`{"answers": ${JSON.stringify({ ...answers, placeOfBirth: 'x' }).replace('"x"', '"Ana\\ud800"')}}`),
      status: 422,
      message: /can't read/,
      fields: ['placeOfBirth'],
    },
    {
      name: 'bytes that are not UTF-8',
      send: () =>
        fetch(portal.url + FORM, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
        }),
      status: 400,
      message: /could not read your answers/,
    },
    {
      name: 'a web form whose bytes are not UTF-8',
      send: () =>
        fetch(portal.url + FORM, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: new Uint8Array([...Buffer.from('fullName=Ana'), 0xff, 0xfe]),
        }),
      status: 422,
      message: /There is a problem/,
    },
    {
      name: 'a bad Idempotency-Key',
      send: () => postJson({ answers }, { 'idempotency-key': 'bad key!' }),
      status: 400,
      message: /Idempotency-Key must be/,
    },
  ];

  for (const { name, send, status, message, fields } of cases) {
    it(`answers ${status} to ${name}`, async () => {
      const before = (await portal.items()).length;
      const response = await send();
      expect(response.status).toBe(status);
      const body = (await response.json()) as { error: { message: string; fields?: { field: string }[] } };
      expect(body.error.message).toMatch(message);
      expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|stack|Exception/);
      if (fields) expect(body.error.fields?.map((field) => field.field)).toEqual(fields);
      expect((await portal.items()).length).toBe(before);
    });
  }

  it('answers a mistyped status code with 400 and an unknown one with 404, in plain words', async () => {
    const mistyped = await fetch(`${portal.url}/api/status/2222-2222-2223`, { headers: { accept: 'application/json' } });
    expect(mistyped.status).toBe(400);
    expect(((await mistyped.json()) as { error: { message: string } }).error.message).toMatch(/typing mistake/);
    const unknown = await fetch(`${portal.url}/api/status/2222-2222-2222`, { headers: { accept: 'application/json' } });
    expect(unknown.status).toBe(404);
  });

  it('renders the status page for the plain GET form, and an error page for a bad code', async () => {
    const ok = await fetch(`${portal.url}/api/status?code=${encodeURIComponent('not a code')}&lang=es`, {
      headers: { accept: 'text/html' },
    });
    expect(ok.status).toBe(400);
    const html = await ok.text();
    expect(html).toContain('Eso no parece un código de confirmación');
    expect(html).toContain('<html lang="es"');
  });
});

describe('health', () => {
  it('says ok when the table answers', async () => {
    const response = await fetch(`${portal.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
