/** Configuration, read once when a function starts; a missing value fails fast with its name. */
import { fileURLToPath } from 'node:url';
import { getStringFromEnv } from '@aws-lambda-powertools/commons/utils/env';
import { DEFAULT_AUDIT_RETENTION_DAYS } from '#domain/audit';

export const config = {
  tableName: getStringFromEnv({ key: 'TABLE_NAME', errorMessage: 'TABLE_NAME is not set: the DynamoDB table to use' }),
  /** Only set locally (DynamoDB Local); on AWS the SDK finds the regional endpoint. */
  dynamoDbEndpoint: process.env.DYNAMODB_ENDPOINT || undefined,
  /** Only set locally (DynamoDB Local is slower than DynamoDB); functions/adapters/dynamodb.ts has the default. */
  dynamoDbRequestTimeoutMs: Number(process.env.DYNAMODB_REQUEST_TIMEOUT_MS) || undefined,
  /**
   * Only set locally, where one process runs every concurrent request's handler with one client (decision 0138);
   * on AWS the SDK's 50 sockets serve one request at a time.
   */
  dynamoDbMaxSockets: Number(process.env.DYNAMODB_MAX_SOCKETS) || undefined,
  /**
   * Where the per-form modules (validator + definition) live. Loaded one at a time on first use, so a
   * function's start-up does not grow with the number of forms.
   */
  formsDir: process.env.FORMS_DIR || fileURLToPath(new URL('../generated/forms/', import.meta.url)),
} as const;

/**
 * The portal's public origin (https://portal.example.gov): where people are sent back to from other sites,
 * such as the payment provider's page. Set by infra from the site's domain (PORTAL_ORIGIN) and by the local
 * runtime to its own address; never taken from a request's Host, which anyone can forge.
 */
export function portalOrigin(): string {
  const raw = getStringFromEnv({
    key: 'PORTAL_ORIGIN',
    errorMessage: "PORTAL_ORIGIN is not set: the portal's public origin, e.g. https://portal.example.gov",
  });
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  const local = url?.hostname === 'localhost' || url?.hostname === '127.0.0.1';
  if (!url || url.origin !== raw || !(url.protocol === 'https:' || (local && url.protocol === 'http:')))
    throw new Error(`PORTAL_ORIGIN is "${raw}": use an origin only, https://host (http:// only for localhost)`);
  return url.origin;
}

export type PaymentProviderName = 'stripe' | 'sandbox';

/**
 * The payment functions' configuration: call it once at module scope (a cold start), so a missing value fails
 * fast with its name. Infra sets PAYMENT_PROVIDER on every function (agency.config.json → payments.provider)
 * and SECRET_ARN_PAYMENT_PROVIDER on functions whose routes list the 'payment-provider' secret. The local
 * runtime gives the same secret as PAYMENT_PROVIDER_SECRET_JSON and the sandbox's address as
 * PAYMENT_PROVIDER_API_URL (local/payment-sandbox.ts).
 */
export function paymentConfig() {
  const provider = getStringFromEnv({
    key: 'PAYMENT_PROVIDER',
    errorMessage: 'PAYMENT_PROVIDER is not set: "stripe" or "sandbox" (agency.config.json, payments.provider)',
  });
  if (provider !== 'stripe' && provider !== 'sandbox')
    throw new Error(`PAYMENT_PROVIDER is "${provider}": use "stripe" or "sandbox"`);
  const secretArn = process.env.SECRET_ARN_PAYMENT_PROVIDER || undefined;
  const secretJson = process.env.PAYMENT_PROVIDER_SECRET_JSON || undefined;
  if (!secretArn && !secretJson)
    throw new Error(
      'SECRET_ARN_PAYMENT_PROVIDER is not set: the secret {"apiKey": …, "webhookSecret": …} of the payment provider',
    );
  const apiUrl = process.env.PAYMENT_PROVIDER_API_URL || undefined;
  if (provider === 'sandbox' && !apiUrl)
    throw new Error('PAYMENT_PROVIDER is "sandbox" but PAYMENT_PROVIDER_API_URL is not set: the sandbox runs inside npm start');
  return { provider: provider as PaymentProviderName, secretArn, secretJson, apiUrl } as const;
}

/**
 * How many days the workspace's audit entries are kept: infra sets AUDIT_RETENTION_DAYS from agency.config.json
 * (audit.retentionDays, 7 years by default); the local runtime leaves it unset and gets the same default.
 */
export function auditRetentionDays(): number {
  const raw = process.env.AUDIT_RETENTION_DAYS;
  if (raw === undefined || raw === '') return DEFAULT_AUDIT_RETENTION_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1) throw new Error(`AUDIT_RETENTION_DAYS is "${raw}": use a whole number of days`);
  return days;
}

/**
 * The notifier's configuration (send-notifications.ts): call it once at module scope. Infra sets EMAIL_FROM (the
 * verified SES identity's address, agency.config.json → notifications.fromAddress) and SES_CONFIGURATION_SET (whose
 * event destination reports deliveries and bounces); the local runtime sets SES_ENDPOINT to its SES v2 stand-in.
 */
/** The agency events' publisher (decision 0096): the bus, and locally the stand-in's endpoint. */
export function agencyEventsConfig() {
  const busName = getStringFromEnv({
    key: 'EVENT_BUS_NAME',
    errorMessage: 'EVENT_BUS_NAME is not set: the EventBridge bus agency events are published on',
  });
  return { busName, endpoint: process.env.EVENTBRIDGE_ENDPOINT || undefined } as const;
}

export function notifierConfig() {
  const from = getStringFromEnv({
    key: 'EMAIL_FROM',
    errorMessage: 'EMAIL_FROM is not set: the address notifications are sent from (a verified SES identity)',
  });
  if (!/^[^@\s]+@[^@\s]+$/.test(from)) throw new Error(`EMAIL_FROM is "${from}": use one e-mail address`);
  return {
    from,
    configurationSet: process.env.SES_CONFIGURATION_SET || undefined,
    sesEndpoint: process.env.SES_ENDPOINT || undefined,
    origin: portalOrigin(),
    sms: smsConfig(),
  } as const;
}

/**
 * Texts (End User Messaging SMS): on when SMS_ORIGINATION_IDENTITY is set (infra: agency.config.json →
 * notifications.sms.originationIdentity, the phone number or pool that sends); the local runtime sets it and
 * SMS_ENDPOINT, its stand-in. Unset: no texts are sent, and the inbound-text function is not deployed.
 */
export function smsConfig() {
  const originationIdentity = process.env.SMS_ORIGINATION_IDENTITY || undefined;
  if (!originationIdentity) return undefined;
  return {
    originationIdentity,
    configurationSet: process.env.SMS_CONFIGURATION_SET || undefined,
    endpoint: process.env.SMS_ENDPOINT || undefined,
  } as const;
}

/**
 * Which agency a contact centre's events belong to (record-contact-centre-event.ts): CONTACT_CENTRE_AGENCIES is a
 * JSON object of `connect:<instance ARN>` / `genesys:<organization id>` (or `genesys:*`) → agency id, set by infra
 * from agency.config.json → contactCentres. Unset: only contacts tagged `frontdoor:agency` are recorded.
 */
export function contactCentreAgencies(): Record<string, string> {
  const raw = process.env.CONTACT_CENTRE_AGENCIES;
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Object.values(parsed).some((v) => typeof v !== 'string'))
    throw new Error('CONTACT_CENTRE_AGENCIES is not a JSON object of strings: {"connect:<instance ARN>": "<agency>"}');
  return parsed as Record<string, string>;
}

/**
 * Uploads' configuration (decision 0110): call it once at module scope in the functions whose routes touch files.
 * Infra sets UPLOADS_BUCKET on them; the local runtime sets it too, with S3_ENDPOINT pointing at its S3 stand-in.
 */
export function uploadsConfig() {
  const bucket = getStringFromEnv({
    key: 'UPLOADS_BUCKET',
    errorMessage: 'UPLOADS_BUCKET is not set: the bucket that keeps the files people attach to forms',
  });
  return { bucket, s3Endpoint: process.env.S3_ENDPOINT || undefined } as const;
}
