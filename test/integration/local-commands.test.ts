/**
 * The commands a developer types: `npm start` (here `node local/start.ts`, what it runs after the build) and
 * `npm run fn`. Real processes, real DynamoDB Local on disk, real signals.
 */
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { birthCertificateAnswers } from '../support/form-answers.ts';
import { rawRequest } from '../support/raw-http.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const execFileAsync = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'front-door-data-'));
const env = { ...process.env, PORT: '0', FRONT_DOOR_DATA_DIR: dataDir, POWERTOOLS_LOG_LEVEL: 'SILENT' };

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function start(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['local/start.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /running at (http:\/\/localhost:\d+)/.exec(output);
      if (found?.[1]) resolve({ child, url: found[1] });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}) before it was ready:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

function javaProcessesFor(dir: string): string {
  try {
    return execFileSync('pgrep', ['-f', dir], { encoding: 'utf8' }).trim();
  } catch {
    return ''; // pgrep exits 1 when nothing matches
  }
}

describe('npm start', () => {
  it('prints the URL once ready, stops everything on Ctrl-C, and keeps submissions across a restart', async () => {
    const first = await start();
    const health = await fetch(`${first.url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const home = await fetch(`${first.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<html lang="en"');

    const sent = await fetch(`${first.url}/api/forms/birth-certificate-request/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        answers: birthCertificateAnswers(),
      }),
    });
    const { code } = (await sent.json()) as { code: string };

    expect(await stop(first.child)).toBe(0);
    expect(javaProcessesFor(dataDir)).toBe('');

    const second = await start();
    const status = await fetch(`${second.url}/api/status/${code}`, { headers: { accept: 'application/json' } });
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ code, status: 'received' });
    expect(await stop(second.child)).toBe(0);
  }, 90_000);
});

describe('npm start, sent a malformed request', () => {
  it('answers 400 and keeps running', async () => {
    const { child, url } = await start();
    const response = await rawRequest(
      url.replace('localhost', '127.0.0.1'),
      `GET //a:99999 HTTP/1.1\r\nHost: ${new URL(url).host}`,
    );
    expect(response.status).toBe(400);
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(await stop(child)).toBe(0);
  }, 60_000);
});

describe('npm run replay-notifications', () => {
  it('says so when nothing is dead-lettered', () => {
    const output = execFileSync(process.execPath, ['local/replay.ts'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(output).toContain('No dead-lettered notifications');
  });
});

describe('DynamoDB Local', () => {
  it('stops when the process that started it crashes', async () => {
    const dir = join(dataDir, 'crash');
    const script = `const m = await import('./local/dynamodb-local.ts'); await m.startDynamoDbLocal({ dataDir: ${JSON.stringify(dir)} }); throw new Error('crash');`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, env, stdio: 'ignore' });
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(javaProcessesFor(dir)).toBe('');
  }, 60_000);
});

describe('npm run fn', () => {
  const FIXTURES = join(ROOT, 'test/fixtures/events');
  const handlers = readdirSync(join(ROOT, 'functions/handlers')).map((file) => file.replace(/\.ts$/, ''));
  /** The handler a fixture is for: the longest handler name its file name starts with. */
  const handlerOf = (fixture: string) =>
    handlers.filter((h) => fixture.startsWith(h)).sort((a, b) => b.length - a.length)[0] ?? fixture;
  type Outcome = Record<string, unknown> & { statusCode?: number; body?: string; headers?: Record<string, string> };
  const body = (outcome: Outcome) => JSON.parse(outcome.body ?? '{}') as Record<string, unknown>;
  // What each shipped fixture gives on fresh data: the sample data `npm start` seeds is all they need.
  const expected: Record<string, (outcome: Outcome) => void> = {
    'check-status': (o) => expect(body(o)).toMatchObject({ code: '2222-2222-2222', status: 'received' }),
    'find-bill': (o) => expect(body(o)).toMatchObject({ reference: 'PT20260001', amount: 4500 }),
    'get-health': (o) => expect(o).toMatchObject({ statusCode: 200, body: '{"status":"ok"}' }),
    'list-my-submissions': (o) => expect(body(o)).toEqual({ submissions: [] }),
    'login-gov-authorize': (o) => {
      expect(o.statusCode).toBe(303);
      const location = new URL(o.headers?.location ?? '');
      expect(location.origin + location.pathname).toBe('https://idp.int.identitysandbox.gov/openid_connect/authorize');
      expect(location.searchParams.get('acr_values')).toBe('urn:acr.login.gov:auth-only');
    },
    // Ana Rivera, a sandbox citizen, signs in with Google for the first time: linked, and the sign-in restarts.
    'pre-sign-up-external-provider': (o) =>
      expect(o).toEqual({ errorType: 'AccountLinkedError', errorMessage: 'FRONT_DOOR:account-linked' }),
    'pre-token-generation': (o) =>
      expect(o).toMatchObject({
        response: {
          claimsAndScopeOverrideDetails: {
            groupOverrideDetails: { groupsToOverride: ['staff:motor-vehicles', 'staff:revenue', 'admin'] },
          },
        },
      }),
    'start-payment': (o) => {
      expect(o.statusCode).toBe(201);
      expect(String(body(o).checkoutUrl)).toMatch(/\/sandbox\/checkout\/cs_test_/);
    },
    'submit-form': (o) => expect(o.statusCode).toBe(201),
    // A call about the sample submission: on its case's timeline.
    'record-interaction': (o) => {
      expect(o.statusCode).toBe(201);
      expect(body(o)).toMatchObject({ linked: 'case', caseCode: '2222-2222-2222', replayed: false });
    },
    // The sample submission's "received" entry from the stream: its e-mail goes to the local SES, nothing fails.
    'send-notifications': (o) => expect(o).toEqual({ batchItemFailures: [] }),
    // The same entry: its "Submission Received" goes to the local EventBridge, nothing fails.
    'publish-agency-events': (o) => expect(o).toEqual({ batchItemFailures: [] }),
    // A delivery for a message this table never sent: recorded as unknown, not an error.
    'record-email-events': (o) => expect(o).toEqual({ outcome: 'unknown-message' }),
    // A text asking for the sample submission's status: answered through the local SMS stand-in.
    'answer-text-messages': (o) => expect(o).toEqual({ outcomes: ['status'] }),
    // An Amazon Connect call the flow tagged with the sample submission's code: on its case's timeline.
    'record-contact-centre-event': (o) =>
      expect(o).toMatchObject({ outcome: 'recorded', linked: 'case', caseCode: '2222-2222-2222' }),
  };
  const fixtures = readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''));

  it('has an expected outcome for every shipped fixture', () => {
    expect(fixtures.sort()).toEqual(Object.keys(expected).sort());
  });

  it('runs every shipped fixture with its handler, on fresh data, against one DynamoDB Local', async () => {
    const fnEnv = { ...env, FRONT_DOOR_DATA_DIR: join(dataDir, 'fn'), FRONT_DOOR_DYNAMODB_ENDPOINT: inject('dynamoDbEndpoint') };
    const run = async (fixture: string) => {
      const { stdout } = await execFileAsync(
        process.execPath,
        ['local/invoke.ts', handlerOf(fixture), join(FIXTURES, `${fixture}.json`)],
        { cwd: ROOT, env: fnEnv, encoding: 'utf8' },
      );
      return [fixture, JSON.parse(stdout) as Outcome] as const;
    };
    // Two at a time: the target machine has 2 cores.
    const outcomes: (readonly [string, Outcome])[] = [];
    for (let i = 0; i < fixtures.length; i += 2) outcomes.push(...(await Promise.all(fixtures.slice(i, i + 2).map(run))));
    for (const [fixture, outcome] of outcomes) expected[fixture]?.(outcome);
  }, 120_000);

  it('starts its own DynamoDB Local on the data `npm start` keeps, and prints the result', () => {
    const output = execFileSync(process.execPath, ['local/invoke.ts', 'get-health', 'test/fixtures/events/get-health.json'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toMatchObject({ statusCode: 200, body: '{"status":"ok"}' });
    expect(javaProcessesFor(dataDir)).toBe('');
  }, 60_000);

  it('explains its usage when the handler name is wrong', () => {
    let message = '';
    try {
      execFileSync(process.execPath, ['local/invoke.ts', 'no-such-handler', 'x.json'], {
        cwd: ROOT,
        env,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      message = String((error as { stderr: string }).stderr);
    }
    expect(message).toContain('Usage: npm run fn -- <handler> <event.json>');
    for (const handler of ['submit-form', 'start-payment', 'pre-sign-up', 'pre-token-generation', 'login-gov-token'])
      expect(message).toContain(handler);
  });
});
