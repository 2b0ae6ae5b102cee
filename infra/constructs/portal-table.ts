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
import {
  RETIRED_QUEUE_INDEX,
  retiredQueueIndex,
  type TableDefinition,
  tableDefinition,
} from '../../functions/adapters/table-definition.ts';
import type { AgencyConfig } from '../config.ts';

const attribute = (key: { name: string; type: 'S' | 'N' }): Attribute => ({
  name: key.name,
  type: key.type === 'S' ? AttributeType.STRING : AttributeType.NUMBER,
});

/**
 * The table as this deploy builds it: the shared definition, plus the retired gsi1 while a deployment made before
 * decision 0140 moves over (config `upgrade.queueIndex`; docs/deploying.md), so that no deploy adds and removes an
 * index at once and the queue always has a built index to read.
 */
export function deployedTable(upgrade: AgencyConfig['upgrade']): {
  definition: TableDefinition;
  /** Environment for the functions that read the queue index: gsi1 until the new index is built. */
  environment: Record<string, string>;
} {
  if (!upgrade) return { definition: tableDefinition, environment: {} };
  return {
    definition: { ...tableDefinition, globalSecondaryIndexes: [retiredQueueIndex, ...tableDefinition.globalSecondaryIndexes] },
    environment: upgrade.queueIndex === 'adding' ? { QUEUE_INDEX_NAME: RETIRED_QUEUE_INDEX } : {},
  };
}

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
