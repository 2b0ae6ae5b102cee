import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { CfnMalwareProtectionPlan } from 'aws-cdk-lib/aws-guardduty';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership, StorageClass } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { DRAFT_FILES_EXPIRE_DAYS, DRAFT_PREFIX, RELEASED_PREFIX } from '../../functions/domain/uploads.ts';
import type { Route } from '../../functions/http/routes.ts';
import { ManagedPolicyRole } from './managed-policy-role.ts';

/** Where browsers post files (a presigned POST's URL on AWS): for the site's CSP. */
export const uploadsOrigin = (bucketName: string, region: string) => `https://${bucketName}.s3.${region}.amazonaws.com`;

/**
 * The bucket's name: fixed, so the app stack's grants and CSP name it as plain text (no cross-stack export to
 * keep in step) and a security reviewer reads the same name in every policy.
 */
export function uploadsBucketName(namePrefix: string, account: string, region: string): string {
  const prefix = namePrefix
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, 20);
  return `${prefix}-front-door-uploads-${account}-${region}`;
}

/** An object ARN in the bucket, from its name (the partition of the stack that asks). */
export function uploadsObjectArn(scope: Construct, bucketName: string, pattern: string): string {
  return `arn:${Stack.of(scope).partition}:s3:::${bucketName}/${pattern}`;
}

export interface UploadsBucketProps {
  bucketName: string;
  /** The data key (the table's): files people attach are citizens' data like their answers. */
  encryptionKey: IKey;
  /**
   * The site's origin (https://portal.example.gov), the one origin whose pages may send files here from a
   * script (CORS). Without a custom domain it is not known in this stack: pages then upload without the script's
   * progress (a plain form post needs no CORS), see decision 0114.
   */
  siteOrigin?: string | undefined;
}

/**
 * Where the files people attach to forms live (decision 0110): private, encrypted with the data key, versioned,
 * TLS only, CORS for the site only. drafts/ holds files while a form is filled in (GuardDuty Malware Protection
 * scans each new one and tags it; the lifecycle rule deletes them with the draft), files/ the clean files of sent
 * forms (kept like the case). A removed file's old versions go after a day, so "removed" means gone.
 */
export class UploadsBucket extends Construct {
  readonly bucket: Bucket;
  readonly logBucket: Bucket;
  readonly malwareProtection: CfnMalwareProtectionPlan;
  readonly scannerRole: ManagedPolicyRole;
  readonly bucketName: string;
  private readonly key: IKey;

  constructor(scope: Construct, id: string, props: UploadsBucketProps) {
    super(scope, id);
    this.key = props.encryptionKey;
    // S3 server access logs can only be delivered to an SSE-S3 bucket.
    this.logBucket = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      lifecycleRules: [{ expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.bucketName = props.bucketName;
    this.bucket = new Bucket(this, 'Bucket', {
      bucketName: props.bucketName,
      encryption: BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'uploads/',
      removalPolicy: RemovalPolicy.RETAIN,
      ...(props.siteOrigin && {
        cors: [
          {
            allowedOrigins: [props.siteOrigin],
            allowedMethods: [HttpMethods.POST],
            allowedHeaders: ['*'],
            exposedHeaders: ['ETag', 'Location'],
            maxAge: 600,
          },
        ],
      }),
      lifecycleRules: [
        // A draft's files go with the draft (one day after a draft saved the day they were attached would).
        { id: 'draft-files', prefix: DRAFT_PREFIX, expiration: Duration.days(DRAFT_FILES_EXPIRE_DAYS) },
        // A removed or replaced file's old versions, and uploads never finished: gone after a day.
        {
          id: 'removed-versions',
          noncurrentVersionExpiration: Duration.days(1),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
          expiredObjectDeleteMarker: true,
        },
        // Sent forms' files are read less after the first weeks.
        {
          id: 'sent-files',
          prefix: RELEASED_PREFIX,
          transitions: [{ storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(90) }],
        },
      ],
    });

    // GuardDuty Malware Protection for S3: every new object under drafts/ is scanned and tagged
    // GuardDutyMalwareScanStatus; the release step reads that tag. The role is what the service asks for, no more.
    const region = Stack.of(this).region;
    const account = Stack.of(this).account;
    const partition = Stack.of(this).partition;
    const managedRule = `arn:${partition}:events:${region}:${account}:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*`;
    const bucketArn = `arn:${partition}:s3:::${props.bucketName}`;
    this.scannerRole = new ManagedPolicyRole(this, 'ScannerRole', {
      assumedBy: new ServicePrincipal('malware-protection-plan.guardduty.amazonaws.com'),
      description: 'GuardDuty Malware Protection for S3: scans and tags new files under drafts/ in the uploads bucket',
    });
    for (const statement of [
      new PolicyStatement({
        actions: ['events:PutRule', 'events:DeleteRule', 'events:PutTargets', 'events:RemoveTargets'],
        resources: [managedRule],
        conditions: { StringLike: { 'events:ManagedBy': 'malware-protection-plan.guardduty.amazonaws.com' } },
      }),
      new PolicyStatement({ actions: ['events:DescribeRule', 'events:ListTargetsByRule'], resources: [managedRule] }),
      new PolicyStatement({
        actions: ['s3:PutBucketNotification', 's3:GetBucketNotification', 's3:ListBucket'],
        resources: [bucketArn],
      }),
      new PolicyStatement({
        actions: [
          's3:GetObject',
          's3:GetObjectVersion',
          's3:GetObjectTagging',
          's3:GetObjectVersionTagging',
          's3:PutObjectTagging',
          's3:PutObjectVersionTagging',
        ],
        resources: [`${bucketArn}/${DRAFT_PREFIX}*`],
      }),
      // The service checks it may use the bucket by writing this one object.
      new PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [`${bucketArn}/malware-protection-resource-validation-object`],
      }),
      new PolicyStatement({
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [props.encryptionKey.keyArn],
        conditions: { StringLike: { 'kms:ViaService': `s3.${region}.amazonaws.com` } },
      }),
    ])
      this.scannerRole.addToPrincipalPolicy(statement);
    this.malwareProtection = new CfnMalwareProtectionPlan(this, 'MalwareProtection', {
      role: this.scannerRole.roleArn,
      protectedResource: { s3Bucket: { bucketName: this.bucket.bucketName, objectPrefixes: [DRAFT_PREFIX] } },
      actions: { tagging: { status: 'ENABLED' } },
    });
    this.malwareProtection.node.addDependency(this.scannerRole.policy);
  }

  /** The bucket's address as browsers post to it (a presigned POST's URL): for the site's CSP. */
  get origin(): string {
    return uploadsOrigin(this.bucketName, Stack.of(this).region);
  }

  /** Exactly what a route's `files` asks for (functions/http/routes.ts), on the prefixes it names. */
  grantFor(grantee: Construct & { role: ManagedPolicyRole }, access: NonNullable<Route['files']>): void {
    const region = Stack.of(this).region;
    const drafts = uploadsObjectArn(grantee, this.bucketName, `${DRAFT_PREFIX}*`);
    const released = uploadsObjectArn(grantee, this.bucketName, `${RELEASED_PREFIX}*`);
    const bucketArn = `arn:${Stack.of(grantee).partition}:s3:::${this.bucketName}`;
    const statements: PolicyStatement[] = [];
    const keyActions = new Set<string>(['kms:Decrypt']);
    if (access === 'drafts' || access === 'release') {
      // PutObject: the presigned POSTs the function signs are the browser's uploads, under drafts/ only.
      statements.push(
        new PolicyStatement({
          actions: ['s3:PutObject', 's3:GetObject', 's3:GetObjectTagging', 's3:DeleteObject'],
          resources: [drafts],
        }),
        new PolicyStatement({
          actions: ['s3:ListBucket'],
          resources: [bucketArn],
          conditions: { StringLike: { 's3:prefix': [`${DRAFT_PREFIX}*`] } },
        }),
      );
      keyActions.add('kms:GenerateDataKey');
    }
    if (access === 'release') {
      // The copy of a clean file, with its scan tag, under files/.
      statements.push(new PolicyStatement({ actions: ['s3:PutObject', 's3:PutObjectTagging'], resources: [released] }));
    }
    if (access === 'open') {
      statements.push(new PolicyStatement({ actions: ['s3:GetObject', 's3:GetObjectTagging'], resources: [released] }));
    }
    statements.push(
      new PolicyStatement({
        actions: [...keyActions],
        resources: [this.key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `s3.${region}.amazonaws.com` } },
      }),
    );
    for (const statement of statements) grantee.role.addToPrincipalPolicy(statement);
  }
}
