import { Fn, NestedStack, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  HttpApi,
  HttpIntegrationType,
  HttpMethod,
  HttpRoute,
  HttpRouteIntegration,
  type HttpRouteIntegrationConfig,
  HttpRouteKey,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
  PayloadFormatVersion,
} from 'aws-cdk-lib/aws-apigatewayv2';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { authorizationScopesFor, gatewayAuthorizes, type Route, type SecretName } from '../../functions/http/routes.ts';
import { type FunctionArea, functionArea, invokePathPattern } from './function-areas.ts';
import { LOG_RETENTION, PortalFunction } from './portal-function.ts';
import { DEFAULT_THROTTLES, routeKey, routeThrottle, type Throttle } from './route-throttling.ts';
import type { UploadsBucket } from './uploads-bucket.ts';

/** DynamoDB actions per route-table `tableAccess`: no Scan, no table management, nothing with a wildcard. */
export const TABLE_ACTIONS = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  write: [
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
    'dynamodb:ConditionCheckItem',
  ],
} as const;
/** What DynamoDB asks of the caller's rights on the table's customer-managed key (kms:ViaService DynamoDB only). */
export const TABLE_KEY_ACTIONS = {
  read: ['kms:Decrypt', 'kms:DescribeKey'],
  write: ['kms:Encrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext'],
} as const;

/** SECRET_ARN_PAYMENT_PROVIDER for 'payment-provider': where a function finds a secret's ARN. */
export const secretEnvName = (name: SecretName) => `SECRET_ARN_${name.toUpperCase().replaceAll('-', '_')}`;

export interface PortalApiProps {
  operationsKey: IKey;
}

export interface RouteTableProps {
  routes: readonly Route[];
  /** The JWT authorizer every non-public route uses. */
  authorizer: IHttpRouteAuthorizer;
  table: ITable;
  tableKey: IKey;
  indexNames: readonly string[];
  secrets: ReadonlyMap<SecretName, { secret: ISecret; key: IKey }>;
  /** The uploads bucket: functions whose routes name `files` get its name and exactly that access. */
  uploads: UploadsBucket;
  /** Environment every function gets (table name, payment provider, origin check …). */
  environment: Record<string, string>;
  throttling: Readonly<Record<string, Throttle>>;
}

/**
 * A Lambda proxy integration (payload 2.0, as HttpLambdaIntegration makes it) that adds no invoke permission of its
 * own: HttpLambdaIntegration adds one per route, in the route's (the app) stack. The permission is the function's,
 * one per function, in the function's nested stack (addRouteTable).
 */
class FunctionIntegration extends HttpRouteIntegration {
  private readonly handler: IFunction;

  constructor(id: string, handler: IFunction) {
    super(id);
    this.handler = handler;
  }

  bind(): HttpRouteIntegrationConfig {
    return {
      type: HttpIntegrationType.AWS_PROXY,
      uri: this.handler.functionArn,
      payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
    };
  }
}

/**
 * The HTTP API: one route per route-table entry and one function per handler module (a handler may serve
 * several routes), generated from functions/http/routes.ts. Non-public routes carry the Cognito JWT
 * authorizer and the route table's scopes (`openid` for people, `frontdoor/<name>` for machines); group
 * checks happen in the function. Every
 * route has its own throttle; access logs are JSON in a KMS-encrypted log group.
 *
 * The API, its stage, routes and integrations are in the app stack; each function (role, policy, log group,
 * function, invoke permission) is in the nested stack of its area of the API (infra/constructs/function-areas.ts,
 * decision 146), so the app stack grows by a route and an integration per handler, not by six resources.
 */
export class PortalApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  /** By handler module name. */
  readonly functions = new Map<string, PortalFunction>();
  /** The nested stack of each area of the API's functions, by area id (function-areas.ts). */
  readonly functionStacks = new Map<string, NestedStack>();
  readonly routes: HttpRoute[] = [];
  /** The routes the route table marks 'public' (no authorizer). */
  readonly publicRoutes: HttpRoute[] = [];
  /** The routes whose token is the staff pages' cookie (`credentials: 'session'`): checked by the function. */
  readonly sessionRoutes: HttpRoute[] = [];
  private readonly operationsKey: IKey;

  constructor(scope: Construct, id: string, props: PortalApiProps) {
    super(scope, id);
    this.operationsKey = props.operationsKey;
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Front Door API (reached through CloudFront at /api/*)',
      createDefaultStage: false,
    });
    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: LOG_RETENTION,
      encryptionKey: props.operationsKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.stage = new HttpStage(this, 'Stage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      detailedMetricsEnabled: true,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        // No personal data: ids, route, outcome and timings (the caller's IP is CloudFront's here).
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTimeEpoch',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            responseLatencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationStatus: '$context.integrationStatus',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            sourceIp: '$context.identity.sourceIp',
          }),
        ),
      },
    });
  }

  /** The API's own host name, for CloudFront's origin. */
  get domainName(): string {
    return Fn.select(2, Fn.split('/', this.httpApi.apiEndpoint));
  }

  addRouteTable(props: RouteTableProps): void {
    const region = Stack.of(this).region;
    const byHandler = Map.groupBy(props.routes, (route) => route.handler);
    for (const [handler, handlerRoutes] of byHandler) {
      const fn = new PortalFunction(this.functionStack(functionArea(handlerRoutes)), pascalCase(handler), {
        handler,
        description: handlerRoutes.map(routeKey).join(', ').slice(0, 256),
        operationsKey: this.operationsKey,
        // Every function gets the table's name (functions/shared/config.ts requires it); only grants differ.
        environment: { ...props.environment, TABLE_NAME: props.table.tableName },
      });
      this.functions.set(handler, fn);

      const access = handlerRoutes.some((r) => r.tableAccess === 'read-write')
        ? 'read-write'
        : handlerRoutes.some((r) => r.tableAccess === 'read')
          ? 'read'
          : 'none';
      if (access !== 'none') {
        const writes = access === 'read-write';
        fn.role.addToPrincipalPolicy(
          new PolicyStatement({
            actions: [...TABLE_ACTIONS.read, ...(writes ? TABLE_ACTIONS.write : [])],
            resources: [props.table.tableArn, ...props.indexNames.map((name) => `${props.table.tableArn}/index/${name}`)],
          }),
        );
        fn.role.addToPrincipalPolicy(
          new PolicyStatement({
            actions: [...TABLE_KEY_ACTIONS.read, ...(writes ? TABLE_KEY_ACTIONS.write : [])],
            resources: [props.tableKey.keyArn],
            conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${region}.amazonaws.com` } },
          }),
        );
      }

      for (const name of new Set(handlerRoutes.flatMap((route) => route.secrets ?? []))) {
        const found = props.secrets.get(name);
        if (!found) throw new Error(`The route table asks for the secret "${name}" but no secret was created for it`);
        fn.role.addToPrincipalPolicy(
          new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [found.secret.secretArn] }),
        );
        fn.role.addToPrincipalPolicy(
          new PolicyStatement({
            actions: ['kms:Decrypt'],
            resources: [found.key.keyArn],
            conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${region}.amazonaws.com` } },
          }),
        );
        fn.function.addEnvironment(secretEnvName(name), found.secret.secretArn);
      }

      const files = new Set(handlerRoutes.flatMap((route) => (route.files ? [route.files] : [])));
      for (const access of files) props.uploads.grantFor(fn, access);
      if (files.size > 0) fn.function.addEnvironment('UPLOADS_BUCKET', props.uploads.bucketName);

      // One permission for the function, beside it: API Gateway may invoke it through this API's routes of its paths.
      fn.function.addPermission('ApiInvoke', {
        principal: new ServicePrincipal('apigateway.amazonaws.com'),
        sourceArn: Stack.of(fn).formatArn({
          service: 'execute-api',
          resource: this.httpApi.apiId,
          resourceName: `*/*${invokePathPattern(handlerRoutes.map((route) => route.path))}`,
        }),
      });
      const integration = new FunctionIntegration(`${pascalCase(handler)}Integration`, fn.function);
      for (const route of handlerRoutes) {
        // People's routes need `openid` (only access tokens have it: an ID token is refused), machine routes their scope.
        // A session route's token is in a cookie, which the JWT authorizer never reads: withHttp checks it the same way.
        const authorizationScopes = gatewayAuthorizes(route) ? authorizationScopesFor(route) : undefined;
        const httpRoute = new HttpRoute(this, `Route-${route.method}${route.path.replaceAll(/[{}]/g, '').replaceAll('/', '-')}`, {
          httpApi: this.httpApi,
          routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
          integration,
          ...(gatewayAuthorizes(route) && { authorizer: props.authorizer }),
          ...(authorizationScopes && { authorizationScopes }),
        });
        this.routes.push(httpRoute);
        if (route.auth === 'public') this.publicRoutes.push(httpRoute);
        else if (!gatewayAuthorizes(route)) this.sessionRoutes.push(httpRoute);
      }
    }

    // Per-route throttles are stage route settings; API Gateway refuses settings for routes that do not exist yet.
    // RouteSettings is a plain JSON map in CloudFormation: CDK does not capitalise its keys, so they are written as
    // CloudFormation spells them.
    const cfnStage = this.stage.node.defaultChild as CfnStage;
    cfnStage.routeSettings = Object.fromEntries(
      props.routes.map((route) => {
        const throttle = routeThrottle(route, props.throttling);
        return [
          routeKey(route),
          { ThrottlingRateLimit: throttle.rateLimit, ThrottlingBurstLimit: throttle.burstLimit, DetailedMetricsEnabled: true },
        ];
      }),
    );
    cfnStage.defaultRouteSettings = {
      throttlingRateLimit: DEFAULT_THROTTLES.write.rateLimit,
      throttlingBurstLimit: DEFAULT_THROTTLES.write.burstLimit,
      detailedMetricsEnabled: true,
    };
    for (const route of this.routes) this.stage.node.addDependency(route);
  }

  private functionStack(area: FunctionArea): NestedStack {
    let stack = this.functionStacks.get(area.id);
    if (!stack) {
      stack = new NestedStack(this, `${area.id}Functions`, { description: `Front Door: ${area.description}` });
      this.functionStacks.set(area.id, stack);
    }
    return stack;
  }
}

/** submit-form → SubmitForm (construct ids, output names). */
export const pascalCase = (name: string) =>
  name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
