/**
 * Configuration of the identity functions (the Cognito triggers and the Login.gov proxy), read once when a
 * function starts; a missing or malformed value fails fast with its name. Set by infra/constructs/federation.ts.
 * Kept apart from config.ts because these functions use no table.
 */
import { getStringFromEnv } from '@aws-lambda-powertools/commons/utils/env';
import type { FederatedProvider } from '#domain/account-linking';

const required = (key: string, what: string) => getStringFromEnv({ key, errorMessage: `${key} is not set: ${what}` });

function jsonFromEnv<T>(key: string, what: string, check: (value: unknown) => value is T): T {
  const raw = required(key, what);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new Error(`${key} is not JSON: ${what}`);
  }
  if (!check(value)) throw new Error(`${key} does not have the expected shape: ${what}`);
  return value;
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

const isProviderList = (value: unknown): value is FederatedProvider[] =>
  Array.isArray(value) &&
  value.every(
    (p) =>
      typeof p?.name === 'string' &&
      (p.audience === 'citizen' || p.audience === 'staff') &&
      typeof p.trustedForEmail === 'boolean' &&
      isStringList(p.agencies),
  );

/** The Cognito triggers: which identity providers exist, and the agencies staff can belong to. */
export function federationConfig() {
  return {
    providers: jsonFromEnv(
      'IDENTITY_PROVIDERS',
      'the configured identity providers, [{name, audience, trustedForEmail, agencies}]',
      isProviderList,
    ),
    agencies: jsonFromEnv('STAFF_AGENCIES', 'the agency ids staff groups exist for, ["revenue", …]', isStringList),
  } as const;
}

/** The Login.gov authorize endpoint of the proxy. */
export function loginGovAuthorizeConfig() {
  return {
    clientId: required('LOGIN_GOV_CLIENT_ID', "this deployment's Login.gov client id"),
    acrValues: required('LOGIN_GOV_ACR_VALUES', 'the acr_values to ask Login.gov for'),
    authorizeEndpoint: required('LOGIN_GOV_AUTHORIZE_ENDPOINT', "Login.gov's authorize endpoint"),
  } as const;
}

/** The Login.gov token endpoint of the proxy. */
export function loginGovTokenConfig() {
  return {
    clientId: required('LOGIN_GOV_CLIENT_ID', "this deployment's Login.gov client id"),
    tokenEndpoint: required('LOGIN_GOV_TOKEN_ENDPOINT', "Login.gov's token endpoint"),
    /** Secrets Manager secret holding the PEM private key whose certificate is registered at Login.gov. */
    privateKeySecretId: required('LOGIN_GOV_PRIVATE_KEY_SECRET', 'the secret holding the Login.gov private key'),
    /** Secrets Manager secret holding the client secret Cognito's Login.gov provider sends. */
    proxySecretId: required('LOGIN_GOV_PROXY_SECRET', 'the secret Cognito authenticates to the proxy with'),
  } as const;
}
