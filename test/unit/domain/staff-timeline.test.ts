import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '#domain/audit';
import type { Caller } from '#domain/authorization';
import { newConfirmationCode } from '#domain/confirmation-code';
import {
  LinkContactError,
  linkContact,
  personTimelineForStaff,
  type StaffTimelineDeps,
  unlinkedContactsFor,
} from '#domain/staff-timeline';
import type { Submission } from '#domain/submissions';
import { cursorOf, type TimelineEntry, timelineEntry } from '#domain/timeline';
import { NotFoundError } from '#shared/errors';
import { strings } from '../../support/forms.ts';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const staff: Caller = { kind: 'person', subject: 'sub-vera', groups: ['staff:vital-records'], name: 'Vera' };
const otherStaff: Caller = { kind: 'person', subject: 'sub-rob', groups: ['staff:revenue'], name: 'Rob' };
const from = { address: '203.0.113.9' };

const entry = (agency: string, extra: Partial<TimelineEntry>) =>
  timelineEntry(
    { kind: 'contact', channel: 'voice', direction: 'in', actor: 'citizen', agency, summary: 'A call', ...extra },
    { now: () => NOW },
  );

function submission(agency: string, ownerSubject?: string): Submission {
  return {
    code: newConfirmationCode(),
    formId: 'f',
    serviceId: 's',
    agency,
    status: 'received',
    locale: 'en',
    channel: 'web',
    answers: {},
    submittedAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...(ownerSubject && { ownerSubject }),
  };
}

function fakes(options: { person?: TimelineEntry[]; unlinked?: TimelineEntry[]; cases?: Submission[] } = {}) {
  const audits: AuditEntry[] = [];
  const linked: TimelineEntry[] = [];
  const unlinked = [...(options.unlinked ?? [])];
  const deps: StaffTimelineDeps = {
    strings,
    now: () => NOW,
    retentionDays: 30,
    timeline: {
      personTimeline: async () => ({ entries: options.person ?? [] }),
      caseTimeline: async () => ({ entries: [] }),
    },
    store: {
      unlinkedContacts: async () => ({ entries: unlinked }),
      unlinkedContact: async (_agency, key) => unlinked.find((e) => `${e.occurredAt}#${e.id}` === key),
      async link(_agency, key, entry, audit) {
        const at = unlinked.findIndex((e) => `${e.occurredAt}#${e.id}` === key);
        if (at < 0) return 'gone';
        unlinked.splice(at, 1);
        linked.push(entry);
        audits.push(audit);
        return 'linked';
      },
      audit: async (a) => void audits.push(a),
    },
    findByCode: async (code) => options.cases?.find((c) => c.code === code),
  };
  return { deps, audits, linked, unlinked };
}

describe('a person’s timeline for staff', () => {
  it('shows only the staff member’s agency’s entries of that person, and audits the read', async () => {
    const mine = entry('vital-records', { person: 'sub-ana' });
    const theirs = entry('revenue', { person: 'sub-ana' });
    const someoneElse = entry('vital-records', { person: 'sub-ben' });
    const { deps, audits } = fakes({ person: [mine, theirs, someoneElse] });
    const page = await personTimelineForStaff(
      { caller: staff, agency: 'vital-records', person: 'sub-ana', locale: 'en', from },
      deps,
    );
    expect(page.entries).toEqual([mine]);
    expect(audits.map((a) => [a.action, a.record, a.actor.subject])).toEqual([['person.read', 'PERSON#sub-ana', 'sub-vera']]);
  });

  it('is nothing at all (404, no audit) for another agency’s staff or a citizen', async () => {
    const { deps, audits } = fakes({ person: [entry('vital-records', { person: 'sub-ana' })] });
    for (const caller of [otherStaff, { kind: 'person', subject: 'sub-ana', groups: ['citizen'] } as Caller]) {
      await expect(
        personTimelineForStaff({ caller, agency: 'vital-records', person: 'sub-ana', locale: 'en', from }, deps),
      ).rejects.toThrow(NotFoundError);
    }
    expect(audits).toHaveLength(0);
  });
});

describe('unlinked contacts', () => {
  it('lists only the agency’s contacts that are still unlinked', async () => {
    const open = entry('vital-records', { hint: { phone: '+12025550100' } });
    const { deps } = fakes({ unlinked: [open, entry('vital-records', { person: 'sub-x' }), entry('revenue', {})] });
    expect((await unlinkedContactsFor({ caller: staff, agency: 'vital-records', locale: 'en' }, deps)).entries).toEqual([open]);
    await expect(unlinkedContactsFor({ caller: otherStaff, agency: 'vital-records', locale: 'en' }, deps)).rejects.toThrow(
      NotFoundError,
    );
  });

  it('links one to the agency’s case (and its owner), drops the hint, and audits it', async () => {
    const contact = entry('vital-records', { hint: { phone: '+12025550100' } });
    const found = submission('vital-records', 'sub-ana');
    const { deps, linked, audits } = fakes({ unlinked: [contact], cases: [found] });
    const result = await linkContact(
      {
        caller: staff,
        agency: 'vital-records',
        contact: cursorOf(contact),
        target: { code: found.code.toLowerCase() },
        locale: 'en',
        from,
      },
      deps,
    );
    expect(result).toEqual({ outcome: 'linked', caseCode: found.code, person: 'sub-ana' });
    expect(linked[0]).toMatchObject({ id: contact.id, caseCode: found.code, person: 'sub-ana' });
    expect(linked[0]?.hint).toBeUndefined();
    expect(audits[0]).toMatchObject({ action: 'contact.link', record: found.code, detail: { contact: contact.id } });
  });

  it('links one to a person by id', async () => {
    const contact = entry('vital-records', { hint: { phone: '+12025550100' } });
    const { deps, linked } = fakes({ unlinked: [contact] });
    await linkContact(
      { caller: staff, agency: 'vital-records', contact: cursorOf(contact), target: { person: 'sub-ben' }, locale: 'en', from },
      deps,
    );
    expect(linked[0]).toMatchObject({ person: 'sub-ben' });
    expect(linked[0]?.caseCode).toBeUndefined();
  });

  it('refuses another agency’s case as if there were none, and a form with neither code nor person', async () => {
    const contact = entry('vital-records', {});
    const elsewhere = submission('revenue');
    const { deps, linked } = fakes({ unlinked: [contact], cases: [elsewhere] });
    const input = { caller: staff, agency: 'vital-records', contact: cursorOf(contact), locale: 'en' as const, from };
    await expect(linkContact({ ...input, target: { code: elsewhere.code } }, deps)).rejects.toThrow(LinkContactError);
    await expect(linkContact({ ...input, target: {} }, deps)).rejects.toThrow(LinkContactError);
    await expect(linkContact({ ...input, target: { person: 'not an id!' } }, deps)).rejects.toThrow(LinkContactError);
    expect(linked).toHaveLength(0);
  });

  it('answers "gone" for a contact that is no longer unlinked, or a position that is not one', async () => {
    const contact = entry('vital-records', {});
    const { deps } = fakes({ unlinked: [] });
    const input = { caller: staff, agency: 'vital-records', locale: 'en' as const, from, target: { person: 'sub-ben' } };
    expect(await linkContact({ ...input, contact: cursorOf(contact) }, deps)).toEqual({ outcome: 'gone' });
    expect(await linkContact({ ...input, contact: 'garbage' }, deps)).toEqual({ outcome: 'gone' });
  });
});
