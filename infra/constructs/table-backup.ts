import { RemovalPolicy } from 'aws-cdk-lib';
import { BackupPlan, BackupResource, BackupVault } from 'aws-cdk-lib/aws-backup';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/**
 * AWS Backup for the table, on top of point-in-time recovery (which only reaches back 35 days): daily
 * backups kept 35 days and monthly ones kept a year, in a vault encrypted with the data key and kept when
 * the stack goes.
 */
export class TableBackup extends Construct {
  readonly vault: BackupVault;
  readonly plan: BackupPlan;

  constructor(scope: Construct, id: string, props: { table: ITable; encryptionKey: IKey; namePrefix: string }) {
    super(scope, id);
    this.vault = new BackupVault(this, 'Vault', {
      backupVaultName: `${props.namePrefix}-front-door`,
      encryptionKey: props.encryptionKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.plan = BackupPlan.dailyMonthly1YearRetention(this, 'Plan', this.vault);
    this.plan.addSelection('Table', { resources: [BackupResource.fromDynamoDbTable(props.table)] });
  }
}
