/**
 * A multi-page form is answered one page at a time; what the person answered so far is a draft kept on the
 * server (docs/decisions/0080), so every page is a plain POST that works without JavaScript, nothing typed is
 * lost between pages, and nothing personal travels back and forth in hidden fields. A draft expires by itself
 * (DynamoDB TTL) DRAFT_TTL_DAYS after its last change. Answers to questions that end up hidden are dropped each
 * time a page is saved, so a draft never keeps them either.
 */
import { randomBytes } from 'node:crypto';
import type { FieldProblem } from '#catalog/form-messages';
import { CHECK_ANSWERS_PAGE, fieldsOfPage, pageAfter, pageById, pagesOf, visiblePages } from '#catalog/form-pages';
import { translate } from '#catalog/i18n';
import type { FormPage, Locale, Strings } from '#catalog/schema';
import { InvalidAnswersError, NotFoundError } from '#shared/errors';
import { type Answers, checkAnswers, type ItemAnswers } from './answers.ts';
import { signDeclarations } from './signatures.ts';
import { type CompiledForm, summaryOf } from './submissions.ts';

export const DRAFT_TTL_DAYS = 30;

export interface Draft {
  /** 128 random bits, base64url: whoever holds it can read and change the draft, so it is never guessable. */
  id: string;
  formId: string;
  answers: Answers;
  createdAt: string;
  updatedAt: string;
  /** Epoch seconds after which DynamoDB's TTL deletes it. */
  expiresAt: number;
  /** Once sent: the confirmation code. The answers are gone from the draft then (they live on the submission). */
  sentAs?: string;
  /** The form version the answers are to (decision 0085); absent on drafts made before versions: version 1. */
  formVersion?: number;
  /** The page to come back to (the one after the last saved, or the one left with "Save and come back later"). */
  lastPage?: string;
  /** A signed-in person's draft: their `sub`. Only they open it (draft-resume.ts mayOpenDraft). */
  owner?: string;
  /** SHA-256 of the key in the owner's draft cookie. */
  ownerKeyHash?: string;
  /** The resume code given with "Save and come back later" (the newest; an older one no longer works). */
  resumeCode?: string;
  /** Whether the resume link was e-mailed (the saved page says so). */
  emailedLink?: boolean;
  /** Questions answered from the sign-in (prefill.ts) on pages not seen yet: their page marks them so. */
  prefilled?: string[];
}

/** What a draft keeps from one save to the next, whatever the page changed. */
function carried(draft: Draft | undefined): Partial<Draft> {
  if (!draft) return {};
  const { formVersion, owner, ownerKeyHash, resumeCode, emailedLink } = draft;
  return Object.fromEntries(
    Object.entries({ formVersion, owner, ownerKeyHash, resumeCode, emailedLink }).filter(([, value]) => value !== undefined),
  );
}

export interface DraftStore {
  /** Creates or replaces the draft. */
  save(draft: Draft): Promise<void>;
  find(id: string): Promise<Draft | undefined>;
  remove(id: string): Promise<void>;
}

const DRAFT_ID = /^[A-Za-z0-9_-]{22}$/;

export function newDraftId(): string {
  return randomBytes(16).toString('base64url');
}

export function isDraftId(value: string): boolean {
  return DRAFT_ID.test(value);
}

/** The draft, if it exists, belongs to this form and has not expired (TTL deletes lazily, so check the time too). */
export async function findDraft(store: DraftStore, id: string, formId: string, now: Date): Promise<Draft | undefined> {
  if (!isDraftId(id)) return undefined;
  const draft = await store.find(id);
  if (!draft || draft.formId !== formId || draft.expiresAt * 1000 <= now.getTime()) return undefined;
  return draft;
}

/** Where the person goes after saving a page: the next page shown, or "Check your answers". */
export type NextStep = { kind: 'page'; page: FormPage } | { kind: 'check' };

export interface SavePageInput {
  compiled: CompiledForm;
  /** Absent for the first page: the draft is created with it. */
  draft?: Draft | undefined;
  page: FormPage;
  /** This page's answers, typed (answersFromFormPost with the page's questions). */
  posted: Record<string, unknown>;
  locale: Locale;
  /** They came from "Check your answers" to change something: go back there once nothing is missing. */
  returnToCheck?: boolean;
  /**
   * "Save and come back later": keep what is right on this page, drop what is not (nothing refused), and stay on
   * this page to come back to.
   */
  partial?: boolean;
  /** For a new draft: whose it is, and the hash of their draft key (a signed-in person's draft). */
  owner?: { subject: string; keyHash: string } | undefined;
  /** For a new draft: answers from the person's sign-in (prefill.ts), under what they typed on this page. */
  prefill?: Record<string, unknown> | undefined;
}

/**
 * Checks one page and saves it into the draft. Mistakes on this page throw InvalidAnswersError (nothing saved);
 * questions of later pages are not checked yet. Returns the saved draft and where to go next.
 */
export async function saveDraftPage(
  input: SavePageInput,
  deps: { store: DraftStore; strings: Strings; now?: () => Date; newId?: () => string },
): Promise<{ draft: Draft; next: NextStep }> {
  const { compiled, page, locale } = input;
  const { form } = compiled;
  const now = (deps.now ?? (() => new Date()))();
  const onPage = new Set(page.questions);
  const earlier = Object.fromEntries(
    Object.entries({ ...input.prefill, ...input.draft?.answers }).filter(([name]) => !onPage.has(name)),
  );
  const kept = input.draft?.answers ?? {};
  const posted = signDeclarations(form, keptSecrets(compiled, page, kept, input.posted), kept, now);
  let checked = checkAnswers(form, compiled.validate, { ...earlier, ...posted }, locale, deps.strings, now);
  const pageProblems = checked.problems.filter((problem) => onPage.has(problem.field) || problem.field === '');
  if (pageProblems.length > 0 && input.partial) {
    // Keep what is right; what is wrong is asked again when they come back.
    const wrong = new Set(pageProblems.map((problem) => problem.field));
    const kept = Object.fromEntries(Object.entries(posted).filter(([name]) => !wrong.has(name)));
    checked = checkAnswers(form, compiled.validate, { ...earlier, ...kept }, locale, deps.strings, now);
  } else if (pageProblems.length > 0) throw new InvalidAnswersError(summaryOf(pageProblems, deps.strings, locale), pageProblems);
  const { answers } = checked;

  const next: NextStep = input.partial
    ? { kind: 'page', page }
    : input.returnToCheck
      ? firstUnfinished(compiled, answers, locale, deps.strings)
      : nextAfter(compiled, page, answers);
  const draft: Draft = {
    id: input.draft?.id ?? (deps.newId ?? newDraftId)(),
    formId: form.id,
    answers,
    createdAt: input.draft?.createdAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + DRAFT_TTL_DAYS * 24 * 60 * 60,
    formVersion: input.draft?.formVersion ?? form.version,
    ...carried(input.draft),
    ...(input.draft === undefined && input.owner && { owner: input.owner.subject, ownerKeyHash: input.owner.keyHash }),
    lastPage: next.kind === 'check' ? CHECK_ANSWERS_PAGE : next.page.id,
  };
  // Once its page is saved, a prefilled answer is the person's own.
  const prefilled = (input.draft?.prefilled ?? Object.keys(input.prefill ?? {})).filter(
    (name) => !onPage.has(name) && name in answers,
  );
  if (prefilled.length > 0) draft.prefilled = prefilled;
  else delete draft.prefilled;
  await deps.store.save(draft);
  return { draft, next };
}

function nextAfter(compiled: CompiledForm, page: FormPage, answers: Answers): NextStep {
  const after = pageAfter(compiled.form, page.id, answers);
  return after ? { kind: 'page', page: after } : { kind: 'check' };
}

/**
 * A Social Security number is never sent back to the browser once saved (the page shows its last four digits and
 * an empty box): an empty box on that page keeps the number already in the draft.
 */
export function keptSecrets(
  compiled: CompiledForm,
  page: FormPage,
  kept: Answers,
  posted: Record<string, unknown>,
): Record<string, unknown> {
  const result = { ...posted };
  for (const field of fieldsOfPage(compiled.form, page)) {
    if (field.type === 'ssn' && result[field.name] === undefined && typeof kept[field.name] === 'string')
      result[field.name] = kept[field.name];
  }
  return result;
}

/**
 * The first page shown that still has a mistake or a missing answer (a change can reveal a page never seen), or
 * "Check your answers" when the whole form is ready to send.
 */
export function firstUnfinished(compiled: CompiledForm, answers: Answers, locale: Locale, strings: Strings): NextStep {
  const { problems } = checkAnswers(compiled.form, compiled.validate, answers, locale, strings);
  const first = firstPageWith(compiled, problems);
  return first ? { kind: 'page', page: first } : { kind: 'check' };
}

function firstPageWith(compiled: CompiledForm, problems: FieldProblem[]): FormPage | undefined {
  const names = new Set(problems.map((problem) => problem.field));
  return pagesOf(compiled.form).find((page) => page.questions.some((name) => names.has(name)));
}

/** The page a path names: a page of the form, or "Check your answers". */
export function stepNamed(compiled: CompiledForm, pageId: string): NextStep | undefined {
  if (pageId === CHECK_ANSWERS_PAGE) return { kind: 'check' };
  const page = pageById(compiled.form, pageId);
  return page ? { kind: 'page', page } : undefined;
}

/** The answers a page shows again: its own questions' answers from the draft. */
export function answersOnPage(compiled: CompiledForm, page: FormPage, answers: Answers): Answers {
  return Object.fromEntries(
    fieldsOfPage(compiled.form, page).flatMap((field) => (field.name in answers ? [[field.name, answers[field.name]!]] : [])),
  );
}

/** The step indicator's steps for these answers: the pages shown, then "Check your answers". */
export function stepsFor(compiled: CompiledForm, answers: Answers): FormPage[] {
  return visiblePages(compiled.form, answers);
}

/** The Idempotency-Key of sending a draft: pressing "Send" twice sends it once. */
export function draftIdempotencyKey(draft: Draft): string {
  return `draft.${draft.id}`;
}

/** How long a sent draft still answers (with its confirmation code) a second press of "Send" or an old tab. */
export const SENT_DRAFT_TTL_SECONDS = 24 * 60 * 60;

/** The draft once its answers are sent: no answers left, only the code, for a day (double "Send", Back). */
export function sentDraft(draft: Draft, code: string, now: Date): Draft {
  return {
    ...draft,
    answers: {},
    sentAs: code,
    updatedAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + SENT_DRAFT_TTL_SECONDS,
  };
}

/** What a repeating page's post asks for: save one item (`index` = the count adds one), remove one, or go on. */
export type GroupAction =
  | { kind: 'save'; index: number; posted: ItemAnswers }
  | { kind: 'remove'; index: number }
  | { kind: 'continue' };

/** The items of a repeating page kept in the draft. */
export function itemsOf(answers: Answers, page: FormPage): ItemAnswers[] {
  const items = answers[page.id];
  return Array.isArray(items) ? (items as ItemAnswers[]) : [];
}

/**
 * "Add another", without JavaScript: each item is its own page (saved here, checked like any page: its mistakes
 * throw InvalidAnswersError keyed by the item's questions, nothing saved); removing one is a post too; going on
 * checks the number of items. Saving or removing comes back to the repeating page's list.
 */
export async function saveGroupAction(
  input: { compiled: CompiledForm; draft: Draft; page: FormPage; action: GroupAction; locale: Locale; returnToCheck?: boolean },
  deps: { store: DraftStore; strings: Strings; now?: () => Date },
): Promise<{ draft: Draft; next: NextStep | { kind: 'group'; page: FormPage } }> {
  const { compiled, page, action, locale, draft } = input;
  const group = page.group;
  if (!group) throw new Error(`"${page.id}" is not a repeating page`);
  const now = (deps.now ?? (() => new Date()))();
  const items = [...itemsOf(draft.answers, page)];
  if (action.kind === 'continue') {
    const { problems } = checkAnswers(compiled.form, compiled.validate, draft.answers, locale, deps.strings, now);
    const mine = problems.filter((problem) => problem.field === page.id);
    // Too few (or none yet, when at least one is needed) or too many: said on the list itself.
    const count = items.length;
    if (count < group.min || count > group.max || mine.length > 0) {
      const message =
        mine[0]?.message ??
        translate(deps.strings, 'validation.groupMin', locale, { min: Math.max(group.min, 1), max: group.max });
      const problem = { field: page.id, message };
      throw new InvalidAnswersError(summaryOf([problem], deps.strings, locale), [problem]);
    }
    const next = input.returnToCheck
      ? firstUnfinished(compiled, draft.answers, locale, deps.strings)
      : nextAfter(compiled, page, draft.answers);
    const moved: Draft = { ...draft, lastPage: next.kind === 'check' ? CHECK_ANSWERS_PAGE : next.page.id };
    if (moved.lastPage !== draft.lastPage) await deps.store.save(moved);
    return { draft: moved, next };
  }
  if (action.index < 0 || action.index > items.length || (action.kind === 'remove' && action.index === items.length)) {
    throw new NotFoundError(translate(deps.strings, 'form.pageNotFound', locale));
  }
  if (action.kind === 'remove') items.splice(action.index, 1);
  else items[action.index] = action.posted;
  const { answers, itemProblems = [] } = checkAnswers(
    compiled.form,
    compiled.validate,
    { ...draft.answers, [page.id]: items },
    locale,
    deps.strings,
    now,
  );
  if (action.kind === 'save') {
    const onItem = itemProblems
      .filter((problem) => problem.group === page.id && problem.index === action.index)
      .map(({ field, message }) => ({ field, message }))
      .sort((a, b) => group.fields.findIndex((f) => f.name === a.field) - group.fields.findIndex((f) => f.name === b.field));
    if (onItem.length > 0) throw new InvalidAnswersError(summaryOf(onItem, deps.strings, locale), onItem);
  }
  // An item's too-many or too-few is for "continue" to say; the list is saved as it now is.
  const saved: Draft = {
    ...draft,
    answers: { ...answers, [page.id]: itemsOf(answers, page).length > 0 ? answers[page.id]! : [] },
    updatedAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + DRAFT_TTL_DAYS * 24 * 60 * 60,
    lastPage: page.id,
  };
  if (itemsOf(saved.answers, page).length === 0) delete saved.answers[page.id];
  await deps.store.save(saved);
  return { draft: saved, next: { kind: 'group', page } };
}
