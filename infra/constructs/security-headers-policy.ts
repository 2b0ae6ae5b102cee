import { Duration } from 'aws-cdk-lib';
import {
  HeadersFrameOption,
  HeadersReferrerPolicy,
  ResponseHeadersPolicy,
  type ResponseSecurityHeadersBehavior,
} from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';

/**
 * The CloudFront response headers policy, built from web/security-headers.ts (the list the local server
 * already sends), so a header cannot differ between `npm start` and the deployed portal. Headers CloudFront
 * treats as security headers go in its security section (they must); the rest become custom headers.
 */
export class SecurityHeadersPolicy extends ResponseHeadersPolicy {
  constructor(scope: Construct, id: string, props: { headers: Record<string, string> }) {
    const { security, custom } = splitHeaders(props.headers);
    super(scope, id, {
      comment: 'Front Door: the headers in web/security-headers.ts',
      securityHeadersBehavior: security,
      customHeadersBehavior: { customHeaders: custom.map(([header, value]) => ({ header, value, override: true })) },
    });
  }
}

const FRAME_OPTIONS: Record<string, HeadersFrameOption> = {
  DENY: HeadersFrameOption.DENY,
  SAMEORIGIN: HeadersFrameOption.SAMEORIGIN,
};

function splitHeaders(headers: Record<string, string>) {
  const security: { -readonly [K in keyof ResponseSecurityHeadersBehavior]: ResponseSecurityHeadersBehavior[K] } = {};
  const custom: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    switch (name.toLowerCase()) {
      case 'content-security-policy':
        security.contentSecurityPolicy = { contentSecurityPolicy: value, override: true };
        break;
      case 'strict-transport-security':
        security.strictTransportSecurity = parseHsts(value);
        break;
      case 'x-content-type-options':
        if (value !== 'nosniff') throw new Error(`x-content-type-options can only be "nosniff" on CloudFront, not "${value}"`);
        security.contentTypeOptions = { override: true };
        break;
      case 'x-frame-options': {
        const frameOption = FRAME_OPTIONS[value.toUpperCase()];
        if (!frameOption) throw new Error(`x-frame-options must be DENY or SAMEORIGIN on CloudFront, not "${value}"`);
        security.frameOptions = { frameOption, override: true };
        break;
      }
      case 'referrer-policy': {
        const referrerPolicy = Object.values(HeadersReferrerPolicy).find((policy) => policy === value);
        if (!referrerPolicy) throw new Error(`referrer-policy "${value}" is not one CloudFront knows`);
        security.referrerPolicy = { referrerPolicy, override: true };
        break;
      }
      case 'x-xss-protection':
        throw new Error('x-xss-protection: set it through CloudFront xssProtection, not as a plain value');
      default:
        custom.push([name, value]);
    }
  }
  return { security, custom };
}

function parseHsts(value: string): NonNullable<ResponseSecurityHeadersBehavior['strictTransportSecurity']> {
  const parts = value.split(';').map((part) => part.trim().toLowerCase());
  const maxAge = Number(/^max-age=(\d+)$/.exec(parts[0] ?? '')?.[1]);
  if (!Number.isInteger(maxAge)) throw new Error(`strict-transport-security must start with max-age=<seconds>: "${value}"`);
  return {
    accessControlMaxAge: Duration.seconds(maxAge),
    includeSubdomains: parts.includes('includesubdomains'),
    preload: parts.includes('preload'),
    override: true,
  };
}
