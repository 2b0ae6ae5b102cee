/**
 * The rule packs as a gate: the portal as an agency deploys it (agency.config.json) synthesises with no
 * unacknowledged finding, and a deliberately insecure change fails the synth.
 */
import { Duration } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket } from 'aws-cdk-lib/aws-s3';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, type SynthesisedPortal, synthPortal } from '../support/synth-portal.ts';

let clean: SynthesisedPortal;
let insecure: SynthesisedPortal;

beforeAll(() => {
  clean = synthPortal();
  insecure = synthPortal({
    quiet: true,
    change: (portal) => {
      // What a hurried change might look like: a public bucket without a customer key, a role that may do anything to
      // DynamoDB, a queue that loses what it cannot deliver.
      new Bucket(portal.data, 'ExportsForPartners', {
        publicReadAccess: true,
        blockPublicAccess: BlockPublicAccess.BLOCK_ACLS_ONLY,
        lifecycleRules: [{ expiration: Duration.days(7) }],
      });
      const role = new Role(portal.app, 'ReportsRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
      role.addToPolicy(new PolicyStatement({ actions: ['dynamodb:*'], resources: ['*'] }));
      new Queue(portal.app, 'ReportsQueue');
      // …and the same queue where the route functions live: a nested stack of the app stack (decision 146).
      new Queue(portal.app.api.functionStacks.get('Account')!, 'ReportsNestedQueue');
      return role;
    },
  });
});
afterAll(() => {
  clean?.cleanup();
  insecure?.cleanup();
});

describe('the rule-pack gate (AwsSolutions, NIST 800-53 rev 5, HIPAA, PCI DSS 3.2.1, Serverless)', () => {
  it('passes the portal as agency.config.json deploys it, with no unacknowledged finding', () => {
    expect(describeViolations(clean.violations)).toBe('');
    expect(clean.error).toBeUndefined();
  });

  it('runs all five packs', () => {
    const packs = insecure.violations.map((v) => v.pack);
    for (const pack of ['AwsSolutions', 'NIST.800.53.R5', 'HIPAA.Security', 'PCI.DSS.321', 'Serverless'])
      expect(packs, pack).toContain(pack);
  });

  it('fails the synth when someone adds a public bucket without a customer key', () => {
    expect(insecure.error?.message).toMatch(/ERROR .*\(AwsSolutions\)\n\s+Example-FrontDoor-Data\/ExportsForPartners\//);
    const onBucket = insecure.violations.filter((v) => v.paths.some((p) => p.includes('/ExportsForPartners/')));
    const rules = onBucket.map((v) => v.rule);
    expect(rules).toEqual(
      expect.arrayContaining([
        'AwsSolutions-S10',
        'NIST.800.53.R5-S3BucketPublicReadProhibited',
        'NIST.800.53.R5-S3DefaultEncryptionKMS',
        'HIPAA.Security-S3BucketSSLRequestsOnly',
        'PCI.DSS.321-S3BucketPublicReadProhibited',
      ]),
    );
    expect(onBucket.every((v) => v.severity === 'error')).toBe(true);
  });

  it('fails the synth when a role may do anything to DynamoDB', () => {
    const onRole = insecure.violations.filter((v) => v.paths.some((p) => p.includes('/ReportsRole/')));
    expect(onRole.map((v) => v.rule)).toEqual(
      expect.arrayContaining(['AwsSolutions-IAM5[Action::dynamodb:*]', 'NIST.800.53.R5-IAMPolicyNoStatementsWithFullAccess']),
    );
  });

  it('fails the synth when a queue has no dead-letter queue (the Serverless pack)', () => {
    const onQueue = insecure.violations.filter((v) => v.paths.some((p) => p.includes('/ReportsQueue/')));
    expect(onQueue.map((v) => v.rule)).toEqual(expect.arrayContaining(['Serverless-SQSRedrivePolicy', 'AwsSolutions-SQS3']));
  });

  it("checks the nested stacks too: the route functions' (the same queue there fails the same rules)", () => {
    const onQueue = insecure.violations.filter((v) => v.paths.some((p) => p.includes('/AccountFunctions/ReportsNestedQueue/')));
    expect(onQueue.map((v) => v.rule)).toEqual(expect.arrayContaining(['Serverless-SQSRedrivePolicy', 'AwsSolutions-SQS3']));
    expect(onQueue.every((v) => v.severity === 'error')).toBe(true);
  });

  it('reports nothing else: the change is the only problem', () => {
    const elsewhere = insecure.violations.filter(
      (v) =>
        !v.paths.every((p) =>
          ['/ExportsForPartners/', '/ReportsRole/', '/ReportsQueue/', '/ReportsNestedQueue/'].some((part) => p.includes(part)),
        ),
    );
    expect(describeViolations(elsewhere)).toBe('');
  });
});
