/**
 * A multi-page form is answered one page at a time; what the person answered so far is a draft kept on the
 * server (docs/decisions/0080), so every page is a plain POST that works without JavaScript, nothing typed is
 * lost between pages, and nothing personal travels back and forth in hidden fields. A draft expires by itself
 * (DynamoDB TTL) DRAFT_TTL_DAYS after its last change. Answers to questions that end up hidden are dropped each
 * time a page is saved, so a draft never keeps them either.
 */
import { randomBytes } from 'node:crypto';
import type { FieldProblem } from '#catalog/form-messages';
import { fieldsOfPage, pageAfter, pageById, pagesOf, visiblePages } from '#catalog/form-pages';
import { CHECK_ANSWERS_PAGE, type FormPage, type Locale, type Strings } from '#catalog/schema';
import { InvalidAnswersError } from '#shared/errors';
import { type Answers, checkAnswers } from './answers.ts';
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
  const earlier = Object.fromEntries(Object.entries(input.draft?.answers ?? {}).filter(([name]) => !onPage.has(name)));
  const { answers, problems } = checkAnswers(form, compiled.validate, { ...earlier, ...input.posted }, locale, deps.strings, now);
  const pageProblems = problems.filter((problem) => onPage.has(problem.field) || problem.field === '');
  if (pageProblems.length > 0) throw new InvalidAnswersError(summaryOf(pageProblems, deps.strings, locale), pageProblems);

  const draft: Draft = {
    id: input.draft?.id ?? (deps.newId ?? newDraftId)(),
    formId: form.id,
    answers,
    createdAt: input.draft?.createdAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + DRAFT_TTL_DAYS * 24 * 60 * 60,
  };
  await deps.store.save(draft);
  if (input.returnToCheck) return { draft, next: firstUnfinished(compiled, answers, locale, deps.strings) };
  const after = pageAfter(form, page.id, answers);
  return { draft, next: after ? { kind: 'page', page: after } : { kind: 'check' } };
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
