/**
 * The stack-limit check the infra tests run on every synthesised portal (test/support/stack-limits.ts): it counts
 * nested stacks too and names the stack that reaches a limit. A tiny app, no portal synth.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, CfnOutput, CfnWaitConditionHandle, NestedStack, Stack } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { type Route, routes } from '../../functions/http/routes.ts';
import { FUNCTION_AREAS, functionArea, invokePathPattern } from '../../infra/constructs/function-areas.ts';
import { STACK_LIMITS, stackLimitProblems } from '../support/stack-limits.ts';
import { readStacks } from '../support/synth-portal.ts';

const outdir = mkdtempSync(join(tmpdir(), 'front-door-limits-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

function synthesise(resources: { top: number; nested: number }, outputs = 0) {
  const app = new App({ outdir });
  const top = new Stack(app, 'Big');
  const nested = new NestedStack(top, 'Functions');
  for (let i = 0; i < resources.top; i++) new CfnWaitConditionHandle(top, `Top${i}`);
  for (let i = 0; i < resources.nested; i++) new CfnWaitConditionHandle(nested, `Nested${i}`);
  for (let i = 0; i < outputs; i++) new CfnOutput(nested, `Out${i}`, { value: String(i) });
  app.synth();
  return readStacks(app, outdir);
}

describe('the stack-limit check', () => {
  it('passes stacks under the limits', () => {
    expect(stackLimitProblems(synthesise({ top: 10, nested: 10 }))).toEqual([]);
  });

  it('names a nested stack that reaches 400 resources, and the parent that does', () => {
    const problems = stackLimitProblems(synthesise({ top: STACK_LIMITS.resources, nested: STACK_LIMITS.resources + 1 }));
    expect(problems).toHaveLength(2);
    // The parent also holds the nested stack's own resource.
    expect(problems[0]).toMatch(/^Big: 401 resources \(keep under 400/);
    expect(problems[1]).toMatch(/^Big\/Functions: 401 resources \(keep under 400/);
  });

  it('counts outputs too (CloudFormation takes 200)', () => {
    expect(stackLimitProblems(synthesise({ top: 1, nested: 1 }, STACK_LIMITS.outputs))).toEqual([
      expect.stringMatching(/^Big\/Functions: 160 outputs/),
    ]);
  });
});

describe("the route functions' areas (decision 146)", () => {
  const byHandler = Map.groupBy(routes as readonly Route[], (route) => route.handler);

  it('put every function in exactly one area, staff-facing ones with the workspace', () => {
    for (const [handler, handlerRoutes] of byHandler) {
      const area = functionArea(handlerRoutes);
      expect(FUNCTION_AREAS, handler).toContain(area);
      if (handlerRoutes.some((route) => route.path.startsWith('/api/agency/'))) expect(area.id, handler).toBe('Workspace');
      else if (handlerRoutes.every((route) => route.path.startsWith('/api/my/'))) expect(area.id, handler).toBe('Account');
      else expect(area.id, handler).toBe('Public');
    }
    expect(functionArea([{ path: '/api/my/drafts' }, { path: '/api/forms/{formId}' }]).id).toBe('Public');
    expect(functionArea([{ path: '/api/my/drafts' }, { path: '/api/agency/desk/x' }]).id).toBe('Workspace');
  });

  it("name a function's paths in its invoke permission: the path itself, or the paths' common beginning", () => {
    expect(invokePathPattern(['/api/health'])).toBe('/api/health');
    expect(invokePathPattern(['/api/my/preferences', '/api/my/preferences'])).toBe('/api/my/preferences');
    expect(invokePathPattern(['/api/status', '/api/status/{code}'])).toBe('/api/status*');
    expect(invokePathPattern(['/api/forms/{formId}/submissions', '/api/my/forms/{formId}/submissions'])).toBe('/api/*');
  });
});
