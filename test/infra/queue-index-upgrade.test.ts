/**
 * Moving a deployment made before decision 0140 from gsi1 (whole items) to the queue index that copies only the
 * queue's columns: DynamoDB cannot change an index's projection and CloudFormation adds or removes one index per
 * update, so agency.config.json's `upgrade.queueIndex` takes three deploys, each a change CloudFormation can make,
 * with a built index for the queue to read at every moment (docs/deploying.md, "Upgrading").
 */
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Key } from 'aws-cdk-lib/aws-kms';
import { describe, expect, it } from 'vitest';
import {
  QUEUE_INDEX,
  QUEUE_INDEX_ATTRIBUTES,
  queueIndexName,
  RETIRED_QUEUE_INDEX,
  tableDefinition,
} from '../../functions/adapters/table-definition.ts';
import { AgencyConfigSchema } from '../../infra/config.ts';
import { deployedTable, PortalTable } from '../../infra/constructs/portal-table.ts';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation templates are untyped JSON; the assertions are the types.
type Json = Record<string, any>;

function indexesOf(upgrade: Parameters<typeof deployedTable>[0]) {
  const stack = new Stack();
  new PortalTable(stack, 'Table', { definition: deployedTable(upgrade).definition, encryptionKey: new Key(stack, 'Key') });
  const [table] = Object.values(Template.fromStack(stack).findResources('AWS::DynamoDB::Table')) as Json[];
  return Object.fromEntries(
    ((table?.Properties.GlobalSecondaryIndexes ?? []) as Json[]).map((index) => [index.IndexName, index.Projection]),
  ) as Record<string, { ProjectionType: string; NonKeyAttributes?: string[] }>;
}

const readBy = (environment: Record<string, string>) => {
  const before = process.env.QUEUE_INDEX_NAME;
  Object.assign(process.env, environment);
  try {
    return queueIndexName();
  } finally {
    if (before === undefined) delete process.env.QUEUE_INDEX_NAME;
    else process.env.QUEUE_INDEX_NAME = before;
  }
};

describe('the queue index, new and upgraded', () => {
  it('is, on a new deployment, the INCLUDE index alone, read by the functions', () => {
    const indexes = indexesOf(undefined);
    expect(indexes[QUEUE_INDEX]).toEqual({ ProjectionType: 'INCLUDE', NonKeyAttributes: QUEUE_INDEX_ATTRIBUTES });
    expect(indexes[RETIRED_QUEUE_INDEX]).toBeUndefined();
    expect(Object.keys(indexes)).toHaveLength(tableDefinition.globalSecondaryIndexes.length);
    expect(deployedTable(undefined).environment).toEqual({});
    expect(readBy({})).toBe(QUEUE_INDEX);
  });

  it('keeps gsi1 beside the new index for "adding" and "switching", and the functions read gsi1 only while it is "adding"', () => {
    for (const step of ['adding', 'switching'] as const) {
      const indexes = indexesOf({ queueIndex: step });
      expect(indexes[RETIRED_QUEUE_INDEX]).toEqual({ ProjectionType: 'ALL' });
      expect(indexes[QUEUE_INDEX]?.ProjectionType).toBe('INCLUDE');
      // One index more than the new deployment's: each step adds or removes one index at most.
      expect(Object.keys(indexes)).toHaveLength(tableDefinition.globalSecondaryIndexes.length + 1);
    }
    expect(readBy(deployedTable({ queueIndex: 'adding' }).environment)).toBe(RETIRED_QUEUE_INDEX);
    expect(readBy(deployedTable({ queueIndex: 'switching' }).environment)).toBe(QUEUE_INDEX);
  });

  it('refuses an upgrade step it does not know, saying what the steps are', () => {
    const base = {
      agency: { name: 'State of West', shortName: 'West' },
      aws: { account: '222222222222', region: 'us-west-2' },
      locales: ['en', 'es'],
      alarmEmail: 'ops@west.example.gov',
      payments: { provider: 'sandbox' },
    };
    expect(AgencyConfigSchema.safeParse({ ...base, upgrade: { queueIndex: 'adding' } }).success).toBe(true);
    const wrong = AgencyConfigSchema.safeParse({ ...base, upgrade: { queueIndex: 'done' } });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toContain('"adding" (first deploy) or "switching" (second)');
  });
});
