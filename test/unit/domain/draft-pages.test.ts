/**
 * What a draft keeps between pages for save and resume, versions, prefill and the sensitive question types: the
 * page to come back to, the version it answers, its owner, a Social Security number never needed twice, and a
 * declaration's time signed.
 */
import { describe, expect, it } from 'vitest';
import { pageById } from '#catalog/form-pages';
import { type Draft, type DraftStore, saveDraftPage } from '#domain/drafts';
import { InvalidAnswersError } from '#shared/errors';
import { compiledForm, strings } from '../../support/forms.ts';

const claim = await compiledForm('unemployment-benefits-application');
const page = (id: string) => pageById(claim.form, id)!;
const NOW = new Date('2026-12-01T12:00:00Z');

function inMemoryDrafts(): DraftStore & { items: Map<string, Draft> } {
  const items = new Map<string, Draft>();
  return {
    items,
    save: async (draft) => void items.set(draft.id, draft),
    find: async (id) => items.get(id),
    remove: async (id) => void items.delete(id),
  };
}
const deps = (store: DraftStore, now = NOW) => ({ store, strings, now: () => now, newId: () => 'BBBBBBBBBBBBBBBBBBBBBB' });
const aboutYou = {
  applicantName: { given: 'Ana', family: 'Díaz' },
  ssn: '123-45-6789',
  dateOfBirth: '1986-04-28',
  citizen: 'yes',
};

const start = (store: DraftStore, extra: Partial<Parameters<typeof saveDraftPage>[0]> = {}) =>
  saveDraftPage({ compiled: claim, page: page('about-you'), posted: aboutYou, locale: 'en', ...extra }, deps(store));

describe('a draft page save', () => {
  it('records the form version and the page to come back to', async () => {
    const { draft } = await start(inMemoryDrafts());
    expect(draft.formVersion).toBe(claim.form.version);
    expect(draft.lastPage).toBe('contact');
  });

  it('with "Save and come back later" keeps what is right, drops what is wrong and stays on the page', async () => {
    const store = inMemoryDrafts();
    const { draft, next } = await start(store, {
      posted: { ...aboutYou, ssn: '666-12-3456', dateOfBirth: '1986-02-30' },
      partial: true,
    });
    expect(next).toEqual({ kind: 'page', page: page('about-you') });
    expect(draft.lastPage).toBe('about-you');
    expect(draft.answers).toEqual({ applicantName: aboutYou.applicantName, citizen: 'yes' });
  });

  it('without it refuses the page with the SSN named, saving nothing', async () => {
    const store = inMemoryDrafts();
    const error = (await start(store, { posted: { ...aboutYou, ssn: '900-12-3456' } }).catch(
      (e: unknown) => e,
    )) as InvalidAnswersError;
    expect(error).toBeInstanceOf(InvalidAnswersError);
    expect(error.problems).toEqual([{ field: 'ssn', message: strings['validation.ssn']?.en }]);
    expect(store.items.size).toBe(0);
  });

  it('keeps the saved SSN when its box comes back empty (the number is never sent back to be re-posted)', async () => {
    const store = inMemoryDrafts();
    const { draft } = await start(store);
    const { ssn: _left, ...withoutSsn } = aboutYou;
    const again = await saveDraftPage(
      { compiled: claim, draft, page: page('about-you'), posted: withoutSsn, locale: 'en' },
      deps(store),
    );
    expect(again.draft.answers.ssn).toBe('123-45-6789');
  });

  it('makes a signed-in start the person’s own, with prefilled answers marked until their page is saved', async () => {
    const store = inMemoryDrafts();
    const { draft } = await start(store, {
      owner: { subject: 'sub-1', keyHash: 'hash' },
      prefill: { email: 'ana@example.com' },
    });
    expect(draft).toMatchObject({ owner: 'sub-1', ownerKeyHash: 'hash', prefilled: ['email'] });
    expect(draft.answers.email).toBe('ana@example.com');
    const contact = await saveDraftPage(
      {
        compiled: claim,
        draft,
        page: page('contact'),
        posted: {
          homeAddress: { street1: '1 Main St', city: 'Springfield', state: 'IL', zip: '62701' },
          email: 'ana.diaz@example.com',
          phone: '555-010-2000',
        },
        locale: 'en',
        owner: { subject: 'someone-else', keyHash: 'other' },
      },
      deps(store),
    );
    expect(contact.draft).toMatchObject({ owner: 'sub-1', ownerKeyHash: 'hash' });
    expect(contact.draft.prefilled).toBeUndefined();
    expect(contact.draft.answers.email).toBe('ana.diaz@example.com');
  });

  it('signs the declaration with the server’s time, and keeps that time when the page is saved again unchanged', async () => {
    const store = inMemoryDrafts();
    const { draft } = await start(store);
    const sign = page('sign');
    const posted = { declaration: { agreed: 'yes', name: 'Ana Díaz', signedAt: '2000-01-01T00:00:00.000Z' } };
    const first = await saveDraftPage({ compiled: claim, draft, page: sign, posted, locale: 'en' }, deps(store));
    expect(first.draft.answers.declaration).toEqual({ agreed: 'yes', name: 'Ana Díaz', signedAt: NOW.toISOString() });
    const later = new Date(NOW.getTime() + 3_600_000);
    const again = await saveDraftPage(
      { compiled: claim, draft: first.draft, page: sign, posted, locale: 'en' },
      deps(store, later),
    );
    expect((again.draft.answers.declaration as { signedAt: string }).signedAt).toBe(NOW.toISOString());
  });

  it('asks to agree to sign electronically before the typed name counts', async () => {
    const store = inMemoryDrafts();
    const { draft } = await start(store);
    const error = (await saveDraftPage(
      { compiled: claim, draft, page: page('sign'), posted: { declaration: { name: 'Ana Díaz' } }, locale: 'en' },
      deps(store),
    ).catch((e: unknown) => e)) as InvalidAnswersError;
    expect(error.problems).toEqual([{ field: 'declaration', message: strings['validation.declaration.agreed']?.en }]);
  });
});
