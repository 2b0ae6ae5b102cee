import { describe, expect, it } from 'vitest';
import { newConfirmationCode } from '#domain/confirmation-code';
import {
  type InteractionDeps,
  type InteractionStore,
  InvalidInteractionError,
  ingestInteraction,
  matchPerson,
  parseInteraction,
} from '#domain/interactions';
import type { Submission } from '#domain/submissions';
import type { TimelineEntry } from '#domain/timeline';
import { ConflictError } from '#shared/errors';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const valid = {
  channel: 'voice',
  direction: 'in',
  occurredAt: '2026-12-01T09:30:00Z',
  agency: 'revenue',
  summary: 'Asked when the refund arrives',
  externalId: 'connect-contact-123',
  person: { email: 'Ana@Example.com' },
};

function problemsOf(body: unknown): string[] {
  try {
    parseInteraction(body, NOW);
  } catch (error) {
    if (error instanceof InvalidInteractionError) return error.problems.map((p) => p.field);
    throw error;
  }
  return [];
}

function submission(extra: Partial<Submission>): Submission {
  return {
    code: newConfirmationCode(),
    formId: 'f',
    serviceId: 's',
    agency: 'revenue',
    status: 'received',
    locale: 'en',
    channel: 'web',
    answers: {},
    submittedAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...extra,
  };
}

function fakes(cases: Submission[]) {
  const claims = new Map<string, { entryId: string; fingerprint: string }>();
  const written: TimelineEntry[] = [];
  const store: InteractionStore = {
    async record(claim, entry) {
      const key = `${claim.agency}#${claim.channel}#${claim.externalId}`;
      const first = claims.get(key);
      if (first) return { kind: 'replay', ...first };
      claims.set(key, { entryId: entry.id, fingerprint: claim.fingerprint });
      written.push(entry);
      return { kind: 'recorded' };
    },
  };
  const deps: InteractionDeps = {
    findByCode: async (code) => cases.find((c) => c.code === code),
    findByEmail: async (agency, email) => cases.filter((c) => c.agency === agency && c.applicantEmail === email),
    store,
    now: () => NOW,
  };
  return { deps, written };
}

describe('an interaction from another channel', () => {
  it('is read with its defaults: the actor follows the direction, the address is lower case', () => {
    expect(parseInteraction(valid, NOW)).toMatchObject({
      actor: 'citizen',
      occurredAt: '2026-12-01T09:30:00.000Z',
      person: { email: 'ana@example.com' },
    });
  });

  it('names every field that is wrong, at once', () => {
    expect(
      problemsOf({ ...valid, channel: 'fax', direction: 'sideways', occurredAt: 'yesterday', agency: 'Revenue!', summary: '' }),
    ).toEqual(['channel', 'direction', 'occurredAt', 'agency', 'summary']);
  });

  it('refuses fields it does not know, a contact in the future, and a summary of several lines', () => {
    expect(problemsOf({ ...valid, transcript: '…' })).toEqual(['transcript']);
    expect(problemsOf({ ...valid, occurredAt: '2026-12-01T11:00:00Z' })).toEqual(['occurredAt']);
    expect(problemsOf({ ...valid, summary: 'line one\nline two' })).toEqual(['summary']);
    expect(problemsOf({ ...valid, summary: 'x'.repeat(281) })).toEqual(['summary']);
  });

  it('needs a way to find the person, and says which part of it is wrong', () => {
    expect(problemsOf({ ...valid, person: undefined })).toEqual(['person']);
    expect(problemsOf({ ...valid, person: {} })).toEqual(['person']);
    expect(problemsOf({ ...valid, person: { confirmationCode: 'nope', phone: 'call me' } })).toEqual([
      'person.confirmationCode',
      'person.phone',
    ]);
    expect(problemsOf({ ...valid, person: { name: 'Ana' } })).toEqual(['person.name']);
  });

  it('is not a JSON object: one problem, the body', () => {
    expect(problemsOf([valid])).toEqual(['(body)']);
    expect(problemsOf('text')).toEqual(['(body)']);
  });
});

describe('finding the person', () => {
  it('by confirmation code: the case, its service (for the volume by channel) and its owner', async () => {
    const made = submission({ ownerSubject: 'sub-ana' });
    const { deps } = fakes([made]);
    expect(await matchPerson({ agency: 'revenue', person: { confirmationCode: made.code } }, deps)).toEqual({
      caseCode: made.code,
      serviceId: made.serviceId,
      person: 'sub-ana',
    });
  });

  it('by confirmation code of another agency’s case: not linked to it', async () => {
    const made = submission({ agency: 'motor-vehicles', ownerSubject: 'sub-ana' });
    const { deps } = fakes([made]);
    expect(await matchPerson({ agency: 'revenue', person: { confirmationCode: made.code } }, deps)).toEqual({});
  });

  it('by person id', async () => {
    const { deps } = fakes([]);
    expect(await matchPerson({ agency: 'revenue', person: { personId: 'sub-ana' } }, deps)).toEqual({ person: 'sub-ana' });
  });

  it('by e-mail address with one case: that case', async () => {
    const made = submission({ applicantEmail: 'ana@example.com' });
    const { deps } = fakes([made]);
    expect(await matchPerson({ agency: 'revenue', person: { email: 'ana@example.com' } }, deps)).toEqual({
      caseCode: made.code,
      serviceId: made.serviceId,
    });
  });

  it('by e-mail address with several cases of one signed-in person: that person', async () => {
    const cases = [1, 2].map(() => submission({ applicantEmail: 'ana@example.com', ownerSubject: 'sub-ana' }));
    const { deps } = fakes(cases);
    expect(await matchPerson({ agency: 'revenue', person: { email: 'ana@example.com' } }, deps)).toEqual({ person: 'sub-ana' });
  });

  it('by e-mail address shared by cases of different people or anonymous ones: nobody (unlinked)', async () => {
    const cases = [
      submission({ applicantEmail: 'family@example.com', ownerSubject: 'sub-ana' }),
      submission({ applicantEmail: 'family@example.com', ownerSubject: 'sub-luis' }),
    ];
    const { deps } = fakes(cases);
    expect(await matchPerson({ agency: 'revenue', person: { email: 'family@example.com' } }, deps)).toEqual({});
    const anonymous = fakes([submission({ applicantEmail: 'a@example.com' }), submission({ applicantEmail: 'a@example.com' })]);
    expect(await matchPerson({ agency: 'revenue', person: { email: 'a@example.com' } }, anonymous.deps)).toEqual({});
  });

  it('by phone alone: unlinked (the portal keeps no phone index)', async () => {
    const { deps } = fakes([]);
    expect(await matchPerson({ agency: 'revenue', person: { phone: '+15550102000' } }, deps)).toEqual({});
  });
});

describe('recording the contact', () => {
  it('keeps an unmatched contact as unlinked, with how to find the person, for staff to link', async () => {
    const { deps, written } = fakes([]);
    const receipt = await ingestInteraction(parseInteraction(valid, NOW), deps);
    expect(receipt).toMatchObject({ linked: 'unlinked', replayed: false });
    expect(written[0]).toMatchObject({ kind: 'contact', hint: { email: 'ana@example.com' } });
    expect(written[0]?.person).toBeUndefined();
  });

  it('keeps no address on a linked contact', async () => {
    const made = submission({ applicantEmail: 'ana@example.com', ownerSubject: 'sub-ana' });
    const { deps, written } = fakes([made]);
    const receipt = await ingestInteraction(parseInteraction(valid, NOW), deps);
    expect(receipt).toMatchObject({ linked: 'case', caseCode: made.code });
    expect(written[0]).not.toHaveProperty('hint');
    expect(written[0]).toMatchObject({ person: 'sub-ana', caseCode: made.code });
    // A contact from another channel is a record: the notifier does not write to the person about it.
    expect(written[0]).not.toHaveProperty('notify');
  });

  it('the same externalId twice is one entry, and the second answer says it is a repeat', async () => {
    const { deps, written } = fakes([]);
    const first = await ingestInteraction(parseInteraction(valid, NOW), deps);
    const again = await ingestInteraction(parseInteraction(valid, NOW), deps);
    expect(written).toHaveLength(1);
    expect(again).toEqual({ ...first, replayed: true });
  });

  it('the same externalId with something else is refused, not taken for a repeat', async () => {
    const { deps, written } = fakes([]);
    await ingestInteraction(parseInteraction(valid, NOW), deps);
    await expect(ingestInteraction(parseInteraction({ ...valid, summary: 'Other' }, NOW), deps)).rejects.toThrow(ConflictError);
    expect(written).toHaveLength(1);
  });
});
