/**
 * Synthesises the whole portal the way `cdk synth` does (cdk.json's context, the rule packs on), into a
 * temporary folder, and hands back the templates and the rule-pack report. One synth per test file: call it
 * in beforeAll and `cleanup()` in afterAll (each synth leaves ~30 MB of assets).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, NestedStack, Stack } from 'aws-cdk-lib';
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
  /** The three top-level stacks' templates (nested stacks: `templateOf`, `stacks`). */
  templates: { data: Template; app: Template; waf: Template };
  /** The template of the stack a construct is in, a nested stack's (e.g. a route function's) included. */
  templateOf(construct: IConstruct): Template;
  /** Every stack the app synthesised, nested ones included, by construct path. */
  stacks: SynthesisedStack[];
  /** Unacknowledged rule-pack findings (errors and warnings). */
  violations: Violation[];
  /** What app.synth() threw (the rule-pack gate), if anything. */
  error: Error | undefined;
  outdir: string;
  cleanup(): void;
}

export interface SynthesisedStack {
  stack: Stack;
  /** The stack's construct path ("Example-FrontDoor-App/Api/PublicFunctions"): what an operator finds it by. */
  path: string;
  template: Template;
  /** The template file's size in bytes (CloudFormation takes at most 1 MB from S3). */
  bytes: number;
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
  const stacks = error ? [] : readStacks(app, outdir);
  const templateOf = (construct: IConstruct) => {
    const found = stacks.find((stack) => stack.stack === Stack.of(construct));
    if (!found) throw new Error(`No template for ${construct.node.path}`);
    return found.template;
  };
  return {
    portal,
    templates: error
      ? (undefined as never)
      : { data: templateOf(portal.data), app: templateOf(portal.app), waf: templateOf(portal.waf) },
    templateOf,
    stacks,
    violations,
    error,
    outdir,
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

/** Every stack of a synthesised app (nested ones included) with its template as written to `outdir`. */
export function readStacks(app: App, outdir: string): SynthesisedStack[] {
  return app.node
    .findAll()
    .filter((construct): construct is Stack => Stack.isStack(construct))
    .map((stack) => {
      const text = readFileSync(join(outdir, stack.templateFile), 'utf8');
      return { stack, path: stack.node.path, template: Template.fromJSON(JSON.parse(text)), bytes: Buffer.byteLength(text) };
    });
}

/**
 * A value in a nested stack's template as its parent passes it: each `{ Ref: <parameter> }` CDK made for a reference
 * to the parent is replaced by what the parent gives that parameter (e.g. the distribution's `Fn::GetAtt`).
 */
export function asParentPasses(synth: SynthesisedPortal, construct: IConstruct, value: unknown): unknown {
  const stack = Stack.of(construct);
  if (!NestedStack.isNestedStack(stack)) return value;
  const parent = Stack.of(stack.nestedStackResource!);
  const resource = synth.templateOf(parent).toJSON().Resources[parent.getLogicalId(stack.nestedStackResource!)];
  const passed: Record<string, unknown> = resource.Properties.Parameters ?? {};
  const parameters: Record<string, unknown> = synth.templateOf(stack).toJSON().Parameters ?? {};
  const substitute = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(substitute);
    if (node && typeof node === 'object') {
      const ref = (node as { Ref?: unknown }).Ref;
      if (typeof ref === 'string' && Object.keys(node).length === 1 && ref in parameters && ref in passed) return passed[ref];
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, substitute(child)]));
    }
    return node;
  };
  return asParentPasses(synth, stack.nestedStackResource!, substitute(value));
}

/** "RULE at path" lines, for a readable failure message. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.severity.toUpperCase()} ${v.rule} at ${v.paths.join(', ')}`).join('\n');
}
