/**
 * The busy page in the synthesised templates (decision 0129): a Lambda@Edge function in the us-east-1 stack, on the
 * origin response of /api/* only, for an agency outside us-east-1 (the version's ARN then crosses regions). One
 * synth, rule packs on, functions not bundled (the busy page is one file, staged as it is).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackLimitProblems } from '../support/stack-limits.ts';
import { describeViolations, type SynthesisedPortal, synthPortal } from '../support/synth-portal.ts';

let synth: SynthesisedPortal;
let app: Template;
let waf: Template;

beforeAll(() => {
  synth = synthPortal({ config: { aws: { account: '222222222222', region: 'us-west-2' } }, quiet: true });
  if (synth.error) throw new Error(`${synth.error.message}\n${describeViolations(synth.violations)}`);
  ({ app, waf } = synth.templates);
}, 360_000);
afterAll(() => synth?.cleanup());

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation templates are untyped JSON; the assertions are the types.
type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; DependsOn?: string[] };
const resources = (template: Template, type: string) => template.findResources(type) as Record<string, Resource>;
const distribution = () => Object.values(resources(app, 'AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;

describe('the busy page (Lambda@Edge)', () => {
  it('is one function in the us-east-1 stack, as Lambda@Edge requires, and none in the app stack', () => {
    expect(synth.portal.waf.region).toBe('us-east-1');
    const edge = Object.values(resources(waf, 'AWS::Lambda::Function'));
    expect(edge).toHaveLength(1);
    expect(edge[0]!.Properties).toMatchObject({
      FunctionName: 'example-front-door-busy-page',
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
      MemorySize: 128,
      Timeout: 5,
    });
    // Lambda@Edge takes no environment, no arm64, no layers, no VPC, no dead-letter queue.
    for (const absent of ['Environment', 'Layers', 'VpcConfig', 'DeadLetterConfig', 'TracingConfig'])
      expect(edge[0]!.Properties[absent], absent).toBeUndefined();
    expect(edge[0]!.Properties.Architectures ?? ['x86_64']).toEqual(['x86_64']);
    const busy = synth.portal.waf.busyPage;
    expect(Object.keys(resources(app, 'AWS::Lambda::Function'))).not.toContain(busy.function.node.id);
  });

  it('ships index.mjs alone: nothing else is in its folder', () => {
    const [fn] = Object.values(resources(waf, 'AWS::Lambda::Function'));
    const key = fn!.Properties.Code.S3Key as string;
    expect(readdirSync(join(synth.outdir, `asset.${key.replace(/\.zip$/, '')}`))).toEqual(['index.mjs']);
  });

  it('has a role Lambda and its edge replication may both take, writing only its own log groups', () => {
    const [role] = Object.values(resources(waf, 'AWS::IAM::Role')).filter((r) =>
      JSON.stringify(r.Properties.AssumeRolePolicyDocument).includes('edgelambda.amazonaws.com'),
    );
    const principals = role!.Properties.AssumeRolePolicyDocument.Statement.flatMap(
      (s: { Principal: { Service: string | string[] } }) => [s.Principal.Service].flat(),
    );
    expect(principals.sort()).toEqual(['edgelambda.amazonaws.com', 'lambda.amazonaws.com']);
    const policy = Object.values(resources(waf, 'AWS::IAM::ManagedPolicy')).find((p) =>
      JSON.stringify(p.Properties).includes('busy-page'),
    );
    const statements = policy!.Properties.PolicyDocument.Statement as { Action: string[]; Resource: unknown[] }[];
    expect(statements.flatMap((s) => s.Action).sort()).toEqual([
      'logs:CreateLogGroup',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
    ]);
    for (const resource of statements.flatMap((s) => s.Resource))
      expect(JSON.stringify(resource)).toMatch(
        /:logs:\*:222222222222:log-group:\/aws\/lambda\/us-east-1\.example-front-door-busy-page(:\*)?"/,
      );
  });

  it('keeps its us-east-1 log group a year under the firewall stack key', () => {
    const groups = Object.values(resources(waf, 'AWS::Logs::LogGroup')).filter(
      (g) => g.Properties.LogGroupName && JSON.stringify(g.Properties.LogGroupName).includes('/aws/lambda/'),
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]!.Properties).toMatchObject({ RetentionInDays: 365, KmsKeyId: expect.anything() });
  });

  it('is published as a numbered version that is kept (CloudFront runs versions; replicas outlive the stack update)', () => {
    const versions = Object.values(resources(waf, 'AWS::Lambda::Version'));
    expect(versions).toHaveLength(1);
    expect(versions[0]!.DeletionPolicy).toBe('Retain');
  });

  it('runs on the origin response of /api/* only, reading the version from the us-east-1 stack', () => {
    const config = distribution();
    const api = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
    expect(api.LambdaFunctionAssociations).toEqual([
      {
        EventType: 'origin-response',
        LambdaFunctionARN: {
          'Fn::GetStackOutput': expect.objectContaining({ StackName: 'Example-FrontDoor-Waf', Region: 'us-east-1' }),
        },
      },
    ]);
    // The site's own pages and files never pass through it.
    expect(config.DefaultCacheBehavior.LambdaFunctionAssociations).toBeUndefined();
    for (const behavior of config.CacheBehaviors.filter((b: { PathPattern: string }) => b.PathPattern !== '/api/*'))
      expect(behavior.LambdaFunctionAssociations, behavior.PathPattern).toBeUndefined();
  });

  it("keeps every stack within CloudFormation's limits, with cdk synth's margin (nested stacks included)", () => {
    expect(stackLimitProblems(synth.stacks)).toEqual([]);
  });
});
