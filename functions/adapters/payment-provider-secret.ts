/**
 * The payment provider's API key and webhook secret: a Secrets Manager secret holding
 * {"apiKey": "…", "webhookSecret": "…"} on AWS, the same JSON in an environment variable locally. Read on
 * first use and kept for a few minutes, so a rotated secret is picked up without a deploy. The Secrets Manager
 * client is loaded on that first use too, not at start-up.
 */

export interface ProviderSecret {
  apiKey: string;
  webhookSecret: string;
}

const CACHE_MS = 5 * 60 * 1000;

export function parseProviderSecret(text: string, where: string): ProviderSecret {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${where} is not JSON: it must be {"apiKey": "…", "webhookSecret": "…"}`);
  }
  const { apiKey, webhookSecret } = (value ?? {}) as Record<string, unknown>;
  if (typeof apiKey !== 'string' || apiKey === '' || typeof webhookSecret !== 'string' || webhookSecret === '')
    throw new Error(`${where} must hold {"apiKey": "…", "webhookSecret": "…"}, both non-empty`);
  return { apiKey, webhookSecret };
}

/** A function that answers the current secret, fetching it at most every few minutes. */
export function providerSecretSource(options: { secretArn?: string | undefined; secretJson?: string | undefined }) {
  if (options.secretJson !== undefined) {
    const secret = parseProviderSecret(options.secretJson, 'PAYMENT_PROVIDER_SECRET_JSON');
    return async () => secret;
  }
  const secretArn = options.secretArn;
  if (!secretArn) throw new Error('No payment provider secret is configured');
  let client: Promise<{ send: (secretId: string) => Promise<string | undefined> }> | undefined;
  const secretsManager = () => {
    client ??= import('@aws-sdk/client-secrets-manager').then(({ GetSecretValueCommand, SecretsManagerClient }) => {
      const sdk = new SecretsManagerClient({ maxAttempts: 3 });
      return { send: async (SecretId: string) => (await sdk.send(new GetSecretValueCommand({ SecretId }))).SecretString };
    });
    return client;
  };
  let cached: { at: number; value: Promise<ProviderSecret> } | undefined;
  return async (): Promise<ProviderSecret> => {
    if (!cached || Date.now() - cached.at > CACHE_MS) {
      const value = secretsManager()
        .then((secrets) => secrets.send(secretArn))
        .then((text) => parseProviderSecret(text ?? '', `The secret ${secretArn}`));
      cached = { at: Date.now(), value };
      // A failed fetch is not kept: the next request tries again.
      value.catch(() => {
        if (cached?.value === value) cached = undefined;
      });
    }
    return cached.value;
  };
}
