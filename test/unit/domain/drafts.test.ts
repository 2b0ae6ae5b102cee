/** Drafts of multi-page forms: one page checked and saved at a time, kept 30 days, never holding hidden answers. */
import { describe, expect, it } from 'vitest';
import { pageById } from '#catalog/form-pages';
import {
  DRAFT_TTL_DAYS,
  type Draft,
  type DraftStore,
  findDraft,
  saveDraftPage,
  saveGroupAction,
  sentDraft,
} from '#domain/drafts';
import { InvalidAnswersError } from '#shared/errors';
import { compiledForm, strings } from '../../support/forms.ts';

const compiled = await compiledForm('snap-application');
const page = (id: string) => pageById(compiled.form, id)!;
const now = new Date('2026-12-01T12:00:00Z');

function inMemoryDrafts(): DraftStore & { saved: Draft[] } {
  const items = new Map<string, Draft>();
  const saved: Draft[] = [];
  return {
    saved,
    async save(draft) {
      saved.push(draft);
      items.set(draft.id, draft);
    },
    async find(id) {
      return items.get(id);
    },
    async remove(id) {
      items.delete(id);
    },
  };
}

const deps = (store: DraftStore) => ({ store, strings, now: () => now, newId: () => 'AAAAAAAAAAAAAAAAAAAAAA' });

async function start(store: DraftStore) {
  return saveDraftPage(
    {
      compiled,
      page: page('about-you'),
      posted: { applicantName: { given: 'Ana', family: 'Díaz' }, email: 'ana@example.com' },
      locale: 'en',
    },
    deps(store),
  );
}

describe('a draft', () => {
  it('starts with the first page and goes to the next page shown', async () => {
    const store = inMemoryDrafts();
    const { draft, next } = await start(store);
    expect(draft.answers).toEqual({ applicantName: { given: 'Ana', family: 'Díaz' }, email: 'ana@example.com' });
    expect(next).toEqual({ kind: 'page', page: page('home') });
  });

  it(`is kept ${DRAFT_TTL_DAYS} days after its last change, then it is gone even before TTL deletes it`, async () => {
    const store = inMemoryDrafts();
    const { draft } = await start(store);
    expect(draft.expiresAt).toBe(now.getTime() / 1000 + 30 * 24 * 60 * 60);
    expect(await findDraft(store, draft.id, 'snap-application', new Date(now.getTime() + 29 * 86_400_000))).toEqual(draft);
    expect(await findDraft(store, draft.id, 'snap-application', new Date(now.getTime() + 30 * 86_400_000))).toBeUndefined();
  });

  it('is found only for its own form and only by a well-formed id', async () => {
    const store = inMemoryDrafts();
    const { draft } = await start(store);
    expect(await findDraft(store, draft.id, 'medicaid-application', now)).toBeUndefined();
    expect(await findDraft(store, `${draft.id}x`, 'snap-application', now)).toBeUndefined();
  });

  it('saves nothing when the page has a mistake, and names only the mistakes on that page', async () => {
    const store = inMemoryDrafts();
    const { draft } = await start(store);
    const before = store.saved.length;
    const attempt = saveDraftPage(
      {
        compiled,
        draft,
        page: page('home'),
        posted: { homeAddress: { street1: '1 Main St', state: 'XX', zip: '5550' } },
        locale: 'en',
      },
      deps(store),
    );
    await expect(attempt).rejects.toThrow(InvalidAnswersError);
    const error = (await attempt.catch((caught: unknown) => caught)) as InvalidAnswersError;
    expect(error.problems).toEqual([{ field: 'homeAddress', message: expect.stringMatching(/^Home address: /) }]);
    expect(store.saved).toHaveLength(before);
  });

  it('drops answers to questions that a changed answer hides', async () => {
    const store = inMemoryDrafts();
    let { draft } = await start(store);
    ({ draft } = await saveDraftPage(
      { compiled, draft, page: page('household'), posted: { householdSize: 2 }, locale: 'en' },
      deps(store),
    ));
    const member = { memberName: { given: 'Bo', family: 'Díaz' }, memberBirth: '2015-06-01' };
    const members = page('household-members');
    ({ draft } = await saveGroupAction(
      { compiled, draft, page: members, action: { kind: 'save', index: 0, posted: member }, locale: 'en' },
      deps(store),
    ));
    expect(draft.answers['household-members']).toEqual([member]);
    const changed = await saveDraftPage(
      { compiled, draft, page: page('household'), posted: { householdSize: 1 }, locale: 'en', returnToCheck: true },
      deps(store),
    );
    expect(changed.draft.answers).not.toHaveProperty('household-members');
    // Back from "Check your answers", but the pages never answered come first.
    expect(changed.next).toEqual({ kind: 'page', page: page('home') });
  });

  it('keeps a household member only when their answers are right, and needs one before going on', async () => {
    const store = inMemoryDrafts();
    let { draft } = await start(store);
    ({ draft } = await saveDraftPage(
      { compiled, draft, page: page('household'), posted: { householdSize: 2 }, locale: 'en' },
      deps(store),
    ));
    const members = page('household-members');
    const go = (action: Parameters<typeof saveGroupAction>[0]['action']) =>
      saveGroupAction({ compiled, draft, page: members, action, locale: 'en' }, deps(store));
    const future = { memberName: { given: 'Bo', family: 'Díaz' }, memberBirth: '2030-01-01' };
    const refused = (await go({ kind: 'save', index: 0, posted: future }).catch(
      (error: unknown) => error,
    )) as InvalidAnswersError;
    expect(refused.problems).toEqual([{ field: 'memberBirth', message: 'Their date of birth must be today or in the past' }]);
    const none = (await go({ kind: 'continue' }).catch((error: unknown) => error)) as InvalidAnswersError;
    expect(none.problems[0]?.message).toBe('Add at least 1 before you continue. You can add up to 19.');
    ({ draft } = await go({ kind: 'save', index: 0, posted: { ...future, memberBirth: '2015-06-01' } }));
    expect((await go({ kind: 'continue' })).next).toEqual({ kind: 'page', page: page('income') });
    ({ draft } = await go({ kind: 'remove', index: 0 }));
    expect(draft.answers).not.toHaveProperty('household-members');
  });

  it('keeps no answers once sent, only the confirmation code, for a day', () => {
    const draft: Draft = {
      id: 'AAAAAAAAAAAAAAAAAAAAAA',
      formId: 'snap-application',
      answers: { email: 'ana@example.com' },
      createdAt: '',
      updatedAt: '',
      expiresAt: 0,
    };
    const sent = sentDraft(draft, 'K7M2-9QXR-4TZC', now);
    expect(sent.answers).toEqual({});
    expect(sent.sentAs).toBe('K7M2-9QXR-4TZC');
    expect(sent.expiresAt).toBe(now.getTime() / 1000 + 86_400);
  });
});
