import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { CompositePrincipal, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Code, Function as LambdaFunction, Runtime, type Version } from 'aws-cdk-lib/aws-lambda';
import type { CfnLogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ManagedPolicyRole } from './managed-policy-role.ts';
import { LOG_RETENTION } from './portal-function.ts';

/** The folder Lambda gets: index.mjs alone (infra/edge/busy-page/index.mjs). */
export const BUSY_PAGE_DIR = fileURLToPath(new URL('../edge/busy-page', import.meta.url));

/**
 * Lambda@Edge on the origin response of /api/* (decision 0129): API Gateway's own 429 becomes a plain page in
 * the person's language for a browser, and keeps its JSON (with Retry-After) for API clients; the gateway's own 5xx
 * becomes the portal's 503 page for a browser. Lambda@Edge must be
 * in us-east-1 and is replicated to CloudFront's regional edges; it takes no environment, layers, VPC, dead-letter
 * queue, X-Ray or arm64, and writes its logs in the region where it ran, to /aws/lambda/us-east-1.<name>.
 */
export class BusyPage extends Construct {
  readonly function: LambdaFunction;
  readonly role: ManagedPolicyRole;
  /** Its name as written (its log groups at the edges are /aws/lambda/us-east-1.<name>). */
  readonly functionName: string;
  /** The numbered version CloudFront runs (a new one whenever the code changes; old ones are kept, as replicas are). */
  readonly version: Version;

  constructor(scope: Construct, id: string, props: { namePrefix: string; key: IKey }) {
    super(scope, id);
    const stack = Stack.of(this);
    const functionName = `${props.namePrefix}-front-door-busy-page`;
    this.functionName = functionName;
    this.role = new ManagedPolicyRole(this, 'Role', {
      // Lambda@Edge needs both: Lambda runs it, CloudFront's replication (edgelambda) copies it to the edges.
      assumedBy: new CompositePrincipal(
        new ServicePrincipal('lambda.amazonaws.com'),
        new ServicePrincipal('edgelambda.amazonaws.com'),
      ),
      description: 'Front Door busy page (Lambda@Edge)',
    });
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
        // Its log group exists in each region where a regional edge cache ran it: its own name, any region.
        resources: [
          `arn:${stack.partition}:logs:*:${stack.account}:log-group:/aws/lambda/us-east-1.${functionName}`,
          `arn:${stack.partition}:logs:*:${stack.account}:log-group:/aws/lambda/us-east-1.${functionName}:*`,
        ],
      }),
    );
    this.function = new LambdaFunction(this, 'Function', {
      functionName,
      description:
        "API Gateway's own 429 and 5xx as plain pages in the person's language for browsers (CloudFront origin response)",
      // The newest Node.js Lambda@Edge lists (it has no Node.js 24 yet); the code is plain ES2022 and async.
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.X86_64,
      code: Code.fromAsset(BUSY_PAGE_DIR),
      handler: 'index.handler',
      memorySize: 128,
      // It only rewrites headers and sets a fixed body: a few milliseconds.
      timeout: Duration.seconds(5),
      role: this.role,
    });
    this.function.node.addDependency(this.role.policy);
    // The log group CDK makes for it (/aws/lambda/<name>, here) takes a direct test invocation; encrypted and kept
    // a year like every other. Runs at the edges log in their own regions (decision 0129).
    const logGroup = this.function.node.findChild('LogGroup').node.defaultChild as CfnLogGroup;
    logGroup.kmsKeyId = props.key.keyArn;
    logGroup.retentionInDays = LOG_RETENTION;
    this.version = this.function.currentVersion;
    this.version.applyRemovalPolicy(RemovalPolicy.RETAIN);
  }
}
