import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { API_PREFIX, type Route, type SecretName } from '../../functions/http/routes.ts';
import { SECURITY_HEADERS, withFormActionOrigins, withUploadOrigin } from '../../web/security-headers.ts';
import type { AgencyConfig } from '../config.ts';
import { AgencyEvents } from '../constructs/agency-events.ts';
import { ContactCentreEvents } from '../constructs/contact-centre-events.ts';
import { Identity } from '../constructs/identity.ts';
import { Notifier } from '../constructs/notifier.ts';
import { Observability } from '../constructs/observability.ts';
import { OperationsKey } from '../constructs/operations-key.ts';
import { OriginVerify } from '../constructs/origin-verify.ts';
import { PortalApi, pascalCase } from '../constructs/portal-api.ts';
import { PortalKey } from '../constructs/portal-key.ts';
import { PortalSecrets } from '../constructs/portal-secrets.ts';
import { StaticSite } from '../constructs/static-site.ts';
import type { UploadsBucket } from '../constructs/uploads-bucket.ts';

export interface AppStackProps extends StackProps {
  config: AgencyConfig;
  /** Lower-case agency short name, for resource names. */
  namePrefix: string;
  /** Agency ids from the catalog (one staff group each). */
  agencyIds: readonly string[];
  routes: readonly Route[];
  table: ITable;
  tableKey: IKey;
  /** The bucket of the files people attach (DataStack): its name, its origin for the CSP, its grants. */
  uploads: UploadsBucket;
  indexNames: readonly string[];
  /** What the API's functions need to know of the table's indexes (deployedTable: the queue index while moving over). */
  tableEnvironment?: Record<string, string>;
  /** The built site (web/dist). */
  siteDir: string;
  webAcl: { arn: string; name: string; region: string };
  /** The us-east-1 Lambda@Edge version that answers API Gateway's own 429 and 5xx to browsers (WafStack, decision 0129). */
  busyPageVersionArn: string;
}

/**
 * Everything that serves people and can be rebuilt from the repository: the API and its functions, the
 * site and CloudFront, sign-in, secrets, alarms and the dashboard. The data it uses lives in DataStack.
 */
export class AppStack extends Stack {
  readonly api: PortalApi;
  readonly site: StaticSite;
  readonly identity: Identity;
  readonly observability: Observability;
  readonly secrets: PortalSecrets;
  readonly logBucket: Bucket;
  readonly originVerify: OriginVerify;
  readonly notifier: Notifier;
  readonly agencyEvents: AgencyEvents;
  readonly contactCentres?: ContactCentreEvents;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const { config, namePrefix } = props;
    const operationsKey = new OperationsKey(this, 'OperationsKey', { alias: `alias/${namePrefix}-front-door-operations` });
    const secretsKey = new PortalKey(this, 'SecretsKey', {
      alias: `alias/${namePrefix}-front-door-secrets`,
      description: 'Front Door: secrets (payment provider, origin check)',
    });
    const siteKey = new PortalKey(this, 'SiteKey', {
      alias: `alias/${namePrefix}-front-door-site`,
      description: 'Front Door: the site bucket',
    });

    // S3 server access logs and CloudFront standard logs can only be delivered to an SSE-S3 bucket with ACLs.
    this.logBucket = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      lifecycleRules: [{ expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const secretNames = [...new Set(props.routes.flatMap((route) => route.secrets ?? []))] as SecretName[];
    this.secrets = new PortalSecrets(this, 'Secrets', { names: secretNames, secretsKey });
    const originVerify = new OriginVerify(this, 'OriginVerify', { secretsKey });
    this.originVerify = originVerify;

    this.api = new PortalApi(this, 'Api', { operationsKey });
    this.site = new StaticSite(this, 'Site', {
      siteDir: props.siteDir,
      apiDomainName: this.api.domainName,
      originVerifyValue: originVerify.value,
      webAclArn: props.webAcl.arn,
      busyPageVersionArn: props.busyPageVersionArn,
      // The staff pages' sign-out form is redirected on to the user pool's own sign-out (its domain, below).
      // File questions post to the uploads bucket, and their script sends files there (decision 0110).
      securityHeaders: withUploadOrigin(
        withFormActionOrigins(SECURITY_HEADERS, [
          `https://${namePrefix}-front-door.auth.${Stack.of(this).region}.amazoncognito.com`,
        ]),
        props.uploads.origin,
      ),
      siteKey,
      logBucket: this.logBucket,
      operationsKey,
      ...(config.agency.domain &&
        config.agency.certificateArn && {
          customDomain: {
            domainName: config.agency.domain,
            certificate: Certificate.fromCertificateArn(this, 'Certificate', config.agency.certificateArn),
          },
        }),
    });

    this.identity = new Identity(this, 'Identity', {
      config,
      agencyIds: props.agencyIds,
      machineScopes: [
        ...new Set(props.routes.filter((r) => r.auth.startsWith('machine:')).map((r) => r.auth.slice('machine:'.length))),
      ],
      siteOrigins: [this.site.origin],
      domainPrefix: `${namePrefix}-front-door`, // the sign-out origin in the CSP above
      keys: { operationsKey, secretsKey },
    });

    this.api.addRouteTable({
      routes: props.routes,
      authorizer: this.identity.jwtAuthorizer(),
      table: props.table,
      tableKey: props.tableKey,
      indexNames: props.indexNames,
      secrets: this.secrets.secrets,
      uploads: props.uploads,
      environment: {
        PAYMENT_PROVIDER: config.payments.provider,
        // Return addresses (e.g. from the payment provider) are built from this, never from a request's Host.
        PORTAL_ORIGIN: this.site.origin,
        ORIGIN_VERIFY_SECRET: originVerify.value,
        AUDIT_RETENTION_DAYS: String(config.audit.retentionDays),
        // The staff pages' sign-in (functions/shared/session-config.ts): the pool, the site's client, its domain.
        USER_POOL_ISSUER: this.identity.issuerUrl,
        USER_POOL_CLIENT_ID: this.identity.webClient.userPoolClientId,
        USER_POOL_DOMAIN: this.identity.domain.baseUrl(),
        ...props.tableEnvironment,
      },
      throttling: config.throttling,
    });

    this.site.deployContent({
      apiBase: API_PREFIX,
      locales: config.locales,
      auth: this.identity.runtimeConfig(config),
      payments: { provider: config.payments.provider },
    });

    this.observability = new Observability(this, 'Observability', {
      alarmEmail: config.alarmEmail,
      key: operationsKey,
      dashboardName: `${namePrefix}-front-door`,
    });
    this.observability.watchApi(this.api.httpApi);
    // Notifications come from the agency's domain unless the config names another address (then that address).
    const fromAddress =
      config.notifications?.fromAddress ?? (config.agency.domain ? `no-reply@${config.agency.domain}` : config.alarmEmail);
    this.notifier = new Notifier(this, 'Notifier', {
      table: props.table,
      tableKey: props.tableKey,
      indexNames: props.indexNames,
      operationsKey,
      fromAddress,
      fromDomain: config.agency.domain && fromAddress.endsWith(`@${config.agency.domain}`) ? config.agency.domain : undefined,
      portalOrigin: this.site.origin,
      ...(config.notifications?.sms && { sms: config.notifications.sms }),
    });
    this.observability.addAlarm(this.notifier.deadLetterAlarm);
    this.agencyEvents = new AgencyEvents(this, 'AgencyEvents', {
      table: props.table,
      tableKey: props.tableKey,
      operationsKey,
    });
    this.observability.addAlarm(this.agencyEvents.deadLetterAlarm);
    if (config.contactCentres?.amazonConnect || config.contactCentres?.genesysCloud)
      this.contactCentres = new ContactCentreEvents(this, 'ContactCentres', {
        table: props.table,
        tableKey: props.tableKey,
        indexNames: props.indexNames,
        operationsKey,
        deadLetters: this.notifier.deadLetters,
        amazonConnect: config.contactCentres.amazonConnect,
        genesysCloud: config.contactCentres.genesysCloud,
      });
    this.observability.watchFunctions(
      new Map([
        ...[...this.api.functions].map(([name, fn]) => [name, fn.function] as const),
        ['send-notifications', this.notifier.sender.function] as const,
        ['record-email-events', this.notifier.eventRecorder.function] as const,
        ['publish-agency-events', this.agencyEvents.publisher.function] as const,
        ...(this.notifier.textAnswerer ? [['answer-text-messages', this.notifier.textAnswerer.function] as const] : []),
        ...(this.contactCentres ? [['record-contact-centre-event', this.contactCentres.recorder.function] as const] : []),
      ]),
    );
    this.observability.watchTable(props.table);
    this.observability.watchPayments();
    this.observability.watchWebAcl(props.webAcl.name, props.webAcl.region);

    new CfnOutput(this, 'SiteUrl', { value: this.site.origin, description: 'The portal' });
    new CfnOutput(this, 'DistributionDomainName', {
      value: this.site.distribution.distributionDomainName,
      description: 'Point your domain here (CNAME or alias)',
    });
    new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId });
    new CfnOutput(this, 'SignInDomain', { value: this.identity.domain.baseUrl() });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.observability.alarmTopic.topicArn });
    new CfnOutput(this, 'AgencyEventBusName', {
      value: this.agencyEvents.bus.eventBusName,
      description: 'Agency systems subscribe here with EventBridge rules (source front-door; docs/deploying.md)',
    });
    for (const [name, { secret }] of this.secrets.secrets) {
      new CfnOutput(this, `${pascalCase(name)}SecretArn`, {
        value: secret.secretArn,
        description: `Put the ${name} secret value here`,
      });
    }
    new CfnOutput(this, 'NotificationsDeadLetterQueueUrl', {
      value: this.notifier.deadLetters.queueUrl,
      description: 'Replay it: npm run replay-notifications -- --aws --queue-url <this> --notifier <NotifierFunctionName>',
    });
    new CfnOutput(this, 'NotifierFunctionName', { value: this.notifier.sender.function.functionName });
    if (this.notifier.inboundTexts)
      new CfnOutput(this, 'InboundTextsTopicArn', {
        value: this.notifier.inboundTexts.topicArn,
        description: "Set it as the phone number's two-way SMS destination (docs/deploying.md)",
      });
    new CfnOutput(this, 'OriginVerifySecretArn', {
      value: originVerify.secret.secretArn,
      description: 'The header CloudFront sends the API (rotate: docs/deploying.md)',
    });
  }
}
