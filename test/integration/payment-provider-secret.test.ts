/**
 * The payment provider's secret on AWS: fetched from Secrets Manager (the real SDK client, loaded on first use,
 * against a local stand-in) only when first needed, then kept for a few minutes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerSecretSource } from '#adapters/payment-provider-secret';
import { type AwsJsonStub, startAwsJsonStub } from '../support/aws-json-stub.ts';

const ARN = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:payment-provider';
let secrets: AwsJsonStub;
const savedEnv = { ...process.env };

beforeAll(async () => {
  secrets = await startAwsJsonStub();
  secrets.answer('GetSecretValue', (body) =>
    body.SecretId === ARN
      ? { Name: ARN, SecretString: JSON.stringify({ apiKey: 'sk_test_1', webhookSecret: 'whsec_1' }) }
      : { error: 'ResourceNotFoundException' },
  );
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  });
});
afterAll(async () => {
  process.env = savedEnv;
  await secrets?.close();
});

describe('the payment provider secret from Secrets Manager', () => {
  it('is not fetched until first needed, then once for many requests', async () => {
    const secret = providerSecretSource({ secretArn: ARN });
    expect(secrets.calls).toHaveLength(0);
    const answers = await Promise.all([secret(), secret(), secret()]);
    expect(answers).toEqual(Array(3).fill({ apiKey: 'sk_test_1', webhookSecret: 'whsec_1' }));
    expect(secrets.calls.map((call) => call.body.SecretId)).toEqual([ARN]);
  });

  it('says which secret is wrong, and tries again on the next request', async () => {
    const secret = providerSecretSource({ secretArn: `${ARN}-missing` });
    await expect(secret()).rejects.toThrow();
    const before = secrets.calls.length;
    await expect(secret()).rejects.toThrow();
    expect(secrets.calls.length).toBe(before + 1);
  });
});
