import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  LambdaEdgeEventType,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  SecurityPolicyProtocol,
  SSLMethod,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { FunctionUrlOrigin, HttpOrigin, OriginGroup, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { FunctionUrlAuthType, Version } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER } from '../../functions/http/origin-header.ts';
import { API_PREFIX } from '../../functions/http/routes.ts';
import type { RuntimeConfig } from '../../web/runtime-config.ts';
import { ManagedPolicyRole } from './managed-policy-role.ts';
import { LOG_RETENTION, PortalFunction } from './portal-function.ts';
import { SecurityHeadersPolicy } from './security-headers-policy.ts';

const edgeCode = (file: string) =>
  FunctionCode.fromFile({ filePath: fileURLToPath(new URL(`../edge/${file}`, import.meta.url)) });

export interface StaticSiteProps {
  /** The built site (web/dist). */
  siteDir: string;
  /** The HTTP API's own host name (<id>.execute-api.<region>.amazonaws.com). */
  apiDomainName: string;
  /** The value of the origin header (a Secrets Manager dynamic reference, resolved at deploy time). */
  originVerifyValue: string;
  /** The us-east-1 WAF web ACL's ARN. */
  webAclArn: string;
  /** The us-east-1 Lambda@Edge version run on /api/* origin responses: API Gateway's own 429 and 5xx as pages (decision 0129). */
  busyPageVersionArn: string;
  /** The agency's own domain and its us-east-1 certificate; without them the site is on *.cloudfront.net. */
  customDomain?: { domainName: string; certificate: ICertificate };
  /** The response headers (web/security-headers.ts). */
  securityHeaders: Record<string, string>;
  siteKey: IKey;
  /** Where CloudFront and S3 access logs go. */
  logBucket: IBucket;
  /** Encrypts the deployment function's log group. */
  operationsKey: IKey;
}

/**
 * The site and the single front door: a private, KMS-encrypted S3 bucket read by CloudFront through Origin
 * Access Control; `/api/*` on the same distribution goes to the HTTP API (same origin: no CORS), with a
 * secret header the API checks so nobody can go around CloudFront and the WAF. Every answer carries the
 * response headers of web/security-headers.ts.
 */
export class StaticSite extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** https://<domain> (the agency's domain, or the distribution's *.cloudfront.net name). */
  readonly origin: string;
  readonly customDomain: StaticSiteProps['customDomain'];
  /** The role of CDK's BucketDeployment function (it copies the site into the bucket at deploy time). */
  readonly deploymentRole: ManagedPolicyRole;
  readonly deploymentLogs: LogGroup;
  /** Answers the site's own 404 page when the bucket has no such file (functions/handlers/site-not-found.ts). */
  readonly notFound: PortalFunction;
  private readonly siteDir: string;

  constructor(scope: Construct, id: string, props: StaticSiteProps) {
    super(scope, id);
    this.siteDir = props.siteDir;
    this.customDomain = props.customDomain;
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.KMS,
      encryptionKey: props.siteKey,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      // Old versions are only for rolling back a bad deployment.
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 'site-bucket/',
      // Kept on teardown (CloudFormation cannot delete a bucket with objects in it); it holds only the site.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const headersPolicy = new SecurityHeadersPolicy(this, 'Headers', { headers: props.securityHeaders });
    const siteOrigin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    const apiOrigin = new HttpOrigin(props.apiDomainName, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      customHeaders: { [ORIGIN_VERIFY_HEADER]: props.originVerifyValue },
      readTimeout: Duration.seconds(30),
    });
    // S3 answers a missing key with 403 (CloudFront may not list the bucket) or 404, in XML. An origin group
    // sends those requests on to a function that answers the site's own 404 page in the path's language; a
    // distribution-wide custom error page could only be one language. Only CloudFront may call the function
    // (its URL takes IAM auth and CloudFront signs with origin access control).
    this.notFound = new PortalFunction(this, 'NotFound', {
      handler: 'site-not-found',
      description: "The site's 404 page, in the language of the missing path (CloudFront's failover origin)",
      operationsKey: props.operationsKey,
      memorySize: 256,
      environment: {},
    });
    const notFoundUrl = this.notFound.function.addFunctionUrl({ authType: FunctionUrlAuthType.AWS_IAM });
    const siteWithNotFound = new OriginGroup({
      primaryOrigin: siteOrigin,
      fallbackOrigin: FunctionUrlOrigin.withOriginAccessControl(notFoundUrl),
      fallbackStatusCodes: [403, 404],
    });
    const sitePaths = new EdgeFunction(this, 'SitePaths', {
      code: edgeCode('site-paths.js'),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Directory index and trailing slash for the static site',
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Front Door',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableIpv6: true,
      priceClass: PriceClass.PRICE_CLASS_100,
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront/',
      ...(props.customDomain && {
        domainNames: [props.customDomain.domainName],
        certificate: props.customDomain.certificate,
        sslSupportMethod: SSLMethod.SNI,
      }),
      minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      defaultBehavior: {
        origin: siteWithNotFound,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headersPolicy,
        compress: true,
        functionAssociations: [{ function: sitePaths, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        [`${API_PREFIX}/*`]: {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Every viewer header but Host (API Gateway needs its own), plus CloudFront's viewer headers, among them
          // CloudFront-Viewer-Address: the functions tell anonymous senders apart by it (the source IP they see
          // is the edge's).
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headersPolicy,
          compress: true,
          // API Gateway's own throttle answers 429 in JSON, which a plain form post would show as it is: a browser
          // gets a page in its language instead (CloudFront Functions do not run on an origin's 4xx; decision 0129).
          edgeLambdas: [
            {
              functionVersion: Version.fromVersionArn(this, 'BusyPage', props.busyPageVersionArn),
              eventType: LambdaEdgeEventType.ORIGIN_RESPONSE,
            },
          ],
        },
        // Read on every page load: a new deployment's settings must show at once.
        '/config.json': {
          origin: siteOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          responseHeadersPolicy: headersPolicy,
          compress: true,
        },
      },
    });
    this.origin = `https://${props.customDomain?.domainName ?? this.distribution.distributionDomainName}`;

    this.deploymentLogs = new LogGroup(this, 'DeploymentLogs', {
      retention: LOG_RETENTION,
      encryptionKey: props.operationsKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.deploymentRole = new ManagedPolicyRole(this, 'DeploymentRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Front Door: copies the built site into the site bucket at deploy time',
    });
    this.deploymentRole.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.deploymentLogs.logGroupArn],
      }),
    );
  }

  /**
   * Uploads the built site and /config.json, then clears CloudFront's cache. Hashed assets (/_astro/) are
   * cached for a year; pages are revalidated by browsers and cached by CloudFront until the next deployment;
   * /config.json is never cached. The page shells the API renders from (/_shell/) are not published.
   */
  deployContent(runtimeConfig: RuntimeConfig): void {
    const assets = new BucketDeployment(this, 'DeployAssets', {
      sources: [Source.asset(`${this.siteDir}/_astro`)],
      destinationBucket: this.bucket,
      destinationKeyPrefix: '_astro/',
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      // Old hashed files stay: a page cached before this deployment may still ask for them.
      prune: false,
      ...this.deploymentOptions(),
    });
    const pages = new BucketDeployment(this, 'DeployPages', {
      sources: [Source.asset(this.siteDir, { exclude: ['_astro', '_shell', 'config.json'] })],
      destinationBucket: this.bucket,
      exclude: ['_astro/*', 'config.json'],
      cacheControl: [CacheControl.fromString('public, max-age=0, s-maxage=86400, must-revalidate')],
      ...this.deploymentOptions(),
    });
    const config = new BucketDeployment(this, 'DeployConfig', {
      sources: [Source.jsonData('config.json', runtimeConfig)],
      destinationBucket: this.bucket,
      prune: false,
      cacheControl: [CacheControl.noCache()],
      contentType: 'application/json; charset=utf-8',
      ...this.deploymentOptions(),
      // Last, so the cache is cleared once everything new is in place.
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    config.node.addDependency(assets, pages);
  }

  private deploymentOptions() {
    return { memoryLimit: 512, role: this.deploymentRole, logGroup: this.deploymentLogs };
  }
}
