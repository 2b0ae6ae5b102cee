/**
 * The key of the staff pages' CSRF tokens: a Secrets Manager secret on AWS (its whole text is the key; the
 * random value Secrets Manager generates is a good one), the key itself locally. Read on first use and kept for
 * a few minutes, so a rotated key is picked up without a deploy; the SDK is loaded on that first use too.
 */
const CACHE_MS = 5 * 60 * 1000;

export function staffSessionKeySource(options: { secretArn?: string | undefined; secretText?: string | undefined }) {
  if (options.secretText !== undefined) {
    const key = options.secretText;
    return async () => key;
  }
  const secretArn = options.secretArn;
  if (!secretArn) throw new Error('No staff session secret is configured');
  let cached: { at: number; value: Promise<string> } | undefined;
  return async (): Promise<string> => {
    if (!cached || Date.now() - cached.at > CACHE_MS) {
      const value = import('@aws-sdk/client-secrets-manager').then(async ({ GetSecretValueCommand, SecretsManagerClient }) => {
        const answer = await new SecretsManagerClient({ maxAttempts: 3 }).send(
          new GetSecretValueCommand({ SecretId: secretArn }),
        );
        if (!answer.SecretString) throw new Error(`The secret ${secretArn} has no text value`);
        return answer.SecretString;
      });
      cached = { at: Date.now(), value };
      // A failed fetch is not kept: the next request tries again.
      value.catch(() => {
        if (cached?.value === value) cached = undefined;
      });
    }
    return cached.value;
  };
}
