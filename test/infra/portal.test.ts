/**
 * The synthesised templates, for an agency outside us-east-1 and without its own domain yet (the WAF then
 * crosses regions, the site is on *.cloudfront.net). One synth, functions really bundled.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type NestedStack, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnElement } from 'aws-cdk-lib/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/src/load.ts';
import {
  QUEUE_INDEX,
  QUEUE_INDEX_ATTRIBUTES,
  QUEUE_KEYS_INDEX,
  tableDefinition,
} from '../../functions/adapters/table-definition.ts';
import { PAYMENT_ALARMS } from '../../functions/domain/payment-alarms.ts';
import { ORIGIN_VERIFY_HEADER } from '../../functions/http/origin-header.ts';
import { gatewayAuthorizes, type Route, routes } from '../../functions/http/routes.ts';
import { PDF_FONT_FILES, SHIPPED_FONTS_DIR } from '../../functions/shared/pdf-fonts.ts';
import { CHUNKS_DIR } from '../../infra/bundling/split-bundle.ts';
import { secretEnvName, TABLE_ACTIONS } from '../../infra/constructs/portal-api.ts';
import { DEFAULT_THROTTLES, routeKey } from '../../infra/constructs/route-throttling.ts';
import { uploadsBucketName, uploadsOrigin } from '../../infra/constructs/uploads-bucket.ts';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../web/security-headers.ts';
import { stackLimitProblems } from '../support/stack-limits.ts';
import { asParentPasses, describeViolations, type SynthesisedPortal, synthPortal } from '../support/synth-portal.ts';

const ROUTES = routes as readonly Route[];
const OVERRIDDEN = ROUTES.find((r) => r.method === 'POST')!;
const SMS_NUMBER = 'arn:aws:sms-voice:us-west-2:222222222222:phone-number/phone-0123456789abcdef0123456789abcdef';
const CONNECT_INSTANCE = 'arn:aws:connect:us-west-2:222222222222:instance/12345678-1234-1234-1234-123456789012';
const GENESYS_BUS = 'aws.partner/genesys.com/cloud/org-1/front-door';
const CONFIG = {
  agency: { name: 'State of West', shortName: 'West' },
  aws: { account: '222222222222', region: 'us-west-2' },
  alarmEmail: 'ops@west.example.gov',
  // Not the default (2555): the functions must get the agency's own figure.
  audit: { retentionDays: 3650 },
  throttling: { [routeKey(OVERRIDDEN)]: { rateLimit: 5000, burstLimit: 9000 } },
  notifications: { sms: { originationIdentity: SMS_NUMBER } },
  contactCentres: {
    amazonConnect: { [CONNECT_INSTANCE]: 'revenue' },
    genesysCloud: { eventBusName: GENESYS_BUS, organizations: { 'org-1': 'labor' } },
  },
};
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

let synth: SynthesisedPortal;
let app: Template;
let data: Template;
let waf: Template;

// Bundling every function (about 40, each split as infra splits it) is most of this synth: allow it the time it
// takes on a loaded 2-core machine rather than the suite's default 120 s for a hook.
beforeAll(() => {
  synth = synthPortal({ config: CONFIG, bundle: true });
  if (synth.error) throw new Error(`${synth.error.message}\n${describeViolations(synth.violations)}`);
  ({ app, data, waf } = synth.templates);
}, 360_000);
afterAll(() => synth?.cleanup());

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation templates are untyped JSON; the assertions are the types.
type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
const resources = (template: Template, type: string) => Object.values(template.findResources(type)) as Resource[];
/** In every stack, the nested ones (the route functions', the function alarms') included. */
const everywhere = (type: string) => synth.stacks.flatMap(({ template }) => resources(template, type));
const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
  Stack.of(construct as never).getLogicalId(construct.node.defaultChild as CfnElement);
const handlers = [...new Set(ROUTES.map((route) => route.handler))];
const routesOf = (handler: string) => ROUTES.filter((route) => route.handler === handler);

function functionOf(handler: string): Resource {
  const fn = synth.portal.app.api.functions.get(handler);
  if (!fn) throw new Error(`no function for ${handler}`);
  // In its area's nested stack (decision 146).
  return synth.templateOf(fn.function).toJSON().Resources[logicalId(fn.function)];
}
/** The folder a function's bundle was staged in (what its zip holds). */
function assetDirOf(handler: string): string {
  const key = functionOf(handler).Properties.Code.S3Key as string;
  return join(synth.outdir, `asset.${key.replace(/\.zip$/, '')}`);
}
function policyOf(handler: string): { Action: string | string[]; Resource: unknown; Condition?: unknown }[] {
  const fn = synth.portal.app.api.functions.get(handler)!;
  return synth.templateOf(fn.role.policy).toJSON().Resources[logicalId(fn.role.policy)].Properties.PolicyDocument.Statement;
}
const actionsOf = (handler: string) => policyOf(handler).flatMap((s) => [s.Action].flat());
/** The portal's HTTP API (other parts, e.g. the Login.gov proxy, have their own). */
const ofPortalApi = (resource: Resource) => resource.Properties.ApiId?.Ref === logicalId(synth.portal.app.api.httpApi);
const apiRoutes = () => resources(app, 'AWS::ApiGatewayV2::Route').filter(ofPortalApi);

describe('data stack', () => {
  it('keeps the table: retained, deletion-protected, point-in-time recovery, customer key, on demand', () => {
    const [table] = resources(data, 'AWS::DynamoDB::Table');
    expect(table?.DeletionPolicy).toBe('Retain');
    expect(table?.UpdateReplacePolicy).toBe('Retain');
    expect(table?.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      DeletionProtectionEnabled: true,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: expect.anything() },
      TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
    });
  });

  it('builds keys and indexes from the shared table definition', () => {
    const [table] = resources(data, 'AWS::DynamoDB::Table');
    expect(table?.Properties.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey.name, KeyType: 'RANGE' },
    ]);
    expect(table?.Properties.GlobalSecondaryIndexes.map((index: { IndexName: string }) => index.IndexName)).toEqual(
      tableDefinition.globalSecondaryIndexes.map((index) => index.indexName),
    );
  });

  it('gives the queue keys index (the parts page, decision 0127) only the keys, the service and the assignee', () => {
    const [table] = resources(data, 'AWS::DynamoDB::Table');
    const indexes = table?.Properties.GlobalSecondaryIndexes as {
      IndexName: string;
      KeySchema: { AttributeName: string; KeyType: string }[];
      Projection: { ProjectionType: string; NonKeyAttributes?: string[] };
    }[];
    const keys = indexes.find((index) => index.IndexName === QUEUE_KEYS_INDEX);
    expect(keys?.KeySchema).toEqual([
      { AttributeName: 'gsi1pk', KeyType: 'HASH' },
      { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
    ]);
    expect(keys?.Projection).toEqual({ ProjectionType: 'INCLUDE', NonKeyAttributes: ['serviceId', 'assignedTo'] });
    // The queue index copies only the queue's columns (decision 0140): no index copies whole cases by queue key.
    expect(indexes.find((index) => index.IndexName === QUEUE_INDEX)?.Projection).toEqual({
      ProjectionType: 'INCLUDE',
      NonKeyAttributes: QUEUE_INDEX_ATTRIBUTES,
    });
    expect(
      indexes.filter((index) => index.KeySchema[0]?.AttributeName === 'gsi1pk').map((index) => index.Projection.ProjectionType),
    ).toEqual(['INCLUDE', 'INCLUDE']);
  });

  it('backs the table up with AWS Backup into a retained vault encrypted with the data key', () => {
    data.resourceCountIs('AWS::Backup::BackupPlan', 1);
    data.hasResource('AWS::Backup::BackupVault', {
      DeletionPolicy: 'Retain',
      Properties: { EncryptionKeyArn: Match.anyValue() },
    });
    data.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: { Resources: Match.arrayWith([{ 'Fn::GetAtt': [Match.stringLikeRegexp('Table'), 'Arn'] }]) },
    });
    expect(synth.portal.data.terminationProtection).toBe(true);
  });
});

describe('encryption and retention everywhere', () => {
  it('rotates every customer-managed key and keeps it when a stack goes', () => {
    const keys = everywhere('AWS::KMS::Key');
    expect(keys.length).toBeGreaterThanOrEqual(5);
    for (const key of keys) expect(key.Properties.EnableKeyRotation).toBe(true);
  });

  it('encrypts every log group with a customer key and keeps it a year', () => {
    const groups = everywhere('AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThan(handlers.length);
    for (const group of groups) {
      expect(group.Properties.KmsKeyId).toBeDefined();
      expect(group.Properties.RetentionInDays).toBe(365);
    }
  });

  it('has no public bucket: all public access blocked, TLS required, encrypted', () => {
    const buckets = everywhere('AWS::S3::Bucket');
    // The site and its logs; the uploads bucket and its logs (test/infra/uploads.test.ts).
    expect(buckets.length).toBe(4);
    for (const bucket of buckets) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.BucketEncryption).toBeDefined();
    }
    const site = app.toJSON().Resources[logicalId(synth.portal.app.site.bucket)];
    expect(site.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe(
      'aws:kms',
    );
    for (const policy of everywhere('AWS::S3::BucketPolicy')) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
      for (const statement of policy.Properties.PolicyDocument.Statement) expect(statement.Principal).not.toBe('*');
    }
  });

  it('encrypts the secrets and the alarm topics with customer keys, and holds no secret value in the template', () => {
    for (const secret of everywhere('AWS::SecretsManager::Secret')) {
      expect(secret.Properties.KmsKeyId).toBeDefined();
      expect(secret.Properties.SecretString).toBeUndefined();
    }
    for (const topic of everywhere('AWS::SNS::Topic')) expect(topic.Properties.KmsMasterKeyId).toBeDefined();
  });
});

describe('API: one route per route-table entry, one function per handler', () => {
  it('creates exactly the routes of the route table', () => {
    const keys = apiRoutes()
      .map((r) => r.Properties.RouteKey)
      .sort();
    expect(keys).toEqual(ROUTES.map(routeKey).sort());
    expect(synth.portal.app.api.functions.size).toBe(handlers.length);
  });

  it('keeps the API, its stage, authorizer, routes and integrations in the app stack at the logical IDs a live portal has', () => {
    // A new logical ID is a new resource: a second API, or a route whose key the API already has (the deploy fails).
    const api = synth.portal.app.api;
    expect({
      api: logicalId(api.httpApi),
      stage: logicalId(api.stage),
      pool: logicalId(synth.portal.app.identity.userPool),
      distribution: logicalId(synth.portal.app.site.distribution),
      table: logicalId(synth.portal.data.table),
    }).toEqual({
      api: 'ApiHttpApi4C294DC0',
      stage: 'ApiStage4697DF29',
      pool: 'IdentityUserPool96FE3B9B',
      distribution: 'SiteDistribution390DED28',
      table: 'SubmissionsTable97385532',
    });
    app.hasResource('AWS::ApiGatewayV2::Authorizer', { Properties: Match.objectLike({ ApiId: { Ref: 'ApiHttpApi4C294DC0' } }) });
    for (const route of api.routes) expect(Stack.of(route), route.node.path).toBe(synth.portal.app);
    const first = ROUTES[0]!;
    expect(logicalId(api.routes[0]!), routeKey(first)).toBe('ApiRoutePOSTapiformsformIdsubmissions201F73AE');
    expect(Object.keys(app.findResources('AWS::ApiGatewayV2::Integration'))).toContain(
      'ApiRoutePOSTapiformsformIdsubmissionsSubmitFormIntegrationA4F39683',
    );
  });

  it("sends each route to its handler's function, in the nested stack of the function's area", () => {
    const integrations = app.toJSON().Resources as Record<string, Resource>;
    const byKey = new Map(apiRoutes().map((r) => [r.Properties.RouteKey, r.Properties]));
    for (const route of ROUTES) {
      const fn = synth.portal.app.api.functions.get(route.handler)!.function;
      const target = byKey.get(routeKey(route))?.Target['Fn::Join'][1][1].Ref as string;
      const [nested, output] = integrations[target]!.Properties.IntegrationUri['Fn::GetAtt'] as [string, string];
      const stack = Stack.of(fn) as NestedStack;
      expect(nested, routeKey(route)).toBe(synth.portal.app.getLogicalId(stack.nestedStackResource as CfnElement));
      expect(synth.templateOf(fn).toJSON().Outputs[output.replace(/^Outputs\./, '')].Value, routeKey(route)).toEqual({
        'Fn::GetAtt': [logicalId(fn), 'Arn'],
      });
    }
  });

  it("lets API Gateway invoke each function through this API only: one permission, beside the function, naming its routes' paths", () => {
    for (const handler of handlers) {
      const fn = synth.portal.app.api.functions.get(handler)!.function;
      const permissions = resources(synth.templateOf(fn), 'AWS::Lambda::Permission').filter(
        (p) => p.Properties.FunctionName['Fn::GetAtt']?.[0] === logicalId(fn),
      );
      expect(permissions, handler).toHaveLength(1);
      const { Principal, Action, SourceArn } = permissions[0]!.Properties;
      expect({ Principal, Action }).toEqual({ Principal: 'apigateway.amazonaws.com', Action: 'lambda:InvokeFunction' });
      const passed = asParentPasses(synth, fn, SourceArn) as { 'Fn::Join': [string, [string, unknown, string]] };
      const [, [prefix, api, pattern]] = passed['Fn::Join'];
      expect(prefix).toBe('arn:aws:execute-api:us-west-2:222222222222:');
      expect(api).toEqual({ Ref: logicalId(synth.portal.app.api.httpApi) });
      expect(pattern, handler).toMatch(/^\/\*\/\*\/api\//);
      // ArnLike: `*` matches anything, `/` included. API Gateway invokes with the route's path as written.
      const glob = new RegExp(`^${pattern.replaceAll(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);
      for (const route of routesOf(handler)) expect(`/$default/${route.method}${route.path}`, routeKey(route)).toMatch(glob);
    }
    // None per route in the app stack any more (HttpLambdaIntegration's): the app stack does not grow by one a route.
    const perRoute = resources(app, 'AWS::Lambda::Permission').filter(
      (p) => p.Properties.Principal === 'apigateway.amazonaws.com',
    );
    expect(
      perRoute.filter((p) => JSON.stringify(p.Properties.SourceArn).includes(logicalId(synth.portal.app.api.httpApi))),
    ).toEqual([]);
  });

  it("puts the Cognito JWT authorizer and the route's scopes on every Bearer route, nothing on public or session ones", () => {
    const byKey = new Map(apiRoutes().map((r) => [r.Properties.RouteKey, r.Properties]));
    const [authorizer] = resources(app, 'AWS::ApiGatewayV2::Authorizer').filter(ofPortalApi);
    expect(authorizer?.Properties).toMatchObject({ AuthorizerType: 'JWT', JwtConfiguration: { Issuer: expect.anything() } });
    for (const route of ROUTES) {
      const properties = byKey.get(routeKey(route));
      if (!gatewayAuthorizes(route)) {
        expect(properties?.AuthorizationType ?? 'NONE', routeKey(route)).toBe('NONE');
        expect(properties?.AuthorizerId, routeKey(route)).toBeUndefined();
      } else {
        expect(properties?.AuthorizationType, routeKey(route)).toBe('JWT');
        expect(properties?.AuthorizerId, routeKey(route)).toBeDefined();
      }
      // People's routes need `openid` (access tokens only: an ID token is refused), machine routes their own scope.
      if (!gatewayAuthorizes(route)) expect(properties?.AuthorizationScopes).toBeUndefined();
      else if (route.auth.startsWith('machine:'))
        expect(properties?.AuthorizationScopes).toEqual([`frontdoor/${route.auth.slice('machine:'.length)}`]);
      else expect(properties?.AuthorizationScopes, routeKey(route)).toEqual(['openid']);
    }
  });

  it('runs every function on Node 24, arm64, traced, with JSON logs, source maps and the shared settings', () => {
    for (const handler of handlers) {
      const { Properties } = functionOf(handler);
      expect(Properties, handler).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: expect.anything() },
        KmsKeyArn: expect.anything(),
      });
      const env = Properties.Environment.Variables;
      expect(env.NODE_OPTIONS).toBe('--enable-source-maps');
      expect(env.PAYMENT_PROVIDER).toBe('stripe');
      expect(env.TABLE_NAME).toBeDefined();
      expect(env.DYNAMODB_ENDPOINT).toBeUndefined();
      expect(JSON.stringify(env.ORIGIN_VERIFY_SECRET)).toContain('{{resolve:secretsmanager:');
    }
  });

  it("tells every function the portal's public origin (here the distribution's address), so no return address comes from a request's Host", () => {
    const distribution = logicalId(synth.portal.app.site.distribution);
    for (const handler of handlers) {
      const fn = synth.portal.app.api.functions.get(handler)!.function;
      // The function's nested stack takes the distribution's address from the app stack as a parameter.
      expect(asParentPasses(synth, fn, functionOf(handler).Properties.Environment.Variables.PORTAL_ORIGIN), handler).toEqual({
        'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }]],
      });
    }
  });

  it('grants each function exactly the table access its routes ask for, never Scan', () => {
    for (const handler of handlers) {
      const wanted = routesOf(handler).some((r) => r.tableAccess === 'read-write')
        ? 'read-write'
        : routesOf(handler).some((r) => r.tableAccess === 'read')
          ? 'read'
          : 'none';
      const dynamo = actionsOf(handler).filter((a) => a.startsWith('dynamodb:'));
      if (wanted === 'none') expect(dynamo, handler).toEqual([]);
      else
        expect(dynamo.sort(), handler).toEqual(
          [...TABLE_ACTIONS.read, ...(wanted === 'read-write' ? TABLE_ACTIONS.write : [])].sort(),
        );
      expect(dynamo).not.toContain('dynamodb:Scan');
    }
  });

  it('lets only the functions whose routes name a secret read it, and tells them where it is', () => {
    for (const handler of handlers) {
      const named = new Set(routesOf(handler).flatMap((r) => r.secrets ?? []));
      const env = functionOf(handler).Properties.Environment.Variables;
      const reads = policyOf(handler).filter((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue'));
      // One secret per name (CDK may merge the statements of a function that reads two).
      expect(reads.flatMap((s) => [s.Resource].flat()).length, handler).toBe(named.size);
      for (const name of ['payment-provider', 'staff-session'] as const)
        expect(env[secretEnvName(name)] !== undefined, handler).toBe(named.has(name));
    }
  });

  it('has no wildcard action ("*" or "service:*") in any policy', () => {
    const documents = [
      ...everywhere('AWS::IAM::ManagedPolicy').map((p) => p.Properties.PolicyDocument),
      ...everywhere('AWS::IAM::Policy').map((p) => p.Properties.PolicyDocument),
      ...everywhere('AWS::IAM::Role').flatMap((r) =>
        (r.Properties.Policies ?? []).map((p: { PolicyDocument: unknown }) => p.PolicyDocument),
      ),
    ];
    expect(documents.length).toBeGreaterThan(handlers.length);
    for (const document of documents)
      for (const statement of document.Statement)
        for (const action of [statement.Action].flat()) {
          expect(action).not.toBe('*');
          expect(action).not.toMatch(/^[a-z0-9-]+:\*$/);
        }
  });

  it('throttles every route explicitly, with the agency override applied', () => {
    const [stage] = resources(app, 'AWS::ApiGatewayV2::Stage').filter(ofPortalApi);
    const settings = stage?.Properties.RouteSettings;
    expect(Object.keys(settings).sort()).toEqual(ROUTES.map(routeKey).sort());
    for (const route of ROUTES) {
      const expected =
        route === OVERRIDDEN
          ? { ThrottlingRateLimit: 5000, ThrottlingBurstLimit: 9000 }
          : route.throttle
            ? { ThrottlingRateLimit: route.throttle.rateLimit, ThrottlingBurstLimit: route.throttle.burstLimit }
            : route.method === 'GET'
              ? { ThrottlingRateLimit: DEFAULT_THROTTLES.read.rateLimit, ThrottlingBurstLimit: DEFAULT_THROTTLES.read.burstLimit }
              : {
                  ThrottlingRateLimit: DEFAULT_THROTTLES.write.rateLimit,
                  ThrottlingBurstLimit: DEFAULT_THROTTLES.write.burstLimit,
                };
      expect(settings[routeKey(route)], routeKey(route)).toMatchObject(expected);
    }
    expect(stage?.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: expect.anything() });
  });

  // The workspace's routes of issue #10, each named: what its function may do and how often it may be called.
  const WORKSPACE: [
    handler: string,
    table: 'read' | 'read-write',
    secrets: string[],
    throttle: 'read' | 'write' | Route['throttle'],
  ][] = [
    // The staff pages' CSRF key too: the export and the activity page are also answered on the cookie's page routes.
    ['export-agency-queue', 'read-write', ['staff-session'], { rateLimit: 5, burstLimit: 10 }],
    ['show-staff-activity', 'read', ['staff-session'], 'read'],
    ['withdraw-submission', 'read-write', [], 'write'],
    ['refund-payment', 'read-write', ['payment-provider'], 'write'],
  ];
  for (const [handler, table, secrets, throttle] of WORKSPACE)
    it(`gives ${handler} exactly ${table} on the table, ${secrets.length ? secrets.join(', ') : 'no secret'}, and its throttle`, () => {
      const dynamo = actionsOf(handler)
        .filter((a) => a.startsWith('dynamodb:'))
        .sort();
      expect(dynamo).toEqual([...TABLE_ACTIONS.read, ...(table === 'read-write' ? TABLE_ACTIONS.write : [])].sort());
      const reads = policyOf(handler).filter((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue'));
      expect(reads).toHaveLength(secrets.length);
      const env = functionOf(handler).Properties.Environment.Variables;
      expect(env[secretEnvName('payment-provider')] !== undefined).toBe(secrets.includes('payment-provider'));
      const [stage] = resources(app, 'AWS::ApiGatewayV2::Stage').filter(ofPortalApi);
      const wanted = typeof throttle === 'string' ? DEFAULT_THROTTLES[throttle] : throttle;
      for (const route of routesOf(handler))
        expect(stage?.Properties.RouteSettings[routeKey(route)], routeKey(route)).toMatchObject({
          ThrottlingRateLimit: wanted?.rateLimit,
          ThrottlingBurstLimit: wanted?.burstLimit,
        });
    });

  it('tells every function how long audit entries are kept, from agency.config.json (the TTL the entries carry)', () => {
    for (const handler of handlers)
      expect(functionOf(handler).Properties.Environment.Variables.AUDIT_RETENTION_DAYS, handler).toBe('3650');
  });

  it('writes structured JSON access logs to an encrypted log group', () => {
    const [stage] = resources(app, 'AWS::ApiGatewayV2::Stage').filter(ofPortalApi);
    const format = JSON.parse(stage?.Properties.AccessLogSettings.Format);
    expect(format).toMatchObject({ requestId: '$context.requestId', routeKey: '$context.routeKey', status: '$context.status' });
  });

  it('ships the per-form modules beside the bundles that load forms, and only there', () => {
    const catalog = loadCatalog();
    // Each form's current version, and every older published version (decision 0085: its drafts still validate).
    const formModules = [...catalog.forms.values()].flatMap((form) => [
      `${form.id}.js`,
      ...Array.from({ length: (form.version ?? 1) - 1 }, (_, i) => `${form.id}@${i + 1}.js`),
    ]);
    expect(formModules).toContain('birth-certificate-request@1.js');
    for (const handler of ['submit-form', 'get-health']) {
      const dir = assetDirOf(handler);
      expect(existsSync(join(dir, 'index.mjs')), handler).toBe(true);
      expect(existsSync(join(dir, 'index.mjs.map')), handler).toBe(true);
      const shipped = existsSync(join(dir, 'generated/forms')) ? readdirSync(join(dir, 'generated/forms')) : [];
      expect(shipped.sort(), handler).toEqual(handler === 'submit-form' ? formModules.sort() : []);
      expect(existsSync(join(dir, 'index.meta.json'))).toBe(false);
    }
    expect(functionOf('submit-form').Properties.Environment.Variables.FORMS_DIR).toBe('/var/task/generated/forms');
    // The agencies' own PDFs (catalog/pdf-forms/) go only to the function that fills them in.
    const pdfs = readdirSync(join(assetDirOf('download-submission-pdf'), 'generated/forms')).filter((n) => n.endsWith('.pdf'));
    expect(pdfs).toEqual(['change-of-address-request.pdf']);
    // So do the fonts the PDF of a submission embeds (decision 0132), where PDF_FONTS_DIR points.
    const fontsOf = (handler: string) => {
      const fonts = join(assetDirOf(handler), SHIPPED_FONTS_DIR);
      return existsSync(fonts) ? readdirSync(fonts).sort() : [];
    };
    expect(fontsOf('download-submission-pdf')).toEqual(Object.values(PDF_FONT_FILES).sort());
    expect(fontsOf('submit-form')).toEqual([]);
    expect(functionOf('download-submission-pdf').Properties.Environment.Variables.PDF_FONTS_DIR).toBe(
      `/var/task/${SHIPPED_FONTS_DIR}`,
    );
  });

  it('splits each bundle so the Stripe SDK is a chunk a payment function reads only on first use', () => {
    const dir = assetDirOf('start-payment');
    const entry = readFileSync(join(dir, 'index.mjs'), 'utf8');
    const chunks = readdirSync(join(dir, CHUNKS_DIR));
    const stripe = chunks.filter(
      (name) => name.endsWith('.mjs') && readFileSync(join(dir, CHUNKS_DIR, name), 'utf8').includes('api.stripe.com'),
    );
    expect(stripe).toHaveLength(1);
    expect(entry).not.toContain('api.stripe.com');
    expect(entry).toMatch(new RegExp(`import\\(["']\\./${CHUNKS_DIR}/`));
  });
});

describe('site and CloudFront', () => {
  const distribution = () => resources(app, 'AWS::CloudFront::Distribution')[0]!.Properties.DistributionConfig;
  const apiBehavior = () => distribution().CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');

  it('sends exactly the headers of web/security-headers.ts (strict CSP, HSTS of a year or more)', () => {
    const [policy] = resources(app, 'AWS::CloudFront::ResponseHeadersPolicy');
    const config = policy?.Properties.ResponseHeadersPolicyConfig;
    // …with one more form-action origin: the user pool's domain, where the staff pages' sign-out form goes on to.
    const csp = config.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
    const formAction = /form-action ([^;]*)/.exec(CONTENT_SECURITY_POLICY)?.[1];
    // …and the uploads bucket, where file questions post (form-action) and their script sends files (connect-src).
    const uploads = ` ${uploadsOrigin(uploadsBucketName('west', '222222222222', 'us-west-2'), 'us-west-2')}`;
    expect(
      csp.replace(/ https:\/\/[a-z0-9-]+-front-door\.auth\.[a-z0-9-]+\.amazoncognito\.com(?=[; ])/, '').replaceAll(uploads, ''),
    ).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toMatch(new RegExp(`form-action ${formAction?.replaceAll('.', '\\.')} https://[a-z0-9-]+-front-door\\.auth\\.`));
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-inline'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    const hsts = config.SecurityHeadersConfig.StrictTransportSecurity;
    expect(`max-age=${hsts.AccessControlMaxAgeSec}; includeSubDomains; preload`).toBe(
      SECURITY_HEADERS['strict-transport-security'],
    );
    expect(hsts.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31_536_000);
    expect(config.SecurityHeadersConfig.ContentTypeOptions).toEqual({ Override: true });
    expect(config.SecurityHeadersConfig.FrameOptions.FrameOption).toBe(SECURITY_HEADERS['x-frame-options']);
    expect(config.SecurityHeadersConfig.ReferrerPolicy.ReferrerPolicy).toBe(SECURITY_HEADERS['referrer-policy']);
    expect(config.CustomHeadersConfig.Items).toEqual([
      { Header: 'permissions-policy', Value: SECURITY_HEADERS['permissions-policy'], Override: true },
    ]);
    const [policyId] = Object.keys(app.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    for (const behavior of [distribution().DefaultCacheBehavior, ...distribution().CacheBehaviors])
      expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
  });

  it('attaches the us-east-1 web ACL to the distribution', () => {
    expect(distribution().WebACLId).toEqual({
      'Fn::GetStackOutput': expect.objectContaining({ StackName: 'West-FrontDoor-Waf', Region: 'us-east-1' }),
    });
    waf.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'CLOUDFRONT' });
    expect(synth.portal.waf.region).toBe('us-east-1');
  });

  it('rate-limits every address except on the payment webhook, which the provider sends from a few addresses', () => {
    const [acl] = resources(waf, 'AWS::WAFv2::WebACL');
    const rules = acl?.Properties.Rules as { Name: string; Statement: unknown }[];
    expect(rules.find((rule) => rule.Name === 'RateLimitPerIp')?.Statement).toMatchObject({
      RateBasedStatement: {
        ScopeDownStatement: {
          NotStatement: {
            Statement: { ByteMatchStatement: { SearchString: '/api/payments/webhook', PositionalConstraint: 'EXACTLY' } },
          },
        },
      },
    });
  });

  it('sends /api/* to the HTTP API uncached, with all viewer headers but Host and the secret origin header', () => {
    const behavior = apiBehavior();
    expect(behavior).toMatchObject({
      CachePolicyId: CACHING_DISABLED,
      OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST,
      ViewerProtocolPolicy: 'https-only',
    });
    // Nothing rewrites API requests at the edge: the functions build absolute links from PORTAL_ORIGIN, not Host.
    expect(behavior.FunctionAssociations).toBeUndefined();
    const origin = distribution().Origins.find((o: { Id: string }) => o.Id === behavior.TargetOriginId);
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(origin.OriginCustomHeaders).toEqual([{ HeaderName: ORIGIN_VERIFY_HEADER, HeaderValue: expect.anything() }]);
    expect(JSON.stringify(origin.OriginCustomHeaders[0].HeaderValue)).toContain('{{resolve:secretsmanager:');
  });

  it("forwards CloudFront-Viewer-Address to the API: the managed AllViewerExceptHostHeader policy includes it with CloudFront's viewer headers", () => {
    // The automatic idempotency key of an anonymous form post is keyed on it (functions/http/idempotency.ts);
    // a policy without it would make everyone behind one edge one sender.
    expect(apiBehavior().OriginRequestPolicyId).toBe(ALL_VIEWER_EXCEPT_HOST);
  });

  it('reads the site bucket only through Origin Access Control, and logs requests', () => {
    const site = distribution().Origins.find((o: { S3OriginConfig?: unknown }) => o.S3OriginConfig);
    expect(site.OriginAccessControlId).toBeDefined();
    expect(distribution().Logging).toMatchObject({ Prefix: 'cloudfront/' });
  });

  it("answers a missing site path with the site's own 404 page: an origin group fails over on 403/404 to a function only CloudFront may call", () => {
    const config = distribution();
    const [group] = config.OriginGroups.Items;
    expect(config.DefaultCacheBehavior.TargetOriginId).toBe(group.Id);
    expect([...group.FailoverCriteria.StatusCodes.Items].sort()).toEqual([403, 404]);
    const [primary, fallback] = group.Members.Items.map((m: { OriginId: string }) =>
      config.Origins.find((o: { Id: string }) => o.Id === m.OriginId),
    );
    expect(primary.S3OriginConfig).toBeDefined();
    expect(fallback.OriginAccessControlId).toBeDefined();
    const notFound = logicalId(synth.portal.app.site.notFound.function);
    const [urlId, url] = Object.entries(app.findResources('AWS::Lambda::Url'))[0] as [string, Resource];
    expect(url.Properties).toMatchObject({ AuthType: 'AWS_IAM', TargetFunctionArn: { 'Fn::GetAtt': [notFound, 'Arn'] } });
    expect(JSON.stringify(fallback.DomainName)).toContain(urlId);
    const invokers = resources(app, 'AWS::Lambda::Permission').filter((p) =>
      JSON.stringify(p.Properties.FunctionName).includes(urlId),
    );
    // Both permissions a function URL behind origin access control needs, for CloudFront and this distribution only.
    expect(invokers.map((p) => p.Properties.Action).sort()).toEqual(['lambda:InvokeFunction', 'lambda:InvokeFunctionUrl']);
    for (const permission of invokers) {
      expect(permission.Properties.Principal).toBe('cloudfront.amazonaws.com');
      expect(JSON.stringify(permission.Properties.SourceArn)).toContain(logicalId(synth.portal.app.site.distribution));
    }
  });

  it('serves /config.json uncached and publishes it with no-cache', () => {
    const behavior = distribution().CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/config.json');
    expect(behavior.CachePolicyId).toBe(CACHING_DISABLED);
    const deployments = resources(app, 'Custom::CDKBucketDeployment');
    expect(
      deployments.some((d) => d.Properties.SystemMetadata?.['cache-control'] === 'no-cache' && d.Properties.Prune === false),
    ).toBe(true);
    // The site deployment never deletes config.json (another deployment owns it) and never publishes the page shells.
    expect(deployments.some((d) => d.Properties.Exclude?.includes('config.json'))).toBe(true);
  });

  it('returns sign-in to the site itself when the agency has no domain yet', () => {
    const [client] = resources(app, 'AWS::Cognito::UserPoolClient').filter((c) => !c.Properties.GenerateSecret);
    expect(JSON.stringify(client?.Properties.CallbackURLs)).toContain('/auth/callback/');
    expect(JSON.stringify(client?.Properties.CallbackURLs)).toContain('DomainName');
  });
});

describe('identity', () => {
  it('has the groups the authorization rules read: citizen, admin, and staff of every catalog agency', () => {
    const groups = resources(app, 'AWS::Cognito::UserPoolGroup')
      .map((g) => g.Properties.GroupName)
      .sort();
    expect(groups).toEqual(['admin', 'citizen', ...[...loadCatalog().agencies.keys()].map((id) => `staff:${id}`)].sort());
  });

  it('keeps the user pool (deletion protection, retained) with threat protection and a strong password policy', () => {
    const [pool] = resources(app, 'AWS::Cognito::UserPool');
    expect(pool?.DeletionPolicy).toBe('Retain');
    expect(pool?.Properties).toMatchObject({
      DeletionProtection: 'ACTIVE',
      UserPoolTier: 'PLUS',
      Policies: { PasswordPolicy: { MinimumLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercase: true } },
    });
  });

  it('gives the site a public PKCE client: no secret, authorization code only', () => {
    const web = app.toJSON().Resources[logicalId(synth.portal.app.identity.webClient)];
    expect(web.Properties.GenerateSecret).toBeFalsy();
    expect(web.Properties.AllowedOAuthFlows).toEqual(['code']);
  });

  it('gives machine routes a resource server scope and accepts machine clients at the authorizer', () => {
    const scopes = [...new Set(ROUTES.filter((r) => r.auth.startsWith('machine:')).map((r) => r.auth.slice('machine:'.length)))];
    if (scopes.length === 0) return;
    app.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'frontdoor',
      Scopes: scopes.map((ScopeName) => ({ ScopeName, ScopeDescription: Match.anyValue() })),
    });
    const [authorizer] = resources(app, 'AWS::ApiGatewayV2::Authorizer').filter(ofPortalApi);
    expect(authorizer?.Properties.JwtConfiguration.Audience).toEqual([
      { Ref: logicalId(synth.portal.app.identity.webClient) },
      { Ref: logicalId(synth.portal.app.identity.machineClient!) },
    ]);
  });
});

describe('observability', () => {
  it('alarms on 5xx rate, table throttles, errors and throttles of every function, and payment mismatches, to the e-mail topic', () => {
    // The per-function ones live in their own nested stack (the app stack stays under 500 resources).
    const functionAlarms = Template.fromStack(synth.portal.app.observability.functionAlarms!);
    const alarms = [...resources(app, 'AWS::CloudWatch::Alarm'), ...resources(functionAlarms, 'AWS::CloudWatch::Alarm')];
    const descriptions = alarms.map((a) => a.Properties.AlarmDescription as string);
    expect(descriptions.some((d) => d.includes('server error (5xx)'))).toBe(true);
    expect(descriptions.some((d) => d.startsWith('DynamoDB refused'))).toBe(true);
    for (const handler of handlers) {
      expect(
        descriptions.filter((d) => d.startsWith(`The ${handler} function`)),
        handler,
      ).toHaveLength(2);
    }
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
    // The payment rules' alarms, on the metrics the functions write (an amount mismatch at its first occurrence).
    for (const name of [...Object.keys(PAYMENT_ALARMS), 'PaymentWebhookRefused']) {
      app.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'FrontDoor',
        MetricName: name,
        Dimensions: [{ Name: 'service', Value: 'front-door' }],
      });
    }
    app.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'PaymentAmountMismatch', Threshold: 1 });
    app.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@west.example.gov' });
    app.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it("keeps every stack, nested ones included, within CloudFormation's limits with cdk synth's margin (400 resources)", () => {
    expect(stackLimitProblems(synth.stacks)).toEqual([]);
    // The nested stacks are really counted: the route functions' three and the function alarms'.
    expect(synth.stacks.map((stack) => stack.path)).toEqual(
      expect.arrayContaining([
        'West-FrontDoor-App/Api/WorkspaceFunctions',
        'West-FrontDoor-App/Api/PublicFunctions',
        'West-FrontDoor-App/Api/AccountFunctions',
        'West-FrontDoor-App/Observability/FunctionAlarms',
      ]),
    );
  });

  it('alarms on blocked requests in us-east-1, next to the WAF metrics, with its own topic', () => {
    waf.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/WAFV2', MetricName: 'BlockedRequests' });
    waf.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@west.example.gov' });
  });

  it('logs the WAF to an encrypted aws-waf-logs- group, without authorization headers or cookies', () => {
    const [logging] = resources(waf, 'AWS::WAFv2::LoggingConfiguration');
    expect(JSON.stringify(logging?.Properties.LogDestinationConfigs)).toContain('aws-waf-logs-');
    expect(logging?.Properties.RedactedFields).toEqual([
      { SingleHeader: { Name: 'authorization' } },
      { SingleHeader: { Name: 'cookie' } },
    ]);
    const rules = resources(waf, 'AWS::WAFv2::WebACL')[0]!.Properties.Rules;
    expect(rules.map((r: { Name: string }) => r.Name)).toEqual(
      expect.arrayContaining([
        'RateLimitPerIp',
        'AWSManagedRulesCommonRuleSet',
        'AWSManagedRulesKnownBadInputsRuleSet',
        'AWSManagedRulesAmazonIpReputationList',
      ]),
    );
  });
});

describe('notifications (the outbox half, decision 70)', () => {
  const notifier = () => synth.portal.app.notifier;
  const resourceOf = (construct: { node: { defaultChild?: unknown } }) => app.toJSON().Resources[logicalId(construct)];
  const statementsOf = (fn: { role: { policy: { node: { defaultChild?: unknown } } } }) =>
    resourceOf(fn.role.policy).Properties.PolicyDocument.Statement as {
      Action: string | string[];
      Resource: unknown;
      Condition?: unknown;
    }[];

  it('turns on the table stream with new images', () => {
    data.hasResourceProperties('AWS::DynamoDB::Table', { StreamSpecification: { StreamViewType: 'NEW_IMAGE' } });
  });

  it('wakes the notifier only for new timeline entries that ask for it, retries, then dead-letters', () => {
    const mappings = resources(app, 'AWS::Lambda::EventSourceMapping');
    // Two read the stream: the notifier and the agency events' publisher (below).
    expect(mappings).toHaveLength(2);
    const mapping = mappings.find((m) => m.Properties.FunctionName.Ref === logicalId(notifier().sender.function));
    expect(mapping?.Properties).toMatchObject({
      FunctionName: { Ref: logicalId(notifier().sender.function) },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 3,
      BisectBatchOnFunctionError: true,
      ParallelizationFactor: 10,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(notifier().deadLetters), 'Arn'] } } },
    });
    const pattern = JSON.parse(mapping?.Properties.FilterCriteria.Filters[0].Pattern);
    expect(pattern).toEqual({
      eventName: ['INSERT'],
      dynamodb: { NewImage: { type: { S: ['timeline'] }, notify: { BOOL: [true] } } },
    });
  });

  it('alarms to the operators at the first dead-lettered notification', () => {
    const alarm = resourceOf(notifier().deadLetterAlarm);
    expect(alarm.Properties).toMatchObject({ Threshold: 1, MetricName: 'ApproximateNumberOfMessagesVisible' });
    expect(alarm.Properties.AlarmActions).toHaveLength(1);
  });

  it('lets only the notifier send e-mail: from the one address, through the portal’s configuration set', () => {
    const sends = statementsOf(notifier().sender).filter((s) => [s.Action].flat().includes('ses:SendEmail'));
    expect(sends).toHaveLength(1);
    expect(sends[0]?.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'ops@west.example.gov' } });
    expect(JSON.stringify(sends[0]?.Resource)).toContain('configuration-set/');
    expect(JSON.stringify(sends[0]?.Resource)).not.toContain('"*"');
    const recorder = statementsOf(notifier().eventRecorder).flatMap((s) => [s.Action].flat());
    expect(recorder.some((action) => action.startsWith('ses:'))).toBe(false);
    for (const handler of handlers)
      expect(
        actionsOf(handler).some((a) => a.startsWith('ses:')),
        handler,
      ).toBe(false);
  });

  it('tells the notifier where to send from, which configuration set, and the portal’s origin for its links', () => {
    const env = resourceOf(notifier().sender.function).Properties.Environment.Variables;
    expect(env.EMAIL_FROM).toBe('ops@west.example.gov');
    expect(env.SES_CONFIGURATION_SET).toEqual({ Ref: logicalId(notifier().configurationSet) });
    expect(JSON.stringify(env.PORTAL_ORIGIN)).toContain(logicalId(synth.portal.app.site.distribution));
  });

  it('brings SES’s delivery and bounce events back through EventBridge to the recorder, with a dead-letter queue', () => {
    app.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({ MatchingEventTypes: ['delivery', 'bounce', 'complaint'] }),
    });
    app.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ source: ['aws.ses'] }),
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [logicalId(notifier().eventRecorder.function), 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalId(notifier().deadLetters), 'Arn'] } },
        }),
      ],
    });
  });
});

describe('texts and contact centres (decisions 71 and 75)', () => {
  const notifier = () => synth.portal.app.notifier;
  const statementsOf = (role: { policy: { node: { defaultChild?: unknown } } }) =>
    app.toJSON().Resources[logicalId(role.policy)].Properties.PolicyDocument.Statement as {
      Action: string | string[];
      Resource: unknown;
    }[];

  it('lets only the notifier and the text answerer send texts, and only from the agency’s number', () => {
    const answerer = notifier().textAnswerer;
    expect(answerer).toBeDefined();
    for (const fn of [notifier().sender, answerer!]) {
      const sends = statementsOf(fn.role).filter((s) => [s.Action].flat().includes('sms-voice:SendTextMessage'));
      expect(sends).toEqual([expect.objectContaining({ Resource: SMS_NUMBER })]);
    }
    for (const handler of handlers)
      expect(
        actionsOf(handler).some((a) => a.startsWith('sms-voice:')),
        handler,
      ).toBe(false);
    expect(resourceEnv(notifier().sender.function).SMS_ORIGINATION_IDENTITY).toBe(SMS_NUMBER);
  });

  it('subscribes the text answerer to an encrypted inbound-text topic, dead-lettering what fails', () => {
    const topic = app.toJSON().Resources[logicalId(notifier().inboundTexts!)];
    expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    app.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      Endpoint: { 'Fn::GetAtt': [logicalId(notifier().textAnswerer!.function), 'Arn'] },
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [logicalId(notifier().deadLetters), 'Arn'] } },
    });
  });

  it('routes the configured Connect instance’s ended contacts and Genesys Cloud’s conversation ends to one recorder', () => {
    const recorder = synth.portal.app.contactCentres!.recorder.function;
    app.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.connect'],
        'detail-type': ['Amazon Connect Contact Event'],
        detail: { eventType: ['DISCONNECTED'], instanceArn: [CONNECT_INSTANCE] },
      },
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalId(recorder), 'Arn'] } })],
    });
    app.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: GENESYS_BUS,
      EventPattern: { detail: { topicName: [{ wildcard: 'v2.detail.events.conversation.*.customer.end' }] } },
    });
    expect(JSON.parse(resourceEnv(recorder).CONTACT_CENTRE_AGENCIES)).toEqual({
      [`connect:${CONNECT_INSTANCE}`]: 'revenue',
      'genesys:org-1': 'labor',
    });
  });

  it('lets the stream wake the notifier for "send me my codes" requests too', () => {
    const mapping = resources(app, 'AWS::Lambda::EventSourceMapping').find(
      (m) => m.Properties.FunctionName.Ref === logicalId(notifier().sender.function),
    );
    const patterns = mapping?.Properties.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern));
    expect(patterns[1]).toEqual({ eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['codes-request'] } } } });
  });
});

function resourceEnv(fn: { node: { defaultChild?: unknown } }) {
  return app.toJSON().Resources[logicalId(fn)].Properties.Environment.Variables;
}
describe('events for agency systems (decision 96)', () => {
  const events = () => synth.portal.app.agencyEvents;
  const resourceOf = (construct: { node: { defaultChild?: unknown } }) => app.toJSON().Resources[logicalId(construct)];

  it('wakes the publisher only for new submissions, status changes and paid payments, retries, then dead-letters', () => {
    const mapping = resources(app, 'AWS::Lambda::EventSourceMapping').find(
      (m) => m.Properties.FunctionName.Ref === logicalId(events().publisher.function),
    );
    expect(mapping?.Properties).toMatchObject({
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 3,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(events().deadLetters), 'Arn'] } } },
    });
    const patterns = mapping?.Properties.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern));
    expect(patterns).toEqual([
      {
        eventName: ['INSERT'],
        dynamodb: { NewImage: { type: { S: ['timeline'] }, kind: { S: ['submitted', 'status-changed'] } } },
      },
      { eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['payment-history'] }, kind: { S: ['paid'] } } } },
    ]);
  });

  it('lets the publisher put events on its own bus only, and read the table, never write it', () => {
    const statements = resourceOf(events().publisher.role.policy).Properties.PolicyDocument.Statement as {
      Action: string | string[];
      Resource: unknown;
    }[];
    const puts = statements.filter((s) => [s.Action].flat().includes('events:PutEvents'));
    expect(puts).toEqual([expect.objectContaining({ Resource: { 'Fn::GetAtt': [logicalId(events().bus), 'Arn'] } })]);
    const actions = statements.flatMap((s) => [s.Action].flat());
    // The stream's own read actions (the event source mapping's) aside, it only reads items.
    const tableActions = actions.filter((a) => a.startsWith('dynamodb:') && !/Stream|GetRecords|GetShardIterator/.test(a));
    expect(tableActions.sort()).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query']);
    for (const handler of handlers) expect(actionsOf(handler).includes('events:PutEvents'), handler).toBe(false);
    const env = resourceOf(events().publisher.function).Properties.Environment.Variables;
    expect(env.EVENT_BUS_NAME).toEqual({ Ref: logicalId(events().bus) });
  });

  it('keeps 30 days of events in an archive, and alarms at the first dead-lettered event', () => {
    app.hasResourceProperties('AWS::Events::Archive', {
      EventPattern: { source: ['front-door'] },
      RetentionDays: 30,
      SourceArn: { 'Fn::GetAtt': [logicalId(events().bus), 'Arn'] },
    });
    const alarm = resourceOf(events().deadLetterAlarm);
    expect(alarm.Properties).toMatchObject({ Threshold: 1, MetricName: 'ApproximateNumberOfMessagesVisible' });
    expect(alarm.Properties.AlarmActions).toHaveLength(1);
  });
});
