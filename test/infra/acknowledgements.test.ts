/** Every acknowledged rule is explained to operators in docs/deploying.md, each reason fits on one line. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACKNOWLEDGEMENTS, acknowledgedRules } from '../../infra/nag-acknowledgements.ts';

const deploying = readFileSync(new URL('../../docs/deploying.md', import.meta.url), 'utf8');

describe('rule-pack acknowledgements', () => {
  it('are each explained in docs/deploying.md', () => {
    const missing = acknowledgedRules().filter((rule) => !deploying.includes(`\`${rule}\``));
    expect(missing).toEqual([]);
  });

  it('are not explained there after they are gone (the table lists only real ones)', () => {
    const start = deploying.indexOf('## What each acknowledged rule means');
    expect(start).toBeGreaterThan(0);
    const end = deploying.indexOf('\n## ', start + 1);
    const table = deploying.slice(start, end === -1 ? undefined : end);
    const firstCells = [...table.matchAll(/^\| ([^|]+) \|/gm)].map((match) => match[1] ?? '');
    const documented = firstCells.flatMap((cell) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]));
    expect(documented.sort()).toEqual(acknowledgedRules().sort());
  });

  it('give one plain line of reason each', () => {
    for (const { ids, reason } of ACKNOWLEDGEMENTS) {
      expect(reason, ids.join()).not.toContain('\n');
      expect(reason.length, ids.join()).toBeLessThanOrEqual(260);
    }
  });
});
