/**
 * The uploads bucket and what reaches it (decisions 110, 114), in the synthesised templates: private, encrypted
 * with the data key, versioned, TLS only, CORS for the site's origin only, the lifecycle rules of drafts' files,
 * GuardDuty's malware protection plan on drafts/, and grants exactly as the route table's `files` asks. One synth
 * (rule packs on, functions not bundled); the same stack without a domain synthesised on its own for CORS.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnElement } from 'aws-cdk-lib/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAFT_TTL_DAYS } from '../../functions/domain/drafts.ts';
import { DRAFT_FILES_EXPIRE_DAYS, DRAFT_PREFIX, RELEASED_PREFIX } from '../../functions/domain/uploads.ts';
import { type Route, routes } from '../../functions/http/routes.ts';
import { uploadsBucketName, uploadsOrigin } from '../../infra/constructs/uploads-bucket.ts';
import { DataStack } from '../../infra/stacks/data-stack.ts';
import { CDK_CONTEXT, describeViolations, type SynthesisedPortal, synthPortal } from '../support/synth-portal.ts';

const ROUTES = routes as readonly Route[];
let synth: SynthesisedPortal;
let data: Template;
let app: Template;

beforeAll(() => {
  synth = synthPortal({ quiet: true });
  if (synth.error) throw new Error(`${synth.error.message}\n${describeViolations(synth.violations)}`);
  ({ data, app } = synth.templates);
}, 240_000);
afterAll(() => synth?.cleanup());

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation templates are untyped JSON; the assertions are the types.
type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };
const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
  Stack.of(construct as never).getLogicalId(construct.node.defaultChild as CfnElement);
const bucket = (): Resource => data.toJSON().Resources[logicalId(synth.portal.data.uploads.bucket)];
const NAME = uploadsBucketName('example', '111111111111', 'us-east-1');
const handlers = [...new Set(ROUTES.map((route) => route.handler))];

function s3StatementsOf(handler: string): { Action: string | string[]; Resource: unknown; Condition?: unknown }[] {
  const fn = synth.portal.app.api.functions.get(handler)!;
  // In its area's nested stack (decision 146).
  const statements = synth.templateOf(fn.role.policy).toJSON().Resources[logicalId(fn.role.policy)].Properties.PolicyDocument
    .Statement as {
    Action: string | string[];
    Resource: unknown;
    Condition?: unknown;
  }[];
  return statements.filter((statement) => [statement.Action].flat().some((action) => action.startsWith('s3:')));
}
const resourcesOf = (statements: { Resource: unknown }[]) =>
  statements.flatMap((statement) => [statement.Resource].flat()).map((resource) => JSON.stringify(resource));

describe('the uploads bucket', () => {
  it('is private, encrypted with the data key, versioned, retained, TLS only, and logs its requests', () => {
    const { Properties: props, DeletionPolicy } = bucket();
    expect(props.BucketName).toBe(NAME);
    expect(DeletionPolicy).toBe('Retain');
    expect(props.BucketEncryption.ServerSideEncryptionConfiguration[0]).toMatchObject({
      ServerSideEncryptionByDefault: {
        SSEAlgorithm: 'aws:kms',
        KMSMasterKeyID: { 'Fn::GetAtt': [logicalId(synth.portal.data.dataKey), 'Arn'] },
      },
      BucketKeyEnabled: true,
    });
    expect(props.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(props.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(props.OwnershipControls.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
    expect(props.LoggingConfiguration.DestinationBucketName).toEqual({ Ref: logicalId(synth.portal.data.uploads.logBucket) });
    const policy = Object.values(data.findResources('AWS::S3::BucketPolicy')).find(
      (candidate) =>
        JSON.stringify(candidate.Properties.Bucket) === JSON.stringify({ Ref: logicalId(synth.portal.data.uploads.bucket) }),
    );
    const statements = policy?.Properties.PolicyDocument.Statement as { Effect: string; Condition?: Record<string, unknown> }[];
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        expect.objectContaining({ Effect: 'Deny', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
      ]),
    );
  });

  it("lets only the site's own origin post files from a script", () => {
    expect(bucket().Properties.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({ AllowedOrigins: ['https://portal.example.gov'], AllowedMethods: ['POST'] }),
    ]);
  });

  it('has no CORS at all when the agency has no domain yet (pages then upload with a plain form post)', () => {
    // cdk.json's context: the same feature flags as a real synth (access logs by bucket policy, not ACLs).
    const stack = new DataStack(new App({ context: CDK_CONTEXT }), 'NoDomain', {
      env: { account: '111111111111', region: 'us-east-1' },
      namePrefix: 'x',
    });
    const [only] = Object.values(Template.fromStack(stack).findResources('AWS::S3::Bucket')).filter(
      (candidate) => candidate.Properties.BucketName === uploadsBucketName('x', '111111111111', 'us-east-1'),
    );
    expect(only?.Properties.CorsConfiguration).toBeUndefined();
  });

  it("deletes drafts' files with the draft, removed files' old versions after a day, and keeps sent forms' files", () => {
    const rules = bucket().Properties.LifecycleConfiguration.Rules as Record<string, unknown>[];
    const drafts = rules.find((rule) => rule.Prefix === DRAFT_PREFIX);
    expect(drafts).toMatchObject({ Status: 'Enabled', ExpirationInDays: DRAFT_FILES_EXPIRE_DAYS });
    // Never before the draft itself could still be sent.
    expect(DRAFT_FILES_EXPIRE_DAYS).toBeGreaterThan(DRAFT_TTL_DAYS);
    expect(rules.find((rule) => rule.Id === 'removed-versions')).toMatchObject({
      NoncurrentVersionExpiration: { NoncurrentDays: 1 },
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
    });
    const expiring = rules.filter((rule) => rule.ExpirationInDays !== undefined);
    expect(expiring.map((rule) => rule.Prefix)).toEqual([DRAFT_PREFIX]);
  });
});

describe('the malware protection plan', () => {
  it('scans every new file under drafts/ and tags it, with a role only GuardDuty Malware Protection assumes', () => {
    const [plan] = Object.values(data.findResources('AWS::GuardDuty::MalwareProtectionPlan'));
    expect(plan?.Properties).toMatchObject({
      ProtectedResource: {
        S3Bucket: { BucketName: { Ref: logicalId(synth.portal.data.uploads.bucket) }, ObjectPrefixes: [DRAFT_PREFIX] },
      },
      Actions: { Tagging: { Status: 'ENABLED' } },
      Role: { 'Fn::GetAtt': [logicalId(synth.portal.data.uploads.scannerRole as never), 'Arn'] },
    });
    const role = data.toJSON().Resources[logicalId(synth.portal.data.uploads.scannerRole as never)];
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      expect.objectContaining({ Principal: { Service: 'malware-protection-plan.guardduty.amazonaws.com' } }),
    ]);
    const statements = data.toJSON().Resources[logicalId(synth.portal.data.uploads.scannerRole.policy)].Properties.PolicyDocument
      .Statement as { Action: string | string[]; Resource: unknown }[];
    const tagging = statements.find((statement) => [statement.Action].flat().includes('s3:PutObjectTagging'));
    expect(JSON.stringify(tagging?.Resource)).toContain(`${NAME}/${DRAFT_PREFIX}*`);
  });
});

describe('who may touch files', () => {
  it('grants each function exactly what its routes name in `files`, on its prefixes only, and tells only them the bucket', () => {
    for (const handler of handlers) {
      const access = new Set(ROUTES.filter((route) => route.handler === handler).flatMap((route) => route.files ?? []));
      const statements = s3StatementsOf(handler);
      const actions = statements.flatMap((statement) => [statement.Action].flat()).sort();
      const resources = resourcesOf(statements).join(' ');
      const fn = synth.portal.app.api.functions.get(handler)!.function;
      const env = synth.templateOf(fn).toJSON().Resources[logicalId(fn)].Properties.Environment.Variables;
      if (access.size === 0) {
        expect(actions, handler).toEqual([]);
        expect(env.UPLOADS_BUCKET, handler).toBeUndefined();
        continue;
      }
      expect(env.UPLOADS_BUCKET, handler).toBe(NAME);
      const drafts = access.has('drafts') || access.has('release');
      expect(resources.includes(`${NAME}/${DRAFT_PREFIX}*`), handler).toBe(drafts);
      expect(resources.includes(`${NAME}/${RELEASED_PREFIX}*`), handler).toBe(access.has('release') || access.has('open'));
      if (access.has('open') && !drafts) expect([...new Set(actions)], handler).toEqual(['s3:GetObject', 's3:GetObjectTagging']);
      // Listing is limited to drafts/; nothing may delete a sent form's file.
      for (const statement of statements) {
        const listed = [statement.Action].flat().includes('s3:ListBucket');
        if (listed) expect(statement.Condition, handler).toEqual({ StringLike: { 's3:prefix': [`${DRAFT_PREFIX}*`] } });
        if ([statement.Action].flat().includes('s3:DeleteObject'))
          expect(resourcesOf([statement]).join(' '), handler).not.toContain(RELEASED_PREFIX);
      }
    }
    // The staff link reads sent files only: it cannot sign a link to a file still in a draft.
    expect(resourcesOf(s3StatementsOf('open-case-file')).join(' ')).not.toContain(DRAFT_PREFIX);
  });

  it("lets the site's pages post to the bucket and its script send files there, and nowhere else new", () => {
    const [policy] = Object.values(app.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const csp = JSON.stringify(policy?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy);
    const origin = uploadsOrigin(NAME, 'us-east-1');
    expect(csp).toMatch(new RegExp(`form-action [^;]*${origin.replaceAll('.', '\\.')}`));
    expect(csp).toMatch(new RegExp(`connect-src 'self' ${origin.replaceAll('.', '\\.')}`));
  });
});
