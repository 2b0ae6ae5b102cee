/**
 * Synthesises the whole portal the way `cdk synth` does (cdk.json's context, the rule packs on), into a
 * temporary folder, and hands back the templates and the rule-pack report. One synth per test file: call it
 * in beforeAll and `cleanup()` in afterAll (each synth leaves ~30 MB of assets).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { loadCatalog } from '../../catalog/src/load.ts';
import { type Route, routes as routeTable } from '../../functions/http/routes.ts';
import { type AgencyConfig, loadAgencyConfig, parseAgencyConfig } from '../../infra/config.ts';
import { applyRulePacks, definePortal, type Portal } from '../../infra/portal.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CDK_CONTEXT: Record<string, unknown> = JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')).context;

export interface Violation {
  pack: string;
  rule: string;
  severity: string;
  paths: string[];
}

export interface SynthesisedPortal {
  portal: Portal;
  templates: { data: Template; app: Template; waf: Template };
  /** Unacknowledged rule-pack findings (errors and warnings). */
  violations: Violation[];
  /** What app.synth() threw (the rule-pack gate), if anything. */
  error: Error | undefined;
  outdir: string;
  cleanup(): void;
}

export interface SynthOptions {
  /** Changes to agency.config.json (shallow per top-level key). */
  config?: Partial<Record<keyof AgencyConfig, unknown>>;
  routes?: readonly Route[];
  /** Bundle the functions with esbuild (slow); otherwise CDK skips bundling. */
  bundle?: boolean;
  /** Keep CDK's printed validation report out of the test output (the report is returned anyway). */
  quiet?: boolean;
  /** Runs after the portal is defined and before synthesis (e.g. to add an insecure resource). */
  change?: (portal: Portal) => IConstruct | undefined;
}

export function testConfig(changes: SynthOptions['config'] = {}): AgencyConfig {
  const base = JSON.parse(readFileSync(join(ROOT, 'agency.config.json'), 'utf8'));
  return parseAgencyConfig({ ...base, ...changes });
}

export function synthPortal(options: SynthOptions = {}): SynthesisedPortal {
  const outdir = mkdtempSync(join(tmpdir(), 'front-door-synth-'));
  const app = new App({
    outdir,
    context: { ...CDK_CONTEXT, 'aws:cdk:bundling-stacks': options.bundle ? ['**'] : [] },
  });
  applyRulePacks(app);
  const config = options.config ? testConfig(options.config) : loadAgencyConfig();
  const portal = definePortal(app, {
    config,
    agencyIds: [...loadCatalog().agencies.keys()],
    routes: options.routes ?? routeTable,
    siteDir: join(ROOT, 'web/dist'),
  });
  options.change?.(portal);
  let error: Error | undefined;
  const print = console.error;
  if (options.quiet) console.error = () => undefined;
  try {
    app.synth();
  } catch (caught) {
    error = caught as Error;
  } finally {
    console.error = print;
  }
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
    pluginReports: {
      pluginName: string;
      violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[];
    }[];
  };
  const violations = report.pluginReports.flatMap((pack) =>
    pack.violations.map((v) => ({
      pack: pack.pluginName,
      rule: v.ruleName,
      severity: v.severity,
      paths: v.violatingConstructs.map((c) => c.constructPath),
    })),
  );
  const template = (stack: { artifactId: string }) =>
    Template.fromJSON(JSON.parse(readFileSync(join(outdir, `${stack.artifactId}.template.json`), 'utf8')));
  return {
    portal,
    templates: error
      ? (undefined as never)
      : { data: template(portal.data), app: template(portal.app), waf: template(portal.waf) },
    violations,
    error,
    outdir,
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

/** "RULE at path" lines, for a readable failure message. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.severity.toUpperCase()} ${v.rule} at ${v.paths.join(', ')}`).join('\n');
}
