/**
 * `npm run fn -- <handler> <event.json>` (through local/invoke.ts): invoke one Lambda handler with an event file, like `sam local invoke`
 * without Docker. Every entry in functions/handlers/ can be invoked, with what it needs started first:
 * - the API handlers (the route table's), the notifier's two (send-notifications, record-email-events: a
 *   DynamoDB stream event and an SES event from EventBridge) and the agency events' publisher
 *   (publish-agency-events: a stream event): the local portal, that is DynamoDB Local on the data `npm start`
 *   keeps in .data/ (with the sample bills and the sample submission), the payment sandbox the payment handlers
 *   pay through, the local SES the notifier sends to and the local EventBridge the publisher puts events on;
 * - the Cognito triggers (pre-sign-up, pre-token-generation): the identity providers and agencies from
 *   agency.config.json, and a local Cognito user pool holding the sandbox citizens;
 * - the Login.gov proxy (login-gov-authorize, login-gov-token): its settings from agency.config.json and its two
 *   secrets from a local Secrets Manager (Login.gov itself is out of reach offline, and the token call says so).
 * Prints what the handler returned, or, when it threw, the error payload Lambda would report (as
 * `aws lambda invoke` does, that is still a completed invocation: exit code 0).
 * Example: npm run fn -- get-health test/fixtures/events/get-health.json
 * FRONT_DOOR_DYNAMODB_ENDPOINT uses a DynamoDB Local already running instead of starting one (the tests do).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Context } from 'aws-lambda';
import { loadCatalog } from '#catalog/load';
import { loginGovEndpointsOf } from '#domain/login-gov-proxy';
import { type Route, routes } from '#http/routes';
import { federatedProviderList, loadAgencyConfig } from '../infra/config.ts';
import { lambdaContext } from './api-gateway.ts';
import { LOCAL_AWS_ENV } from './dynamodb-local.ts';
import { startAwsIdentityServices } from './identity/aws-identity-services.ts';
import { DATA_DIR, startPortal } from './portal.ts';

const HANDLERS_DIR = new URL('../functions/handlers/', import.meta.url);
const handlers = readdirSync(HANDLERS_DIR)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -3))
  .sort();
const apiHandlers = new Set((routes as readonly Route[]).map((route) => route.handler as string));
const COGNITO_TRIGGERS = new Set(['pre-sign-up', 'pre-token-generation']);
const NOTIFIER_HANDLERS = new Set(['send-notifications', 'record-email-events', 'publish-agency-events']);

const [name, eventFile] = process.argv.slice(2);
if (!name || !eventFile || !handlers.includes(name)) {
  console.error(`Usage: npm run fn -- <handler> <event.json>\nHandlers: ${handlers.join(', ')}`);
  process.exit(2);
}
if (!existsSync(eventFile)) {
  console.error(`No event file at ${eventFile}. Examples are in test/fixtures/events/.`);
  process.exit(2);
}
const event: unknown = JSON.parse(readFileSync(eventFile, 'utf8'));
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';

/** Starts what the handler needs and sets its environment; answers how to stop it all again. */
async function startWhatItNeeds(handler: string): Promise<() => Promise<void>> {
  if (apiHandlers.has(handler) || NOTIFIER_HANDLERS.has(handler)) {
    const portal = await startPortal({
      port: 0,
      dataDir: DATA_DIR,
      log: () => undefined,
      ...(process.env.FRONT_DOOR_DYNAMODB_ENDPOINT && { dynamoDbEndpoint: process.env.FRONT_DOOR_DYNAMODB_ENDPOINT }),
    });
    return () => portal.stop();
  }
  const config = loadAgencyConfig();
  Object.assign(process.env, LOCAL_AWS_ENV);
  if (COGNITO_TRIGGERS.has(handler)) {
    const providers = federatedProviderList(config);
    const citizenProvider = providers.find((p) => p.audience === 'citizen')?.name ?? 'LoginGov';
    const services = await startAwsIdentityServices({ citizenProvider });
    Object.assign(process.env, services.env, {
      IDENTITY_PROVIDERS: JSON.stringify(providers),
      STAFF_AGENCIES: JSON.stringify([...loadCatalog().agencies.keys()]),
    });
    return () => services.close();
  }
  const { loginGov } = config.identityProviders;
  if (!loginGov) throw new Error('Login.gov is not enabled in agency.config.json (identityProviders.loginGov).');
  const services = await startAwsIdentityServices({ citizenProvider: 'LoginGov' });
  const endpoints = loginGovEndpointsOf(loginGov.issuer);
  Object.assign(process.env, services.env, {
    LOGIN_GOV_CLIENT_ID: loginGov.clientId,
    LOGIN_GOV_ACR_VALUES: loginGov.acrValues,
    LOGIN_GOV_AUTHORIZE_ENDPOINT: endpoints.authorization,
    LOGIN_GOV_TOKEN_ENDPOINT: endpoints.token,
  });
  return () => services.close();
}

type Handler = (event: unknown, context: Context) => Promise<unknown>;

const stop = await startWhatItNeeds(name);
try {
  // Imported only now: handlers read their configuration once, at import, as in Lambda.
  const { handler } = (await import(new URL(`${name}.ts`, HANDLERS_DIR).href)) as { handler: Handler };
  try {
    console.log(JSON.stringify(await handler(event, lambdaContext(name)), null, 2));
  } catch (error) {
    console.error('The handler threw: this is the error Lambda reports (FunctionError: Unhandled).');
    console.log(JSON.stringify({ errorType: (error as Error).name, errorMessage: (error as Error).message }, null, 2));
  }
} finally {
  await stop();
}
