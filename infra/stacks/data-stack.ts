import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { type TableDefinition, tableDefinition } from '../../functions/adapters/table-definition.ts';
import { PortalKey } from '../constructs/portal-key.ts';
import { PortalTable } from '../constructs/portal-table.ts';
import { TableBackup } from '../constructs/table-backup.ts';
import { UploadsBucket, uploadsBucketName } from '../constructs/uploads-bucket.ts';

export interface DataStackProps extends StackProps {
  /** Lower-case agency short name, for resource names. */
  namePrefix: string;
  /** The site's origin when the agency has its own domain (the uploads bucket's CORS origin). */
  siteOrigin?: string | undefined;
  /** The table's keys and indexes (the shared definition unless a deployment is moving over: deployedTable). */
  tableDefinition?: TableDefinition | undefined;
}

/**
 * Everything that holds citizens' data, in its own stack so the application stack can be replaced or
 * deleted without touching it. Nothing here is deleted with the stack.
 */
export class DataStack extends Stack {
  readonly table: Table;
  readonly dataKey: PortalKey;
  readonly backup: TableBackup;
  readonly uploads: UploadsBucket;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, { ...props, terminationProtection: true });
    this.dataKey = new PortalKey(this, 'DataKey', {
      alias: `alias/${props.namePrefix}-front-door-data`,
      description: 'Front Door: the submissions table and its backups',
    });
    this.table = new PortalTable(this, 'Submissions', {
      definition: props.tableDefinition ?? tableDefinition,
      encryptionKey: this.dataKey,
    }).table;
    this.uploads = new UploadsBucket(this, 'Uploads', {
      bucketName: uploadsBucketName(props.namePrefix, this.account, this.region),
      encryptionKey: this.dataKey,
      siteOrigin: props.siteOrigin,
    });
    this.backup = new TableBackup(this, 'Backup', {
      table: this.table,
      encryptionKey: this.dataKey,
      namePrefix: props.namePrefix,
    });
  }
}
