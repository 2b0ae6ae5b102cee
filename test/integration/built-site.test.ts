/** The real build output: every task page of every service, in both languages, is within three clicks of home. */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '#catalog/load';
import { DIST_DIR } from '../../local/portal.ts';
import { checkClickDepth } from '../../scripts/check-click-depth.ts';

describe('the built site', () => {
  const catalog = loadCatalog();
  const result = checkClickDepth(DIST_DIR);

  it('has no task page deeper than three clicks or unreachable', () => {
    expect(result.problems).toEqual([]);
  });

  it('has apply and status task pages for every service, and a pay page for every fee, in English and Spanish', () => {
    const paths = new Set(result.tasks.map((task) => task.path));
    for (const service of catalog.services.values()) {
      for (const prefix of ['', '/es']) {
        expect(paths).toContain(`${prefix}/services/${service.id}/apply/`);
        expect(paths).toContain(`${prefix}/services/${service.id}/status/`);
        if (service.fee) expect(paths).toContain(`${prefix}/services/${service.id}/pay/`);
      }
    }
    expect(Math.max(...result.tasks.map((task) => task.depth))).toBeLessThanOrEqual(3);
  });
});
