/**
 * The survey's HMAC key (decision 0100): the value of the 'feedback-key' secret on AWS (Secrets Manager
 * generates it; the function reads SECRET_ARN_FEEDBACK_KEY), FEEDBACK_KEY locally. Read on first use and
 * kept for the life of the function: a changed key would start new responses for transactions already answered.
 */
export function feedbackKeySource(env: { key?: string | undefined; secretArn?: string | undefined }): () => Promise<string> {
  if (env.key !== undefined && env.key !== '') {
    const key = env.key;
    return async () => key;
  }
  const secretArn = env.secretArn;
  if (!secretArn) throw new Error('Neither FEEDBACK_KEY nor SECRET_ARN_FEEDBACK_KEY is set: the survey key');
  let cached: Promise<string> | undefined;
  return () => {
    cached ??= import('@aws-sdk/client-secrets-manager')
      .then(async ({ GetSecretValueCommand, SecretsManagerClient }) => {
        const sdk = new SecretsManagerClient({ maxAttempts: 3 });
        const { SecretString } = await sdk.send(new GetSecretValueCommand({ SecretId: secretArn }));
        if (!SecretString || SecretString.length < 16) throw new Error(`The secret ${secretArn} is shorter than 16 characters`);
        return SecretString;
      })
      .catch((error: unknown) => {
        // A failed fetch is not kept: the next request tries again.
        cached = undefined;
        throw error;
      });
    return cached;
  };
}
