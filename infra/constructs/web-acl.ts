import { Arn, ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { routes } from '../../functions/http/routes.ts';
import { LOG_RETENTION } from './portal-function.ts';

/** Shown (with status 429) to someone the rate rule has blocked; plain language, both languages. */
export const RATE_LIMITED_MESSAGE =
  'You have sent too many requests in a short time. Wait 5 minutes, then try again.\n' +
  'Usted envió demasiadas solicitudes en poco tiempo. Espere 5 minutos y vuelva a intentarlo.\n';

/**
 * Seconds the rate rule's answer tells a client to wait (its Retry-After): the rule counts over 5 minutes. The OpenAPI
 * document says the same (functions/contracts/openapi.ts FIREWALL_RETRY_AFTER_SECONDS; a test keeps them equal).
 */
export const RATE_LIMITED_RETRY_AFTER_SECONDS = 300;

/** AWS managed rule groups, in the order the WAF evaluates them (after the rate rule). */
export const MANAGED_RULE_GROUPS = [
  // Addresses AWS threat intelligence has seen attacking (bots, scanners).
  'AWSManagedRulesAmazonIpReputationList',
  // OWASP-style protections (XSS, path traversal, bad bots …).
  'AWSManagedRulesCommonRuleSet',
  // Request patterns known to exploit vulnerabilities (Log4j, bad Java deserialisation …).
  'AWSManagedRulesKnownBadInputsRuleSet',
] as const;

/**
 * The payment provider's webhook: the provider sends every event from a few addresses, so on a busy day the
 * per-IP rate rule would block it. Each request is signature-checked by the function instead.
 */
export const RATE_LIMIT_EXEMPT_PATHS = routes.filter((r) => r.handler === 'receive-payment-webhook').map((r) => r.path);

const visibility = (metricName: string) => ({ cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });

/**
 * The CLOUDFRONT-scoped web ACL in front of the site and the API (it must live in us-east-1): AWS managed
 * rule groups plus a per-IP rate rule, logged (authorization and cookie headers redacted) to a
 * KMS-encrypted log group whose name starts with `aws-waf-logs-`, as WAF requires.
 */
export class WebAcl extends Construct {
  readonly webAcl: CfnWebACL;
  readonly logGroup: LogGroup;
  readonly name: string;
  readonly logGroupName: string;

  constructor(scope: Construct, id: string, props: { namePrefix: string; requestsPer5MinutesPerIp: number; key: IKey }) {
    super(scope, id);
    this.name = `${props.namePrefix}-front-door`;
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: this.name,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(this.name),
      customResponseBodies: { 'rate-limited': { contentType: 'TEXT_PLAIN', content: RATE_LIMITED_MESSAGE } },
      rules: [
        {
          name: 'RateLimitPerIp',
          priority: 0,
          statement: {
            rateBasedStatement: {
              limit: props.requestsPer5MinutesPerIp,
              aggregateKeyType: 'IP',
              evaluationWindowSec: 300,
              ...(RATE_LIMIT_EXEMPT_PATHS.length > 0 && {
                scopeDownStatement: {
                  notStatement: {
                    statement: orOf(
                      RATE_LIMIT_EXEMPT_PATHS.map((path) => ({
                        byteMatchStatement: {
                          fieldToMatch: { uriPath: {} },
                          positionalConstraint: 'EXACTLY',
                          searchString: path,
                          textTransformations: [{ priority: 0, type: 'NONE' }],
                        },
                      })),
                    ),
                  },
                },
              }),
            },
          },
          action: {
            block: {
              customResponse: {
                responseCode: 429,
                customResponseBodyKey: 'rate-limited',
                // Issue 16: a throttled client is told when to try again (WAF does not prefix response headers).
                responseHeaders: [{ name: 'Retry-After', value: String(RATE_LIMITED_RETRY_AFTER_SECONDS) }],
              },
            },
          },
          visibilityConfig: visibility('RateLimitPerIp'),
        },
        ...MANAGED_RULE_GROUPS.map((name, index) => ({
          name,
          priority: index + 1,
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name,
              // Form answers may be long (the API takes up to 256 KB and answers a plain-language 413 above
              // that); this rule would block any body over 8 KB with a bare 403, so it only counts.
              ...(name === 'AWSManagedRulesCommonRuleSet' && {
                ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }],
              }),
            },
          },
          overrideAction: { none: {} },
          visibilityConfig: visibility(name),
        })),
      ],
    });

    const logGroupName = `aws-waf-logs-${this.name}`;
    this.logGroupName = logGroupName;
    this.logGroup = new LogGroup(this, 'Logs', {
      logGroupName,
      retention: LOG_RETENTION,
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const logging = new CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      // WAF wants the log group ARN without the ":*" suffix CloudFormation's Arn attribute has.
      logDestinationConfigs: [
        Arn.format(
          { service: 'logs', resource: 'log-group', resourceName: logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME },
          Stack.of(this),
        ),
      ],
      redactedFields: [{ singleHeader: { Name: 'authorization' } }, { singleHeader: { Name: 'cookie' } }],
    });
    logging.node.addDependency(this.logGroup);
  }

  get arn(): string {
    return this.webAcl.attrArn;
  }
}

/** WAF wants an OR of two or more statements; one statement stands alone. */
function orOf<T>(statements: T[]): T | { orStatement: { statements: T[] } } {
  return statements.length === 1 && statements[0] ? statements[0] : { orStatement: { statements } };
}
