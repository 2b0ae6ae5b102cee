import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';

/**
 * A customer-managed KMS key: rotated yearly, kept when its stack is deleted (data, logs and backups it
 * encrypted stay readable), and deleted only after the longest waiting period if someone schedules it.
 */
export class PortalKey extends Key {
  constructor(scope: Construct, id: string, props: { alias: string; description: string }) {
    super(scope, id, {
      alias: props.alias,
      description: props.description,
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
