/**
 * Sign-in through the local Cognito-shaped issuer and the JWT checks in front of protected routes, over
 * real HTTP: one sign-in per persona, the claims Cognito would issue, "My account" seeing only one's own,
 * and every kind of bad token refused the way API Gateway's JWT authorizer refuses it.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, importJWK, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CLIENT_ID, LOCAL_MACHINE_CLIENT } from '../../local/identity/issuer.ts';
import { type Persona, personas } from '../../local/identity/personas.ts';
import { birthCertificateAnswers } from '../support/form-answers.ts';
import { CARDS, paymentHelpers } from '../support/payments.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { CookieJar, fetchWithJar, signIn } from '../support/sign-in.ts';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.close();
});

const CITIZEN_IDPS = ['LoginGov', 'IdMe', 'Google'];
const STAFF_IDP = 'ExampleStaff';
const FORM = 'birth-certificate-request';
const answers = birthCertificateAnswers();

function mine(token: string) {
  return fetch(`${portal.url}/api/my/submissions`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
}

function submitSignedIn(token: string) {
  return fetch(`${portal.url}/api/my/forms/${FORM}/submissions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ answers }),
  });
}

/** agency.config.json's staff IdP may grant every agency: each staff member is staff of their own. */
function groupsUnderTheShippedConfig(persona: Persona): string[] {
  if (persona.audience === 'citizen') return ['citizen'];
  return [...persona.asserts.map((agency) => `staff:${agency}`).sort(), ...persona.memberOf];
}

describe('signing in as each persona', () => {
  for (const persona of personas()) {
    const idps = persona.audience === 'citizen' ? CITIZEN_IDPS : [STAFF_IDP];
    it(`${persona.name} through ${idps.join(', ')}: Cognito-shaped tokens, the same person each time`, async () => {
      const subjects = new Set<string>();
      for (const [index, idp] of idps.entries()) {
        const { tokens, linkedOnThisSignIn } = await signIn(portal.url, { persona: persona.id, idp });
        // Each provider after the first is linked to the same person once, with Cognito's one-time error.
        expect(linkedOnThisSignIn).toBe(index > 0);
        const access = decodeJwt(tokens.access_token);
        const id = decodeJwt(tokens.id_token);
        expect(access).toMatchObject({
          token_use: 'access',
          client_id: LOCAL_CLIENT_ID,
          iss: `${portal.url}/auth`,
          'cognito:groups': groupsUnderTheShippedConfig(persona),
        });
        expect(String(access.scope).split(' ')).toContain('openid');
        expect(id).toMatchObject({
          token_use: 'id',
          aud: LOCAL_CLIENT_ID,
          email: persona.email,
          email_verified: true,
          'cognito:groups': groupsUnderTheShippedConfig(persona),
        });
        expect(id.identities).toEqual([expect.objectContaining({ providerName: idp })]);
        expect(id.nonce).toEqual(expect.any(String));
        subjects.add(String(access.sub));
        expect(id.sub).toBe(access.sub);
      }
      expect([...subjects]).toEqual([persona.sub]);
    });
  }

  it('identity_provider= skips the chooser and goes straight to that provider', async () => {
    const skipped = await signIn(portal.url, { persona: 'ana.rivera', idp: 'IdMe', skipChooser: true });
    const pages = skipped.visited.filter((v) => v.body).map((v) => v.body ?? '');
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Sandbox: ID.me');
    expect(pages[0]).not.toContain('Sign in with Login.gov');

    const chosen = await signIn(portal.url, { persona: 'ana.rivera', idp: 'IdMe' });
    expect(chosen.visited.filter((v) => v.body)[0]?.body).toContain('Sign in with Login.gov');
  });

  it('a citizen provider does not offer staff, nor the staff provider citizens', async () => {
    await expect(signIn(portal.url, { persona: 'staff.revenue', idp: 'LoginGov' })).rejects.toThrow();
    await expect(signIn(portal.url, { persona: 'ana.rivera', idp: STAFF_IDP })).rejects.toThrow();
  });

  it('signing out ends the session: the next sign-in starts at the chooser again', async () => {
    const jar = new CookieJar();
    await signIn(portal.url, { persona: 'ben.okafor', idp: 'Google', jar });
    const logout = await fetchWithJar(
      jar,
      `${portal.url}/auth/logout?client_id=${LOCAL_CLIENT_ID}&logout_uri=${encodeURIComponent(`${portal.url}/`)}`,
    );
    expect(logout.status).toBe(302);
    expect(logout.headers.get('location')).toBe(`${portal.url}/`);
    const again = await signIn(portal.url, { persona: 'ben.okafor', idp: 'Google', jar });
    expect(again.visited.filter((v) => v.body)[0]?.body).toContain('Sign in with Login.gov');

    const bad = await fetch(
      `${portal.url}/auth/logout?client_id=${LOCAL_CLIENT_ID}&logout_uri=${encodeURIComponent('https://evil.example/')}`,
      { redirect: 'manual' },
    );
    expect(bad.status).toBe(400);
  });

  it('publishes its keys and configuration where Cognito does, and /config.json points at them', async () => {
    const discovery = await (await fetch(`${portal.url}/auth/.well-known/openid-configuration`)).json();
    expect(discovery).toMatchObject({
      issuer: `${portal.url}/auth`,
      authorization_endpoint: `${portal.url}/auth/oauth2/authorize`,
      token_endpoint: `${portal.url}/auth/oauth2/token`,
      jwks_uri: `${portal.url}/auth/.well-known/jwks.json`,
    });
    const jwks = (await (await fetch(`${portal.url}/auth/.well-known/jwks.json`)).json()) as { keys: JWK[] };
    const stored = JSON.parse(readFileSync(portal.signingKeyFile, 'utf8')).signing as JWK;
    expect(jwks.keys.map((k) => k.kid)).toEqual([stored.kid]);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const config = await (await fetch(`${portal.url}/config.json`)).json();
    expect(config.auth).toMatchObject({
      issuer: discovery.issuer,
      clientId: LOCAL_CLIENT_ID,
      authorizeEndpoint: discovery.authorization_endpoint,
    });
    expect(config.auth.identityProviders.map((p: { id: string }) => p.id)).toEqual([...CITIZEN_IDPS, STAFF_IDP]);
  });
});

describe('"My account": one\'s own submissions', () => {
  it('a signed-in submission is linked to the person; the other citizen never sees it', async () => {
    const ana = (await signIn(portal.url, { persona: 'ana.rivera', idp: 'LoginGov' })).tokens.access_token;
    const ben = (await signIn(portal.url, { persona: 'ben.okafor', idp: 'LoginGov' })).tokens.access_token;
    const first = await (await submitSignedIn(ana)).json();
    const second = await (await submitSignedIn(ana)).json();
    expect(first.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const anaList = await (await mine(ana)).json();
    expect(anaList.submissions.map((s: { code: string }) => s.code)).toEqual([second.code, first.code]);
    expect(anaList.submissions[0]).toMatchObject({ status: 'received', statusLabel: 'Received', serviceId: 'birth-certificate' });
    expect(anaList.submissions[0]).not.toHaveProperty('answers');
    // The same person through another provider sees the same list.
    const anaViaGoogle = (await signIn(portal.url, { persona: 'ana.rivera', idp: 'Google' })).tokens.access_token;
    expect((await (await mine(anaViaGoogle)).json()).submissions).toHaveLength(2);
    expect((await (await mine(ben)).json()).submissions).toEqual([]);
  });

  it('shows where paying stands: paid through the sandbox, then "Paid" beside the submission', async () => {
    const { pay, payInSandbox } = paymentHelpers(() => portal);
    const ana = (await signIn(portal.url, { persona: 'ana.rivera', idp: 'LoginGov' })).tokens.access_token;
    const { code } = await (await submitSignedIn(ana)).json();
    const unpaid = (await (await mine(ana)).json()).submissions.find((s: { code: string }) => s.code === code);
    // Not paid yet: said so, and linked to the status page, where the fee is paid.
    expect(unpaid).toMatchObject({ paymentLabel: 'Not paid', paymentUrl: `/api/status/${code}` });
    const started = await pay({ code });
    await payInSandbox(String(started.body.checkoutUrl), CARDS.pays);
    const paid = (await (await mine(ana)).json()).submissions.find((s: { code: string }) => s.code === code);
    expect(paid).toMatchObject({ paymentLabel: 'Paid', paymentUrl: `/api/payments/${started.body.paymentId}` });
    expect(paid.payment).toMatchObject({ state: 'paid', amount: 2500, currency: 'USD' });
  });

  it('an anonymous status lookup of a signed-in submission shows status, dates and the fee due only', async () => {
    const ana = (await signIn(portal.url, { persona: 'ana.rivera', idp: 'LoginGov' })).tokens.access_token;
    const { code } = await (await submitSignedIn(ana)).json();
    const status = await (await fetch(`${portal.url}/api/status/${code}`, { headers: { accept: 'application/json' } })).json();
    expect(Object.keys(status).sort()).toEqual([
      'code',
      'fee',
      'formId',
      'history',
      'serviceId',
      'status',
      'submittedAt',
      'updatedAt',
    ]);
    // The fee is the amount only (decision 87), never the answers it was worked out from.
    expect(Object.keys(status.fee).sort()).toEqual(['amount', 'currency']);
    const anaSub = String(decodeJwt(ana).sub);
    for (const secret of ['Ana', 'example.com', 'OWNER', anaSub]) expect(JSON.stringify(status)).not.toContain(secret);
  });

  it('the anonymous route never links a submission, even with a token attached', async () => {
    const ben = (await signIn(portal.url, { persona: 'ben.okafor', idp: 'IdMe' })).tokens.access_token;
    const response = await fetch(`${portal.url}/api/forms/${FORM}/submissions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ben}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ answers }),
    });
    expect(response.status).toBe(201);
    expect((await (await mine(ben)).json()).submissions).toEqual([]);
  });
});

describe('tokens API Gateway would refuse (401), and the one it accepts', () => {
  let valid: string;
  let idToken: string;
  let signing: JWK;
  let claims: Record<string, unknown>;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    const { tokens } = await signIn(portal.url, { persona: 'ana.rivera', idp: 'LoginGov' });
    valid = tokens.access_token;
    idToken = tokens.id_token;
    signing = JSON.parse(readFileSync(portal.signingKeyFile, 'utf8')).signing as JWK;
    claims = decodeJwt(valid);
  });

  /** A token signed with the issuer's real key: only what the case changes is wrong. */
  async function forge(change: Record<string, unknown>, remove: string[] = [], header: Record<string, unknown> = {}) {
    const payload = { ...claims, ...change };
    for (const name of remove) delete payload[name];
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: signing.kid, ...header })
      .sign(await importJWK(signing, 'RS256'));
  }

  const unsigned = (payload: object, header: object) =>
    `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;

  const cases: [string, () => Promise<string | undefined>][] = [
    ['no token at all', async () => undefined],
    ['expired', () => forge({ exp: now() - 60, iat: now() - 3700 })],
    ['not yet valid (nbf in the future)', () => forge({ nbf: now() + 600 })],
    ['issued in the future', () => forge({ iat: now() + 600 })],
    ['missing exp', () => forge({}, ['exp'])],
    ['wrong issuer', () => forge({ iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_other' })],
    ['wrong client (aud)', () => forge({ aud: 'someoneelsesclient' })],
    ['wrong client (client_id, no aud)', () => forge({ client_id: 'someoneelsesclient' }, ['aud'])],
    ['alg none', async () => unsigned({ ...claims }, { alg: 'none', kid: signing.kid })],
    [
      'HS256 signed with the public key as the secret',
      async () => {
        const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = signing;
        const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
        return new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256', kid: signing.kid }).sign(secret);
      },
    ],
    [
      'tampered payload (groups changed after signing)',
      async () => {
        const [head, , signature] = valid.split('.');
        const body = Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['admin'] })).toString('base64url');
        return `${head}.${body}.${signature}`;
      },
    ],
    [
      'signed by an unknown key',
      async () => {
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        return new SignJWT({ ...claims }).setProtectedHeader({ alg: 'RS256', kid: 'not-a-known-kid' }).sign(privateKey);
      },
    ],
    [
      'signed by another key under the right kid',
      async () => {
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        return new SignJWT({ ...claims }).setProtectedHeader({ alg: 'RS256', kid: signing.kid }).sign(privateKey);
      },
    ],
    ['no kid', () => forge({}, [], { kid: undefined })],
    ['an ID token used as an access token', async () => idToken],
    [
      "a machine token (no user scope) on a person's route",
      async () => {
        const response = await fetch(`${portal.url}/auth/oauth2/token`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            authorization: `Basic ${Buffer.from(`${LOCAL_MACHINE_CLIENT.id}:${LOCAL_MACHINE_CLIENT.secret}`).toString('base64')}`,
          },
          body: 'grant_type=client_credentials',
        });
        const body = await response.json();
        expect(response.status, JSON.stringify(body)).toBe(200);
        return body.access_token as string;
      },
    ],
  ];

  for (const [name, make] of cases) {
    it(`${name} → 401, nothing written`, async () => {
      const token = await make();
      const before = (await portal.items()).length;
      const list = await fetch(`${portal.url}/api/my/submissions`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      expect(list.status).toBe(401);
      expect(await list.json()).toEqual({ message: 'Unauthorized' });
      const write = await fetch(`${portal.url}/api/my/forms/${FORM}/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token && { authorization: token }) },
        body: JSON.stringify({ answers }),
      });
      expect(write.status).toBe(401);
      expect((await portal.items()).length).toBe(before);
    });
  }

  it('the valid access token → 200, bare or after "Bearer "', async () => {
    expect((await mine(valid)).status).toBe(200);
    const bare = await fetch(`${portal.url}/api/my/submissions`, { headers: { authorization: valid } });
    expect(bare.status).toBe(200);
  });

  it('a forged token that differs only in what API Gateway does not check still passes (the control)', async () => {
    expect((await mine(await forge({ jti: 'another-id' }))).status).toBe(200);
  });
});

describe('the signing key', () => {
  it('survives a restart: an issuer started on the same key file publishes the same key', async () => {
    const { createLocalIssuer } = await import('../../local/identity/issuer.ts');
    const options = {
      issuer: 'http://localhost:1/auth',
      siteOrigin: 'http://localhost:1',
      identityProviders: [],
      federation: { providers: [], agencies: [] },
    };
    const keyFile = `${portal.signingKeyFile}.restart.json`;
    const first = createLocalIssuer({ ...options, keyFile });
    const second = createLocalIssuer({ ...options, keyFile });
    const fresh = createLocalIssuer(options);
    expect(second.jwks).toEqual(first.jwks);
    expect(fresh.jwks.keys[0]?.kid).not.toBe(first.jwks.keys[0]?.kid);
  });
});

describe('a sign-in page opened without its interaction cookie (another browser, or cookies cleared)', () => {
  it('is answered 400 with a page that says what happened and what to do, not a 500', async () => {
    const { visited } = await signIn(portal.url, { persona: 'ana.rivera', idp: 'LoginGov', skipChooser: true });
    const interaction = visited.find((v) => v.url.includes('/auth/interaction/'))?.url ?? '';
    for (const method of ['GET', 'POST']) {
      const response = await fetch(interaction, {
        method,
        headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
        ...(method === 'POST' && { body: 'persona=ana.rivera&idp=LoginGov' }),
      });
      expect(response.status, method).toBe(400);
      expect(response.headers.get('content-type')).toContain('text/html');
      const page = await response.text();
      expect(page).toContain('This sign-in has expired or was started in another browser.');
      expect(page).toContain('href="/account/"');
    }
  });

  it('an address that never was a sign-in gets the same 400', async () => {
    const response = await fetch(`${portal.url}/auth/interaction/no-such-interaction`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('This sign-in has expired');
  });
});

describe('a staff IdP that may grant only some agencies', () => {
  it('gives a staff member of another agency no staff group, as the Pre Token Generation trigger would', async () => {
    const { createLocalIssuer } = await import('../../local/identity/issuer.ts');
    const { federatedProviders } = await import('../../functions/domain/account-linking.ts');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const staffIdp = { id: 'RevenueEntra', label: 'Revenue staff', audience: 'staff' as const };
    const issuer = createLocalIssuer({
      issuer: `${site}/auth`,
      siteOrigin: site,
      identityProviders: [staffIdp],
      federation: {
        providers: federatedProviders([{ ...staffIdp, agencies: ['revenue'] }]),
        agencies: ['motor-vehicles', 'revenue'],
      },
    });
    server.on('request', (req, res) => void issuer.handle(req, res, new URL(req.url ?? '/', site)));
    try {
      const groupsOf = async (persona: string) =>
        decodeJwt((await signIn(site, { persona, idp: staffIdp.id, skipChooser: true })).tokens.access_token)['cognito:groups'];
      expect(await groupsOf('staff.revenue')).toEqual(['staff:revenue']);
      expect(await groupsOf('staff.motor-vehicles')).toEqual([]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
