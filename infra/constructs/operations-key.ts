import { Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { PortalKey } from './portal-key.ts';

/**
 * The key for what operating the portal produces: log groups, the alarm topic, functions' environment
 * variables. CloudWatch Logs may use it only for this account's log groups in this region; CloudWatch
 * alarms and SNS may use it only for this account (the alarm topic and its dead-letter queue).
 */
export class OperationsKey extends PortalKey {
  constructor(scope: Construct, id: string, props: { alias: string }) {
    super(scope, id, { alias: props.alias, description: 'Front Door: logs, alarm topic, function settings' });
    const { region, account } = Stack.of(this);
    this.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal(`logs.${region}.amazonaws.com`)],
        // As CloudWatch Logs documents it ("Encrypt log data in CloudWatch Logs using AWS KMS").
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${Stack.of(this).partition}:logs:${region}:${account}:log-group:*`,
          },
        },
      }),
    );
    // CloudWatch alarms publish to the encrypted alarm topic; SNS moves what it could not deliver into the
    // encrypted dead-letter queue.
    this.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com'), new ServicePrincipal('sns.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );
  }
}
