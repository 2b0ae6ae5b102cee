/**
 * AWS list prices the cost estimate uses: us-east-1, on-demand, no free tier, no volume discounts.
 * Recorded 2026-11-22 from the AWS pricing pages as last published to us (this machine has no network to
 * re-check them): verify at https://aws.amazon.com/pricing before budgeting. docs/benchmarks.md repeats them.
 */
import { FUNCTION_MEMORY_MB } from '../infra/constructs/portal-function.ts';

export const PRICES_RECORDED = '2026-11-22';

export const PRICES = {
  /** Lambda, arm64: per GB-second of duration (billed per ms) and per request. */
  lambdaArmGbSecond: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  /** API Gateway HTTP API, first 300 million requests a month. */
  httpApiRequest: 1.0 / 1e6,
  /** CloudFront, HTTPS requests (United States) and data transfer out to the internet (first 10 TB). */
  cloudFrontHttpsRequest: 0.01 / 1e4,
  cloudFrontTransferGb: 0.085,
  /** AWS WAF: per request inspected (the web ACL, $5/month, and each rule, $1/month, are fixed costs). */
  wafRequest: 0.6 / 1e6,
  /** DynamoDB on-demand: write and read request units. */
  dynamoWriteUnit: 0.625 / 1e6,
  dynamoReadUnit: 0.125 / 1e6,
  /** CloudWatch Logs ingestion (standard and vended logs, first 10 TB), per GB. */
  logsIngestGb: 0.5,
  /** X-Ray, per trace recorded. */
  xrayTrace: 5.0 / 1e6,
  /** Amazon SES, outbound e-mail (not from EC2), per message. */
  sesEmail: 0.1 / 1000,
  /**
   * AWS End User Messaging SMS to a US number from a toll-free number, per message part: the AWS fee plus the
   * carriers' typical fee (they vary by carrier and change; the largest share of a text's cost).
   */
  smsUsPart: 0.00581 + 0.0025,
} as const;

/** Assumptions that are not measured here, each with its reason. */
export const ASSUMPTIONS = {
  /** The functions' memory, as deployed (infra/constructs/portal-function.ts). */
  lambdaMemoryGb: FUNCTION_MEMORY_MB / 1024,
  /** One API Gateway access log line (its JSON format in infra/constructs/portal-api.ts, typical values). */
  accessLogBytes: 380,
  /** One WAF log record (request line, headers with authorization and cookies redacted, rule results). */
  wafLogBytes: 1500,
  /** X-Ray's default sampling keeps 1 request a second plus 5 % of the rest: at volume, about 5 %. */
  xraySampledShare: 0.05,
  /** Response headers CloudFront adds to each answer (security headers, cache and TLS framing). */
  responseHeaderBytes: 900,
} as const;
