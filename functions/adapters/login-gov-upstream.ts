/**
 * What the Login.gov token proxy reaches outside itself: two secrets in Secrets Manager (the private key whose
 * certificate is registered at Login.gov, and the client secret Cognito authenticates with) and Login.gov's
 * token endpoint.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { UpstreamAnswer } from '#domain/login-gov-proxy';

export function secretsManagerClient(): SecretsManagerClient {
  return new SecretsManagerClient({ maxAttempts: 2, requestHandler: { connectionTimeout: 1000, requestTimeout: 2000 } });
}

/**
 * A secret read at most once per `ttlMs` per function instance: a sign-in should not pay for a Secrets Manager
 * call, and a rotated key or secret is picked up within minutes without a deployment.
 */
export function cachedSecret(client: SecretsManagerClient, secretId: string, ttlMs = 5 * 60_000): () => Promise<string> {
  let cached: { value: string; until: number } | undefined;
  return async () => {
    if (cached && cached.until > Date.now()) return cached.value;
    const answer = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (!answer.SecretString) throw new Error(`Secret ${secretId} has no text value`);
    cached = { value: answer.SecretString, until: Date.now() + ttlMs };
    return cached.value;
  };
}

/** The private key, from its PEM text (PKCS#8 as `openssl req -newkey rsa:2048 -nodes` writes, or PKCS#1). */
export function privateKeyFrom(readPem: () => Promise<string>): () => Promise<KeyObject> {
  let last: { pem: string; key: KeyObject } | undefined;
  return async () => {
    const pem = await readPem();
    if (last?.pem !== pem) {
      const key = createPrivateKey(pem);
      if (key.asymmetricKeyType !== 'rsa') throw new Error('The Login.gov private key must be an RSA key');
      last = { pem, key };
    }
    return last.key;
  };
}

/** Login.gov answers a token request within a second or two; Cognito itself gives up not long after. */
const UPSTREAM_TIMEOUT_MS = 5000;

export async function postForm(url: string, form: URLSearchParams): Promise<UpstreamAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form,
    redirect: 'error',
    signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? 'application/json',
    body: await response.text(),
  };
}
