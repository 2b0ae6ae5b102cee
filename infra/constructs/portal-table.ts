import { RemovalPolicy } from 'aws-cdk-lib';
import {
  type Attribute,
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { TableDefinition } from '../../functions/adapters/table-definition.ts';

const attribute = (key: { name: string; type: 'S' | 'N' }): Attribute => ({
  name: key.name,
  type: key.type === 'S' ? AttributeType.STRING : AttributeType.NUMBER,
});

/**
 * The one DynamoDB table, built from the shared table definition (the same one the local runtime uses).
 * On-demand, because a deadline day is thousands of times an ordinary night; point-in-time recovery,
 * deletion protection and RETAIN because it holds every citizen's submissions.
 */
export class PortalTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: { definition: TableDefinition; encryptionKey: IKey }) {
    super(scope, id);
    const { definition } = props;
    this.table = new Table(this, 'Table', {
      partitionKey: attribute(definition.partitionKey),
      sortKey: attribute(definition.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.encryptionKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: definition.timeToLiveAttribute,
      // The timeline is the outbox: new entries reach the notifier through the stream.
      stream: StreamViewType[definition.stream],
    });
    for (const index of definition.globalSecondaryIndexes) {
      const projection = index.projection ?? { type: 'ALL' };
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
        projectionType: ProjectionType[projection.type],
        ...(projection.type === 'INCLUDE' && { nonKeyAttributes: projection.attributes }),
      });
    }
  }
}
