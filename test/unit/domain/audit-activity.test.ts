import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '#domain/audit';
import {
  type ActivityCursor,
  type ActivityStore,
  activitySortKey,
  decodeActivityCursor,
  encodeActivityCursor,
  readActivityPage,
  showActivity,
} from '#domain/audit-activity';
import { type Caller, canReadAgencyActivity } from '#domain/authorization';
import { ForbiddenError, NotFoundError } from '#shared/errors';
import { strings } from '../../support/forms.ts';

function entry(i: number, agency = 'vital-records', subject = 'sub-vera'): AuditEntry {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    // Several entries in the same millisecond: the id keeps them apart and in order.
    at: new Date(Date.UTC(2026, 10, 1) + Math.floor(i / 3)).toISOString(),
    actor: { subject, name: 'Vera Staff', agency },
    action: 'case.read',
    record: 'K7M2-9QXR-4TVB',
    from: {},
    expiresAt: 0,
  };
}

/** The store as gsi2 answers: one partition per agency and actor, in key order, Limit + 1 to know of more. */
function fakeActivity(entries: AuditEntry[]) {
  let queries = 0;
  const store: ActivityStore = {
    async activityOf(q) {
      queries++;
      const mine = entries
        .filter((e) => e.actor.agency === q.agency && e.actor.subject === q.subject)
        .map((e) => ({ e, key: activitySortKey(e) }))
        .sort((a, b) => (q.newestFirst ? b.key.localeCompare(a.key) : a.key.localeCompare(b.key)))
        .filter(({ key }) => q.after === undefined || (q.newestFirst ? key < q.after : key > q.after));
      return { entries: mine.slice(0, q.limit).map(({ e }) => e), more: mine.length > q.limit };
    },
  };
  return { store, queries: () => queries };
}

describe('who reads a staff member’s activity', () => {
  const cases: [string, Caller, 'allow' | typeof ForbiddenError | typeof NotFoundError][] = [
    ['an administrator of the agency', { kind: 'person', subject: 'a', groups: ['staff:vital-records', 'admin'] }, 'allow'],
    [
      'staff of the agency who are not administrators',
      { kind: 'person', subject: 's', groups: ['staff:vital-records'] },
      ForbiddenError,
    ],
    ['an administrator of another agency', { kind: 'person', subject: 'o', groups: ['staff:revenue', 'admin'] }, NotFoundError],
    ['a portal administrator who is no agency’s staff', { kind: 'person', subject: 'p', groups: ['admin'] }, NotFoundError],
    ['a citizen', { kind: 'person', subject: 'c', groups: ['citizen'] }, NotFoundError],
    ['a machine', { kind: 'machine', clientId: 'm', scopes: ['frontdoor/bills'] }, NotFoundError],
    ['nobody', { kind: 'anonymous' }, NotFoundError],
  ];
  for (const [who, caller, outcome] of cases)
    it(`${outcome === 'allow' ? 'shows it to' : 'refuses'} ${who}`, async () => {
      const { store, queries } = fakeActivity([entry(1)]);
      const shown = showActivity(
        { caller, agency: 'vital-records', subject: 'sub-vera', locale: 'en' },
        { activity: store, strings },
      );
      expect(canReadAgencyActivity(caller, 'vital-records')).toBe(outcome === 'allow');
      if (outcome === 'allow') expect((await shown).entries).toHaveLength(1);
      else {
        await expect(shown).rejects.toThrow(outcome);
        // Refused before anything is read.
        expect(queries()).toBe(0);
      }
    });

  it('shows an administrator only what the person did for this agency', async () => {
    const { store } = fakeActivity([entry(1), entry(2, 'revenue'), entry(3)]);
    const caller: Caller = { kind: 'person', subject: 'a', groups: ['staff:vital-records', 'admin'] };
    const shown = await showActivity(
      { caller, agency: 'vital-records', subject: 'sub-vera', locale: 'en' },
      { activity: store, strings },
    );
    expect(shown.entries.map((e) => e.actor.agency)).toEqual(['vital-records', 'vital-records']);
  });

  it('treats a subject that is not a subject as nobody', async () => {
    const { store } = fakeActivity([]);
    const caller: Caller = { kind: 'person', subject: 'a', groups: ['staff:vital-records', 'admin'] };
    await expect(
      showActivity({ caller, agency: 'vital-records', subject: 'x#y', locale: 'en' }, { activity: store, strings }),
    ).rejects.toThrow(NotFoundError);
  });
});

describe('paging through the activity', () => {
  const all = Array.from({ length: 123 }, (_, i) => entry(i));
  const newestFirst = [...all].sort((a, b) => activitySortKey(b).localeCompare(activitySortKey(a))).map((e) => e.id);

  it('gives every entry once, newest first, 50 a page, one Query a page', async () => {
    const { store, queries } = fakeActivity(all);
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: ActivityCursor | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await readActivityPage('vital-records', 'sub-vera', cursor, store);
      seen.push(...page.entries.map((e) => e.id));
      sizes.push(page.entries.length);
      expect(page.previous === undefined).toBe(cursor === undefined);
      if (!page.next) break;
      cursor = decodeActivityCursor(encodeActivityCursor(page.next));
    }
    expect(sizes).toEqual([50, 50, 23]);
    expect(seen).toEqual(newestFirst);
    expect(queries()).toBe(3);
  });

  it('goes back a page to exactly the page before', async () => {
    const { store } = fakeActivity(all);
    const first = await readActivityPage('vital-records', 'sub-vera', undefined, store);
    const second = await readActivityPage('vital-records', 'sub-vera', first.next, store);
    const back = await readActivityPage('vital-records', 'sub-vera', second.previous, store);
    expect(back.entries.map((e) => e.id)).toEqual(first.entries.map((e) => e.id));
    expect(back.previous).toBeUndefined();
    expect(back.next).toEqual(first.next);
  });

  it('says there is nothing more on a page that ends exactly at the last entry', async () => {
    const { store } = fakeActivity(all.slice(0, 50));
    expect((await readActivityPage('vital-records', 'sub-vera', undefined, store)).next).toBeUndefined();
  });

  it('refuses made-up cursors', () => {
    expect(decodeActivityCursor('n.bm90IGEga2V5')).toBeUndefined();
    expect(decodeActivityCursor('q.abc')).toBeUndefined();
    expect(decodeActivityCursor(undefined)).toBeUndefined();
    const cursor: ActivityCursor = { key: activitySortKey(entry(5)), direction: 'previous' };
    expect(decodeActivityCursor(encodeActivityCursor(cursor))).toEqual(cursor);
  });
});
