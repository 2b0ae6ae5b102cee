/**
 * Every rule-pack finding the portal accepts, in ONE place, each with the reason a security reviewer can
 * check. Everything else the packs (AwsSolutions, NIST 800-53 rev 5, HIPAA Security, PCI DSS 3.2.1,
 * Serverless) find fails the synth. docs/deploying.md explains each id in an operator's words; a test
 * keeps the two in step (test/infra/acknowledgements.test.ts).
 */
import { Stack, Validations } from 'aws-cdk-lib';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { DRAFT_PREFIX, RELEASED_PREFIX } from '../functions/domain/uploads.ts';
import { PortalFunction } from './constructs/portal-function.ts';
import type { Portal } from './portal.ts';

export interface Acknowledgement {
  /** The rule ids as the packs report them (one concern often has an id per pack). */
  ids: readonly string[];
  /** For rules that report one finding per wildcard (`RULE[finding]`): exactly those findings. */
  findings?: (portal: Portal) => readonly string[];
  /** One line a security reviewer would accept. */
  reason: string;
  /** Where it applies: as narrow as the finding allows. */
  on: (portal: Portal) => readonly IConstruct[];
}

const perPack = (rule: string, packs: readonly string[]) => packs.map((pack) => `${pack}-${rule}`);
const NIST_HIPAA = ['NIST.800.53.R5', 'HIPAA.Security'];
const NIST_HIPAA_PCI = [...NIST_HIPAA, 'PCI.DSS.321'];

/** Every PortalFunction in the app (the route table's, and any other part's, e.g. Cognito triggers). */
const portalFunctions = (portal: Portal) =>
  portal.app.node.findAll().filter((construct): construct is PortalFunction => construct instanceof PortalFunction);
/** CDK's BucketDeployment function (one per stack, shared by the site's deployments). */
const bucketDeploymentFunction = (portal: Portal) =>
  portal.app.node.children.filter((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
const allSecrets = (portal: Portal) => [
  portal.app.originVerify.secret,
  ...[...portal.app.secrets.secrets.values()].map(({ secret }) => secret),
];

/** The IAM5 ids CDK's BucketDeployment grants produce (its own code asks for these to copy the site). */
function bucketDeploymentWildcards(portal: Portal): string[] {
  const stack = Stack.of(portal.app);
  const siteBucket = stack.getLogicalId(portal.app.site.bucket.node.defaultChild as CfnBucket);
  const assets = `arn:${stack.partition}:s3:::cdk-hnb659fds-assets-${stack.account}-${stack.region}/*`;
  return [
    'Action::s3:GetObject*',
    'Action::s3:GetBucket*',
    'Action::s3:List*',
    'Action::s3:DeleteObject*',
    'Action::s3:Abort*',
    'Action::kms:GenerateDataKey*',
    'Action::kms:ReEncrypt*',
    `Resource::<${siteBucket}.Arn>/*`,
    `Resource::${assets}`,
    // cloudfront:CreateInvalidation/GetInvalidation, which CDK grants on every distribution.
    'Resource::*',
  ].map((finding) => `AwsSolutions-IAM5[${finding}]`);
}

/** The prefix wildcards of the uploads bucket's grants (decision 0110): one folder of objects each, never the bucket. */
function uploadsWildcards(portal: Portal, scope: 'functions' | 'scanner'): string[] {
  const name = portal.data.uploads.bucketName;
  const prefixes = scope === 'functions' ? [DRAFT_PREFIX, RELEASED_PREFIX] : [DRAFT_PREFIX];
  // cdk-nag reports the partition as it resolves it at synth time ("aws").
  const findings = prefixes.map((prefix) => `Resource::arn:aws:s3:::${name}/${prefix}*`);
  if (scope === 'scanner') {
    const { account, region } = Stack.of(portal.data);
    findings.push(`Resource::arn:aws:events:${region}:${account}:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*`);
  }
  return findings.map((finding) => `AwsSolutions-IAM5[${finding}]`);
}

export const ACKNOWLEDGEMENTS: readonly Acknowledgement[] = [
  // Functions (ours)
  {
    ids: ['AwsSolutions-IAM5[Resource::*]'],
    reason:
      'X-Ray PutTraceSegments/PutTelemetryRecords and DynamoDB ListStreams (the notifier reads the table stream) have no resource-level permissions; every other statement names its resource.',
    on: (portal) => portalFunctions(portal).map((fn) => fn.role.policy),
  },
  {
    ids: perPack('LambdaConcurrency', NIST_HIPAA),
    reason:
      'Throttling is set per route at API Gateway instead; reserved concurrency would fail on new accounts (10 concurrent executions) and cap a deadline day.',
    on: (portal) => [...portalFunctions(portal).map((fn) => fn.function), ...bucketDeploymentFunction(portal)],
  },
  {
    ids: [...perPack('LambdaDLQ', NIST_HIPAA), 'Serverless-LambdaDLQ'],
    reason:
      'Invoked synchronously (API Gateway, Cognito triggers, CloudFormation): the caller receives the error; a dead-letter queue only applies to asynchronous invocations.',
    on: (portal) => [
      ...portalFunctions(portal)
        .filter((fn) => fn !== portal.app.notifier.sender && fn !== portal.app.notifier.eventRecorder)
        .map((fn) => fn.function),
      ...bucketDeploymentFunction(portal),
    ],
  },
  {
    ids: [...perPack('LambdaDLQ', NIST_HIPAA), 'Serverless-LambdaDLQ'],
    reason:
      "Invoked by the table stream's event source mapping, whose on-failure destination is the notifications dead-letter queue (alarmed); a function DLQ applies to asynchronous invocations only.",
    on: (portal) => [portal.app.notifier.sender.function],
  },
  {
    ids: perPack('LambdaInsideVPC', NIST_HIPAA_PCI),
    reason:
      'The functions reach only AWS APIs (DynamoDB, Secrets Manager, KMS, Cognito) over TLS with IAM, plus the payment and identity providers over the internet; a VPC would add NAT cost and cold-start time without a private resource to protect.',
    on: (portal) => [...portalFunctions(portal).map((fn) => fn.function), ...bucketDeploymentFunction(portal)],
  },
  // The busy page: Lambda@Edge on CloudFront's /api/* origin responses (decision 0129)
  {
    ids: [
      ...perPack('LambdaConcurrency', NIST_HIPAA),
      ...perPack('LambdaDLQ', NIST_HIPAA),
      'Serverless-LambdaDLQ',
      ...perPack('LambdaInsideVPC', NIST_HIPAA_PCI),
      'Serverless-LambdaTracing',
    ],
    reason:
      'Lambda@Edge: CloudFront calls it synchronously at its edges, and Lambda@Edge takes no VPC, dead-letter queue, X-Ray or reserved concurrency; it reads no store and keeps nothing.',
    on: (portal) => [portal.waf.busyPage.function],
  },
  {
    ids: ['AwsSolutions-L1', 'Serverless-LambdaLatestVersion'],
    reason:
      "Lambda@Edge: Node.js 22 is the newest runtime Lambda@Edge supports (the portal's own functions run Node 24); the code is one dependency-free file.",
    on: (portal) => [portal.waf.busyPage.function],
  },
  {
    ids: ['AwsSolutions-IAM5'],
    findings: (portal) => {
      const { account } = Stack.of(portal.waf);
      const group = `arn:aws:logs:*:${account}:log-group:/aws/lambda/us-east-1.${portal.waf.busyPage.functionName}`;
      return [group, `${group}:*`].map((resource) => `AwsSolutions-IAM5[Resource::${resource}]`);
    },
    reason:
      'Lambda@Edge writes its logs in the region of the edge that ran it: its own log group name (/aws/lambda/us-east-1.<name>), in any region.',
    on: (portal) => [portal.waf.busyPage.role.policy],
  },
  // API
  {
    ids: ['AwsSolutions-APIG4'],
    reason:
      "Public by design: the route table marks the route auth 'public' (anonymous tasks, the payment provider's signed webhooks, health); the WAF, its throttle and the function's own checks protect it.",
    on: (portal) => portal.app.api.publicRoutes,
  },
  {
    ids: ['AwsSolutions-APIG4'],
    reason:
      "Staff pages (credentials 'session'): the token is in an HttpOnly cookie, which the JWT authorizer never reads; the function checks it as the gateway would and makes the CSRF checks on every POST (decisions 60, 61).",
    on: (portal) => portal.app.api.sessionRoutes,
  },
  // Secrets
  {
    ids: ['AwsSolutions-SMG4', ...perPack('SecretsManagerRotationEnabled', NIST_HIPAA)],
    reason:
      "Rotated by the operator (docs/deploying.md): payment keys come from the provider's dashboard, the origin header must change in CloudFront and the functions at once; a new CSRF key only asks staff to reload a page; the survey key is kept (decision 100).",
    on: allSecrets,
  },
  // Sign-in through other identity providers (infra/constructs/federation.ts)
  {
    ids: ['AwsSolutions-APIG4'],
    reason:
      "The Login.gov proxy is called before anyone has a token: by Cognito (token, checked against the proxy's client secret) and by the browser on its way to Login.gov (authorize, a redirect); each route is throttled.",
    on: (portal) => portal.app.identity.federation.loginGovProxy?.routes ?? [],
  },
  {
    ids: ['AwsSolutions-SMG4', ...perPack('SecretsManagerRotationEnabled', NIST_HIPAA)],
    reason:
      "Rotated by the operator (docs/identity.md): the Login.gov key's certificate is registered in Login.gov's dashboard, and the proxy's client secret must change in Cognito and the proxy in one deployment.",
    on: (portal) => {
      const proxy = portal.app.identity.federation.loginGovProxy;
      return proxy ? [proxy.privateKey, proxy.clientSecret] : [];
    },
  },
  // Uploads (decision 0110)
  {
    ids: ['AwsSolutions-IAM5'],
    findings: (portal) => uploadsWildcards(portal, 'functions'),
    reason:
      "Files people attach are objects under a prefix: a function's grant names the bucket and the one prefix its route's `files` allows (drafts/ or files/), never the whole bucket.",
    on: (portal) => portalFunctions(portal).map((fn) => fn.role.policy),
  },
  {
    ids: ['AwsSolutions-IAM5'],
    findings: (portal) => uploadsWildcards(portal, 'scanner'),
    reason:
      "GuardDuty Malware Protection's role as AWS documents it: scan and tag the objects under drafts/, and manage only its own EventBridge rule (DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*).",
    on: (portal) => [portal.data.uploads.scannerRole.policy],
  },
  {
    ids: perPack('S3BucketReplicationEnabled', NIST_HIPAA_PCI),
    reason:
      "The uploads bucket is versioned and retained with the data stack; replicating citizens' files to another region is the agency's records decision (docs/deploying.md), not a default.",
    on: (portal) => [portal.data.uploads.bucket, portal.data.uploads.logBucket],
  },
  {
    ids: perPack('S3DefaultEncryptionKMS', NIST_HIPAA_PCI),
    reason:
      'S3 server access logs can only be delivered to a bucket encrypted with S3-managed keys (SSE-S3); the uploads log bucket is private and TLS-only.',
    on: (portal) => [portal.data.uploads.logBucket],
  },
  // Buckets
  {
    ids: perPack('S3BucketReplicationEnabled', NIST_HIPAA_PCI),
    reason:
      'The site bucket is rebuilt from the repository on every deployment, and access logs are kept a year in a versioned bucket; no data of record lives in S3.',
    on: (portal) => [portal.app.site.bucket, portal.app.logBucket],
  },
  {
    ids: perPack('S3DefaultEncryptionKMS', NIST_HIPAA_PCI),
    reason:
      'S3 server access logs and CloudFront standard logs can only be delivered to a bucket encrypted with S3-managed keys (SSE-S3); the bucket is private and TLS-only.',
    on: (portal) => [portal.app.logBucket],
  },
  // Alarm delivery
  {
    ids: ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy'],
    reason: 'This queue is itself the dead-letter queue of the alarm e-mail subscription.',
    on: (portal) => [portal.app.observability.alarms.undelivered, portal.waf.alarms.undelivered],
  },
  {
    ids: ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy'],
    reason:
      "This queue is itself the notifications' dead-letter queue (the stream's on-failure destination and the e-mail events rule's DLQ); an alarm goes off at its first message.",
    on: (portal) => [portal.app.notifier.deadLetters],
  },
  {
    ids: ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy'],
    reason:
      "This queue is itself the agency events' dead-letter queue (the stream's on-failure destination); an alarm goes off at its first message.",
    on: (portal) => [portal.app.agencyEvents.deadLetters],
  },
  // AWS services' own roles and functions
  {
    ids: ['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]'],
    reason: 'The AWS-maintained service role policy for AWS Backup; AWS keeps it in step with what Backup needs for DynamoDB.',
    on: (portal) => [portal.data.backup.plan],
  },
  {
    ids: ['AwsSolutions-L1', 'Serverless-LambdaLatestVersion', 'Serverless-LambdaTracing'],
    reason:
      "CDK's BucketDeployment function (runs only during `cdk deploy` to copy the site); its runtime is chosen by aws-cdk-lib and moves with it.",
    on: bucketDeploymentFunction,
  },
  {
    ids: ['AwsSolutions-IAM5'],
    findings: bucketDeploymentWildcards,
    reason:
      "Wildcards in the grants CDK makes for its BucketDeployment function (deploy time only): read the site's asset objects, write and prune the site bucket and use its key, clear CloudFront's cache.",
    on: (portal) => [portal.app.site.deploymentRole.policy],
  },
  // CloudFront
  {
    ids: ['AwsSolutions-CFR1'],
    reason: 'No geographic restriction: residents abroad (service members, students, travellers) must reach their government.',
    on: (portal) => [portal.app.site.distribution],
  },
  {
    ids: ['Annotation::@aws-cdk/aws-cloudfront-origins:wildcardKeyPolicyForOac'],
    reason:
      "The site key lets CloudFront decrypt only for this account's distributions (aws:SourceArn distribution/*): naming the one distribution would make key, bucket and distribution depend on each other.",
    on: (portal) => [portal.app],
  },
  {
    ids: ['AwsSolutions-CFR4', 'Annotation::@aws-cdk/aws-cloudfront:minimumProtocolVersionWithoutCertificate'],
    reason:
      'Only without agency.domain: the default *.cloudfront.net certificate fixes the viewer TLS policy; with a domain the distribution requires TLS 1.2 (TLSv1.2_2021).',
    on: (portal) => (portal.app.site.customDomain ? [] : [portal.app.site.distribution]),
  },
  // Sign-in
  {
    ids: ['AwsSolutions-COG2'],
    reason:
      'MFA is optional in the pool because people sign in through Login.gov, ID.me or their agency, which enforce their own MFA; Cognito accounts (administrators) can turn on TOTP.',
    on: (portal) => [portal.app.identity.userPool],
  },
];

export function acknowledgeRules(portal: Portal): void {
  for (const acknowledgement of ACKNOWLEDGEMENTS) {
    const ids = acknowledgement.findings?.(portal) ?? acknowledgement.ids;
    for (const construct of acknowledgement.on(portal))
      for (const id of ids) Validations.of(construct).acknowledge({ id, reason: acknowledgement.reason });
  }
}

/** Every rule the portal acknowledges, without the per-finding part (what docs/deploying.md must explain). */
export function acknowledgedRules(): string[] {
  return [...new Set(ACKNOWLEDGEMENTS.flatMap((a) => a.ids).map((id) => id.replace(/\[.*$/, '')))];
}
