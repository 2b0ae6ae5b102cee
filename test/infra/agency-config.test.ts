import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { AGENCY_CONFIG_PATH, AgencyConfigError, loadAgencyConfig, parseAgencyConfig, sealFile } from '../../infra/config.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const sample = () => JSON.parse(readFileSync(AGENCY_CONFIG_PATH, 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'front-door-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problemsOf(data: unknown): string[] {
  try {
    parseAgencyConfig(data);
  } catch (error) {
    if (error instanceof AgencyConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('agency.config.json', () => {
  it('accepts the example the repository ships, with defaults filled in', () => {
    const config = loadAgencyConfig();
    expect(config.waf.requestsPer5MinutesPerIp).toBe(2000);
    expect(config.throttling).toEqual({});
    expect(config.audit.retentionDays).toBe(2555);
  });

  it('keeps audit entries as long as the agency says, within sane bounds', () => {
    expect(parseAgencyConfig({ ...sample(), audit: { retentionDays: 3650 } }).audit.retentionDays).toBe(3650);
    expect(problemsOf({ ...sample(), audit: { retentionDays: 7 } }).join('\n')).toContain('audit.retentionDays');
    expect(problemsOf({ ...sample(), audit: { retentionDays: 10.5 } }).join('\n')).toContain('whole number');
  });

  it('lists every problem at once, each naming the field and what to write', () => {
    const problems = problemsOf({
      ...sample(),
      agency: { name: '', shortName: 'State of Example', domain: 'Portal.Example.gov' },
      aws: { account: '1234', region: 'moon-1' },
      locales: ['es'],
      alarmEmail: 'operations',
      payments: { provider: 'cash' },
    });
    expect(problems).toEqual([
      'agency.name is empty: the government name people see, e.g. "State of Example"',
      'agency.shortName must be letters, digits or "-", starting with a letter (it names AWS stacks)',
      'agency.domain must be a lower-case host name like portal.example.gov',
      'aws.account must be the 12-digit AWS account id',
      'aws.region must be an AWS region such as us-east-1 or us-gov-west-1',
      'locales must start with "en" (the default language)',
      'alarmEmail must be an e-mail address that receives alarms',
      'payments.provider must be "stripe" or "sandbox"',
    ]);
  });

  it('asks for the us-east-1 certificate when a domain is set, and says how to do without', () => {
    const { certificateArn: _, ...agency } = sample().agency;
    expect(problemsOf({ ...sample(), agency })).toEqual([
      'agency.certificateArn is missing: "portal.example.gov" needs an ACM certificate in us-east-1 (docs/deploying.md, "Pointing a domain"); or remove agency.domain to use the CloudFront address',
    ]);
    expect(
      problemsOf({
        ...sample(),
        agency: { ...sample().agency, certificateArn: 'arn:aws:acm:us-west-2:111111111111:certificate/x' },
      }),
    ).toEqual([
      'agency.certificateArn must be the ARN of an ACM certificate in us-east-1 (CloudFront reads certificates only there)',
    ]);
  });

  it('refuses a throttle for a route that does not exist, listing the ones that do', () => {
    const [problem] = problemsOf({ ...sample(), throttling: { 'GET /api/nothing': { rateLimit: 10, burstLimit: 20 } } });
    expect(problem).toMatch(
      /^throttling\.GET \/api\/nothing is not a route\. Use one of: POST \/api\/forms\/\{formId\}\/submissions, /,
    );
  });

  describe('a staff (SAML) identity provider', () => {
    const staffIdp = (extra: Record<string, unknown>) => ({
      ...sample(),
      identityProviders: {
        saml: [{ name: 'RevenueEntra', label: 'Revenue staff', metadataUrl: 'https://login.example.gov/m.xml', ...extra }],
      },
    });

    it('must name the agencies it may grant, and says how', () => {
      expect(problemsOf(staffIdp({}))).toEqual([
        'identityProviders.saml.0.agencies is missing: list the agencies whose staff sign in through this IdP, e.g. ["revenue"] (ids are the file names in catalog/agencies/)',
      ]);
      expect(problemsOf(staffIdp({ agencies: [] }))).toEqual([
        'identityProviders.saml.0.agencies is empty: list the agencies whose staff sign in through this IdP, e.g. ["revenue"] (ids are the file names in catalog/agencies/)',
      ]);
      expect(problemsOf(staffIdp({ agencies: 'revenue' }))).toEqual([
        'identityProviders.saml.0.agencies must be a list of agency ids, e.g. ["revenue", "motor-vehicles"]',
      ]);
    });

    it('may name only agencies the catalog has (a typo would grant nothing, silently)', () => {
      let problems: string[] = [];
      try {
        parseAgencyConfig(staffIdp({ agencies: ['revenue', 'revnue'] }), 'agency.config.json', ['labor', 'revenue']);
      } catch (error) {
        problems = (error as AgencyConfigError).problems;
      }
      expect(problems).toEqual([
        'identityProviders.saml.0.agencies.1 "revnue" is not an agency in the catalog. Use one of: labor, revenue',
      ]);
    });

    it('the shipped example grants every agency in the catalog through the state staff IdP', async () => {
      const { loadCatalog } = await import('../../catalog/src/load.ts');
      const agencyIds = [...loadCatalog().agencies.keys()];
      const [staff] = loadAgencyConfig(AGENCY_CONFIG_PATH, agencyIds).identityProviders.saml;
      expect([...(staff?.agencies ?? [])].sort()).toEqual([...agencyIds].sort());
    });
  });

  it('names a field it does not know instead of ignoring it', () => {
    expect(problemsOf({ ...sample(), alarmEmails: ['a@example.gov'] })).toEqual([expect.stringMatching(/alarmEmails/)]);
  });

  it('stops `cdk synth` with the list and no stack trace', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify({ ...sample(), aws: { account: '12', region: 'us-east-1' } }));
    const run = promisify(execFile)(process.execPath, ['infra/app.ts'], {
      cwd: ROOT,
      env: { ...process.env, AGENCY_CONFIG: file },
    });
    const failure = await run.then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.trim()).toBe(`${file} has 1 problem:\n- aws.account must be the 12-digit AWS account id`);
  });

  it("takes the site's name, seal and contact details, each checked and named when wrong", () => {
    const agency = sample().agency;
    expect(
      problemsOf({
        ...sample(),
        agency: {
          ...agency,
          siteName: { en: '', es: 'Servicios' },
          seal: '../outside/seal.gif',
          contact: { phone: 'call us', email: 'help' },
        },
      }),
    ).toEqual([
      'agency.siteName.en is empty: the name people see at the top of every page',
      'agency.seal must be a path from the repository root to an .svg or .png file, e.g. "branding/seal.svg"',
      'agency.contact.phone must be a phone number people can dial, e.g. "1-800-555-0100"',
      'agency.contact.email must be an e-mail address, e.g. help@example.gov',
    ]);
    const { siteName, seal, contact, ...withoutBranding } = agency;
    expect(problemsOf({ ...sample(), agency: withoutBranding })).toEqual([]);
  });

  it('refuses a seal that is not where the config says, relative to the config file', () => {
    const file = join(dir, 'agency.config.json');
    writeFileSync(file, JSON.stringify({ ...sample(), agency: { ...sample().agency, seal: 'branding/seal.svg' } }));
    expect(() => loadAgencyConfig(file)).toThrow(
      'agency.seal "branding/seal.svg" is not a file: put the seal there or fix the path',
    );
    expect(sealFile(loadAgencyConfig(), AGENCY_CONFIG_PATH)).toBe(join(ROOT, 'branding/seal.svg'));
  });

  it('says so when the file is not JSON, or not there', () => {
    const file = join(dir, 'not-json.json');
    writeFileSync(file, '{ "agency": ');
    expect(() => loadAgencyConfig(file)).toThrow(/cannot be read as JSON/);
    expect(() => loadAgencyConfig(join(dir, 'missing.json'))).toThrow(/does not exist: copy agency.config.json and edit it/);
  });
});
