import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { ApplicationLogLevel, Architecture, LoggingFormat, Runtime, SystemLogLevel, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SHIPPED_FONTS_DIR } from '../../functions/shared/pdf-fonts.ts';
import { SHIPPED_FORMS_DIR } from '../bundling/ship-forms.ts';
import { REQUIRE_BANNER } from '../bundling/split-bundle.ts';
import { ManagedPolicyRole } from './managed-policy-role.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHIP_FORMS = fileURLToPath(new URL('../bundling/ship-forms.ts', import.meta.url));
const SPLIT_BUNDLE = fileURLToPath(new URL('../bundling/split-bundle.ts', import.meta.url));
const FORMS_SOURCE_DIR = `${ROOT}functions/generated/forms`;

/** Memory of every portal function (bench/run.ts prices it). */
export const FUNCTION_MEMORY_MB = 1024;

/** Log retention for every log group the portal writes: one year (PCI DSS 10.7), then gone. */
export const LOG_RETENTION = RetentionDays.ONE_YEAR;

export interface PortalFunctionProps {
  /** The module under functions/handlers/ (without extension). */
  handler: string;
  description: string;
  environment: Record<string, string>;
  /** Encrypts the log group and the environment variables. */
  operationsKey: IKey;
  memorySize?: number;
  /** For functions invoked asynchronously (EventBridge): where events go that failed every retry. */
  deadLetterQueue?: IQueue;
}

/**
 * One Lambda function for one handler module: Node 24 on arm64 (cheaper per millisecond), bundled here with
 * the local esbuild (no Docker), minified and split into an entry and chunks that load on first use
 * (infra/bundling/split-bundle.ts), with source maps so stack traces name our files, X-Ray traces
 * (how we follow one failed submission), JSON logs in a KMS-encrypted log group kept a year. Its role holds
 * only what the route table grants it, in one customer-managed policy.
 */
export class PortalFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: ManagedPolicyRole;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: PortalFunctionProps) {
    super(scope, id);
    this.role = new ManagedPolicyRole(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Front Door ${props.handler}`,
    });
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: LOG_RETENTION,
      encryptionKey: props.operationsKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );
    const entry = `${ROOT}functions/handlers/${props.handler}.ts`;
    this.function = new NodejsFunction(this, 'Function', {
      entry,
      handler: 'handler',
      projectRoot: ROOT,
      depsLockFilePath: `${ROOT}package-lock.json`,
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? FUNCTION_MEMORY_MB,
      timeout: Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      environmentEncryption: props.operationsKey,
      ...(props.deadLetterQueue && { deadLetterQueue: props.deadLetterQueue }),
      environment: {
        ...props.environment,
        NODE_OPTIONS: '--enable-source-maps',
        // Where ship-forms.ts puts the per-form modules (only bundles that load forms get them).
        FORMS_DIR: `/var/task/${SHIPPED_FORMS_DIR}`,
        // Where ship-forms.ts puts the fonts of the PDF of a submission (only the bundle that makes it gets them).
        PDF_FONTS_DIR: `/var/task/${SHIPPED_FONTS_DIR}`,
      },
      // NodejsFunction's own one-file build (these options) is replaced by split-bundle.ts's, which uses the same.
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        banner: REQUIRE_BANNER,
        // The SDK is bundled, not taken from the runtime: the deployed version is the tested one.
        externalModules: [],
        metafile: true,
        logLevel: LogLevel.WARNING,
        forceDockerBundling: false,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) => [
            `"${process.execPath}" "${SPLIT_BUNDLE}" "${entry}" "${outputDir}"`,
            `"${process.execPath}" "${SHIP_FORMS}" "${outputDir}" "${FORMS_SOURCE_DIR}"`,
          ],
        },
      },
    });
    this.function.node.addDependency(this.role.policy);
  }
}
