/**
 * The one file an agency edits to deploy Front Door: agency.config.json at the repository root. Read once
 * (infra/app.ts, and the local runtime for the sign-in choices it offers) and passed down as props;
 * constructs never read process.env. Every problem is reported at once, naming the field and the fix.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LOCALES } from '#catalog/locales';
import { type FederatedProvider, federatedProviders } from '../functions/domain/account-linking.ts';
import { DEFAULT_AUDIT_RETENTION_DAYS } from '../functions/domain/audit.ts';
import { type Route, routes } from '../functions/http/routes.ts';

export const AGENCY_CONFIG_PATH = fileURLToPath(new URL('../agency.config.json', import.meta.url));

const https = z.url({ protocol: /^https$/, error: 'must be an https:// address' });

const AGENCIES_HINT =
  'list the agencies whose staff sign in through this IdP, e.g. ["revenue"] (ids are the file names in catalog/agencies/)';

const OidcProvider = z.strictObject({
  issuer: https,
  clientId: z.string().min(1, 'is empty: the client id the identity provider gave you'),
});

const AgencyConfigFields = z.strictObject({
  $comment: z.string().optional(),
  agency: z.strictObject({
    name: z.string().min(1, 'is empty: the government name people see, e.g. "State of Example"'),
    shortName: z
      .string()
      .min(1)
      .max(30, 'is too long: 30 characters at most (it names AWS resources)')
      .regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'must be letters, digits or "-", starting with a letter (it names AWS stacks)'),
    /** The site's own domain, e.g. portal.example.gov; optional until a certificate exists (docs/deploying.md). */
    domain: z
      .string()
      .regex(
        /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/,
        'must be a lower-case host name like portal.example.gov',
      )
      .optional(),
    /** The site's name in its header and in every page's title, per language ("Front Door" when not set). */
    siteName: z
      .strictObject({
        en: z
          .string()
          .min(1, 'is empty: the name people see at the top of every page')
          .max(60, 'is too long: 60 characters at most'),
        es: z
          .string()
          .min(1, 'is empty: the name people see at the top of every page')
          .max(60, 'is too long: 60 characters at most'),
      })
      .optional(),
    /**
     * The government's seal or logo, shown beside the site name and in the footer's identifier: an .svg or .png
     * file, as a path from the repository root (e.g. "branding/seal.svg"). Without it the header shows the name only.
     */
    seal: z
      .string()
      .regex(
        /^(?!\/)(?!.*\.\.)[\w./-]+\.(svg|png)$/,
        'must be a path from the repository root to an .svg or .png file, e.g. "branding/seal.svg"',
      )
      .optional(),
    /** How people reach the government about the site itself (each agency's own phone is in catalog/agencies/). */
    contact: z
      .strictObject({
        phone: z.string().regex(/^\+?[0-9][0-9 ().-]{6,19}$/, 'must be a phone number people can dial, e.g. "1-800-555-0100"'),
        email: z.email('must be an e-mail address, e.g. help@example.gov').optional(),
        hours: z.strictObject({ en: z.string().min(1).max(80), es: z.string().min(1).max(80) }).optional(),
      })
      .optional(),
    /**
     * The ACM certificate for `domain`, issued in us-east-1 (CloudFront reads certificates only there):
     * arn:aws:acm:us-east-1:<account>:certificate/<id>. Needed exactly when `domain` is set.
     */
    certificateArn: z
      .string()
      .regex(
        /^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/,
        'must be the ARN of an ACM certificate in us-east-1 (CloudFront reads certificates only there)',
      )
      .optional(),
  }),
  aws: z.strictObject({
    account: z.string().regex(/^\d{12}$/, 'must be the 12-digit AWS account id'),
    region: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'must be an AWS region such as us-east-1 or us-gov-west-1'),
  }),
  locales: z
    .array(z.enum(LOCALES, { error: `must be one of: ${LOCALES.join(', ')}` }))
    .min(1, 'needs at least one language')
    .refine((l) => l[0] === 'en', 'must start with "en" (the default language)'),
  alarmEmail: z.email('must be an e-mail address that receives alarms'),
  identityProviders: z
    .strictObject({
      /** Login.gov (OIDC, private_key_jwt through the token proxy). */
      loginGov: OidcProvider.extend({ acrValues: z.string().min(1) }).optional(),
      /** ID.me (OIDC). */
      idMe: OidcProvider.optional(),
      /** Google (its client secret goes into Secrets Manager, never this file). */
      google: z.strictObject({ clientId: z.string().min(1) }).optional(),
      /** Staff identity providers (SAML 2.0), e.g. the agency's Entra ID or Okta. */
      saml: z
        .array(
          z.strictObject({
            name: z
              .string()
              .regex(/^[A-Za-z0-9-]{3,32}$/, 'must be 3-32 letters, digits or - (Cognito refuses _ in provider names)'),
            label: z.string().min(1),
            metadataUrl: https,
            /**
             * The agencies whose staff this IdP may make staff (`staff:<agency>`): what it asserts for any other
             * agency grants nothing, so one agency's directory cannot hand out another agency's records.
             */
            agencies: z
              .array(z.string(), {
                error: (issue) =>
                  issue.input === undefined
                    ? `is missing: ${AGENCIES_HINT}`
                    : 'must be a list of agency ids, e.g. ["revenue", "motor-vehicles"]',
              })
              .min(1, `is empty: ${AGENCIES_HINT}`),
          }),
        )
        .default([]),
    })
    .default({ saml: [] }),
  payments: z.strictObject({
    provider: z.enum(['stripe', 'sandbox'], { error: 'must be "stripe" or "sandbox"' }),
  }),
  /**
   * E-mail to citizens (submission received, status changed, messages, receipts). `fromAddress` defaults to
   * no-reply@<agency.domain>; SES must verify it (its domain's DKIM records, or the address) before it sends.
   */
  notifications: z
    .strictObject({
      fromAddress: z.email('must be the e-mail address notifications come from').optional(),
      /**
       * Texts through AWS End User Messaging SMS (decision 71): the ARN of the phone number or pool that sends and
       * answers them (registered for two-way SMS, self-managed opt-outs on). Absent: no texts.
       */
      sms: z
        .strictObject({
          originationIdentity: z
            .string()
            .regex(
              /^arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:\d{12}:(phone-number|pool)\/[A-Za-z0-9_-]+$/,
              'must be the ARN of an End User Messaging phone number or pool, like arn:aws:sms-voice:us-east-1:111111111111:phone-number/phone-0123456789abcdef',
            ),
        })
        .optional(),
    })
    .optional(),
  /**
   * Contact centres whose ended contacts go on the timeline (decision 75): Amazon Connect instances by ARN, and Genesys
   * Cloud's EventBridge integration (its partner event bus and organizations), each mapped to the agency it serves.
   */
  contactCentres: z
    .strictObject({
      amazonConnect: z
        .record(
          z
            .string()
            .regex(
              /^arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:instance\/[0-9a-f-]{36}$/,
              'must be an Amazon Connect instance ARN',
            ),
          z.string().min(1, 'must be an agency id'),
        )
        .optional(),
      genesysCloud: z
        .strictObject({
          eventBusName: z
            .string()
            .regex(
              /^aws\.partner\/genesys\.com\/cloud\/[^/]+\/[^/]+$/,
              'must be the partner event bus, aws.partner/genesys.com/cloud/<org id>/<suffix>',
            ),
          organizations: z.record(z.string().min(1), z.string().min(1, 'must be an agency id')),
        })
        .optional(),
    })
    .optional(),
  /** How long the workspace's audit entries are kept (DynamoDB TTL removes them after). */
  audit: z
    .strictObject({
      retentionDays: z
        .int('must be a whole number of days')
        .min(30, 'must be at least 30 days')
        .max(36_500, 'must be at most 36500 days (100 years)'),
    })
    .default({ retentionDays: DEFAULT_AUDIT_RETENTION_DAYS }),
  /** The web application firewall in front of the site and the API. */
  waf: z
    .strictObject({
      /**
       * Requests one IP address may make in any 5 minutes before the firewall blocks it for a while. Raise it
       * when many people share one address (libraries, offices behind one NAT).
       */
      requestsPer5MinutesPerIp: z.int().min(10, 'must be at least 10 (the lowest limit AWS WAF accepts)').max(2_000_000_000),
    })
    .default({ requestsPer5MinutesPerIp: 2000 }),
  /**
   * Per-route API throttling, keyed by route ("POST /api/forms/{formId}/submissions"): raise a route's limit
   * for a deadline day. Routes not listed get the defaults in infra/constructs/route-throttling.ts.
   */
  throttling: z
    .record(
      z.string(),
      z.strictObject({
        rateLimit: z.number().positive('must be more than 0 (requests per second, steady)'),
        burstLimit: z.int().positive('must be more than 0 (requests at once)'),
      }),
    )
    .default({}),
  /**
   * Moving a deployment made before a table change over, one step per deploy (docs/deploying.md, "Upgrading").
   * `queueIndex` (decision 0140): the queue index that copies only the queue's columns replaces gsi1, which copied
   * whole items. DynamoDB cannot change an index's projection, and CloudFormation adds or removes one index per
   * update, so: "adding" (the new index is built beside gsi1; the functions still read gsi1), then, once it is
   * ACTIVE, "switching" (the functions read the new one; gsi1 stays), then remove the setting (gsi1 is deleted).
   * A new deployment never sets it.
   */
  upgrade: z
    .strictObject({
      queueIndex: z.enum(['adding', 'switching'], {
        error: 'must be "adding" (first deploy) or "switching" (second); remove it for the third (docs/deploying.md)',
      }),
    })
    .optional(),
});

/** Rules that involve more than one field. */
export const AgencyConfigSchema = AgencyConfigFields.superRefine((config, context) => {
  const { domain, certificateArn } = config.agency;
  if (domain && !certificateArn)
    context.addIssue({
      code: 'custom',
      path: ['agency', 'certificateArn'],
      message: `is missing: "${domain}" needs an ACM certificate in us-east-1 (docs/deploying.md, "Pointing a domain"); or remove agency.domain to use the CloudFront address`,
    });
  if (certificateArn && !domain)
    context.addIssue({
      code: 'custom',
      path: ['agency', 'domain'],
      message: 'is missing: certificateArn is set, so name the domain it is for',
    });
  const keys = (routes as readonly Route[]).map((route) => `${route.method} ${route.path}`);
  for (const key of Object.keys(config.throttling))
    if (!keys.includes(key))
      context.addIssue({ code: 'custom', path: ['throttling', key], message: `is not a route. Use one of: ${keys.join(', ')}` });
});

export type AgencyConfig = z.infer<typeof AgencyConfigSchema>;

export class AgencyConfigError extends Error {
  override name = 'AgencyConfigError';
  readonly problems: string[];
  constructor(file: string, problems: string[]) {
    super(`${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n- ${problems.join('\n- ')}`);
    this.problems = problems;
  }
}

/** A staff IdP's agency that the catalog does not have would grant nothing, silently: name it instead. */
function unknownAgencies(config: AgencyConfig, agencyIds: readonly string[]): string[] {
  return config.identityProviders.saml.flatMap((idp, i) =>
    idp.agencies
      .map((agency, j) => [agency, j] as const)
      .filter(([agency]) => !agencyIds.includes(agency))
      .map(
        ([agency, j]) =>
          `identityProviders.saml.${i}.agencies.${j} "${agency}" is not an agency in the catalog. Use one of: ${agencyIds.join(', ')}`,
      ),
  );
}

/**
 * The config, checked. With `agencyIds` (the catalog's agencies), each staff IdP's agencies are checked against
 * them too, once the rest of the file is valid.
 */
export function parseAgencyConfig(data: unknown, file = 'agency.config.json', agencyIds?: readonly string[]): AgencyConfig {
  const result = AgencyConfigSchema.safeParse(data);
  const problems = result.success
    ? agencyIds
      ? unknownAgencies(result.data, agencyIds)
      : []
    : result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(the file)'} ${issue.message}`);
  if (result.success && problems.length === 0) return result.data;
  throw new AgencyConfigError(file, problems);
}

export function loadAgencyConfig(path = AGENCY_CONFIG_PATH, agencyIds?: readonly string[]): AgencyConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new AgencyConfigError(path, [
      missing ? 'does not exist: copy agency.config.json and edit it' : `cannot be read: ${(error as Error).message}`,
    ]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new AgencyConfigError(path, [`cannot be read as JSON: ${(error as Error).message}`]);
  }
  const config = parseAgencyConfig(data, path, agencyIds);
  const seal = sealFile(config, path);
  if (seal && !existsSync(seal))
    throw new AgencyConfigError(path, [`agency.seal "${config.agency.seal}" is not a file: put the seal there or fix the path`]);
  return config;
}

/** Where the seal is on disk (agency.seal is a path from the folder agency.config.json is in). */
export function sealFile(config: AgencyConfig, path = AGENCY_CONFIG_PATH): string | undefined {
  return config.agency.seal && resolve(dirname(path), config.agency.seal);
}

/**
 * The identity providers as the Cognito triggers know them (IDENTITY_PROVIDERS): each staff IdP with the agencies
 * it may grant.
 */
export function federatedProviderList(config: AgencyConfig): FederatedProvider[] {
  const agenciesOf = new Map(config.identityProviders.saml.map((idp) => [idp.name, idp.agencies]));
  return federatedProviders(identityProviderChoices(config).map((c) => ({ ...c, agencies: agenciesOf.get(c.id) ?? [] })));
}

/** The sign-in choices a deployment offers, in the order the chooser shows them (Cognito provider names). */
export interface IdentityProviderChoice {
  id: string;
  label: string;
  audience: 'citizen' | 'staff';
}

export function identityProviderChoices(config: AgencyConfig): IdentityProviderChoice[] {
  const { loginGov, idMe, google, saml } = config.identityProviders;
  return [
    ...(loginGov ? [{ id: 'LoginGov', label: 'Login.gov', audience: 'citizen' as const }] : []),
    ...(idMe ? [{ id: 'IdMe', label: 'ID.me', audience: 'citizen' as const }] : []),
    ...(google ? [{ id: 'Google', label: 'Google', audience: 'citizen' as const }] : []),
    ...saml.map((p) => ({ id: p.name, label: p.label, audience: 'staff' as const })),
  ];
}
