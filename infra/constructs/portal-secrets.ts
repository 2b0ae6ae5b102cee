import { RemovalPolicy } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { SecretName } from '../../functions/http/routes.ts';

/** What the operator puts in each secret (docs/deploying.md shows the command). */
export const SECRET_SHAPES: Record<SecretName, string> = {
  'payment-provider': '{"apiKey":"…","webhookSecret":"…"}',
  // The key of the staff pages' CSRF tokens: the random value Secrets Manager generates is already a good one.
  'staff-session': 'any long random text (the generated value will do)',
  // The survey's HMAC key: the random value Secrets Manager generates is the key, so there is nothing to put.
  'feedback-key': 'nothing: the generated value is the key (replacing it starts new responses for answered tasks)',
};

/**
 * One Secrets Manager secret per secret the route table names, encrypted with the secrets key. The template
 * holds no value: Secrets Manager fills each with a random placeholder and the operator replaces it. Kept
 * when the stack is deleted (an operator put a real value there).
 */
export class PortalSecrets extends Construct {
  readonly secrets = new Map<SecretName, { secret: Secret; key: IKey }>();

  constructor(scope: Construct, id: string, props: { names: readonly SecretName[]; secretsKey: IKey }) {
    super(scope, id);
    for (const name of props.names) {
      const secret = new Secret(this, name, {
        description: `Front Door ${name}: put ${SECRET_SHAPES[name]} here (docs/deploying.md)`,
        encryptionKey: props.secretsKey,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      this.secrets.set(name, { secret, key: props.secretsKey });
    }
  }
}
