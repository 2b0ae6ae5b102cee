/**
 * A form as pages: a one-page form (the catalog's "fields") is one page without a title; a multi-page form lists
 * its pages. What comes next, what came before and which questions a page shows, from the answers so far — with
 * the one condition evaluator (./conditions.ts). No zod, no DOM: the functions and the build read it.
 */
import { type ConditionalForm, holds, questionsNamed, shownPages, shownQuestions } from './conditions.ts';
import type { Field, Form, FormPage } from './schema.ts';

/** The reserved page id of "Check your answers"; no page of a form may use it. */
export const CHECK_ANSWERS_PAGE = 'check-your-answers';

/** True when the form is answered page by page (a draft kept on the server between pages). */
export function isMultiPage(form: Form): form is Form & { pages: FormPage[] } {
  return form.pages !== undefined;
}

/** The form's pages; a one-page form is one page with the form's title. */
export function pagesOf(form: Form): FormPage[] {
  return form.pages ?? [{ id: 'form', title: form.title, questions: form.fields.map((field) => field.name) }];
}

/** The shape the evaluator reads, built once per form. */
const shapes = new WeakMap<Form, ConditionalForm>();
export function conditionalForm(form: Form): ConditionalForm {
  let shape = shapes.get(form);
  if (!shape) {
    const byName = new Map(form.fields.map((field) => [field.name, field]));
    shape = {
      pages: pagesOf(form).map((page) => ({
        when: page.when,
        questions: page.questions.map((name) => ({ name, when: byName.get(name)?.when })),
      })),
    };
    shapes.set(form, shape);
  }
  return shape;
}

export function pageById(form: Form, pageId: string): FormPage | undefined {
  return pagesOf(form).find((page) => page.id === pageId);
}

/** The questions of a page, as fields. */
export function fieldsOfPage(form: Form, page: FormPage): Field[] {
  return page.questions.flatMap((name) => form.fields.filter((field) => field.name === name));
}

/** The pages a person goes through with these answers, in order. */
export function visiblePages(form: Form, answers: Readonly<Record<string, unknown>>): FormPage[] {
  const pages = pagesOf(form);
  return shownPages(conditionalForm(form), answers).flatMap((index) => pages[index] ?? []);
}

export function isPageShown(form: Form, page: FormPage, answers: Readonly<Record<string, unknown>>): boolean {
  return visiblePages(form, answers).some((candidate) => candidate.id === page.id);
}

/** The page shown after `pageId` with these answers; undefined after the last (then: "Check your answers"). */
export function pageAfter(form: Form, pageId: string, answers: Readonly<Record<string, unknown>>): FormPage | undefined {
  const all = pagesOf(form);
  const position = all.findIndex((page) => page.id === pageId);
  return visiblePages(form, answers).find((page) => all.indexOf(page) > position);
}

/** The page shown before `pageId` with these answers; undefined before the first. */
export function pageBefore(form: Form, pageId: string, answers: Readonly<Record<string, unknown>>): FormPage | undefined {
  const all = pagesOf(form);
  const position = all.findIndex((page) => page.id === pageId);
  return visiblePages(form, answers)
    .filter((page) => all.indexOf(page) < position)
    .at(-1);
}

/**
 * How each question of a page is shown, given the answers to earlier pages: `shown` (its condition holds),
 * `hidden` (it does not: not rendered at all), or `live` (its condition names a question on the same page, so the
 * browser decides as the person answers, and without JavaScript it is shown and the server drops it if needed).
 */
export function questionStates(
  form: Form,
  page: FormPage,
  earlier: Readonly<Record<string, unknown>>,
): Map<string, 'shown' | 'hidden' | 'live'> {
  const onPage = new Set(page.questions);
  const states = new Map<string, 'shown' | 'hidden' | 'live'>();
  const kept = Object.fromEntries(
    Object.entries(earlier).filter(([name]) => !onPage.has(name) && shownQuestions(conditionalForm(form), earlier).has(name)),
  );
  for (const field of fieldsOfPage(form, page)) {
    if (!field.when) states.set(field.name, 'shown');
    else if (questionsNamed(field.when).some((name) => onPage.has(name))) states.set(field.name, 'live');
    else states.set(field.name, holds(field.when, kept) ? 'shown' : 'hidden');
  }
  return states;
}

/** "Person 2": an item of a repeating page as the person reads it (in messages and on "Check your answers"). */
export function itemLabel(group: { itemName: Record<'en' | 'es', string> }, index: number, locale: 'en' | 'es'): string {
  const name = group.itemName[locale];
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${index + 1}`;
}
