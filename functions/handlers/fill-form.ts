/**
 * A multi-page form, one page at a time (docs/decisions/0080):
 * - POST /api/forms/{formId}/drafts — the first page (posted from the site's apply page) starts a draft;
 * - GET  /api/forms/{formId}/drafts/{draftId}/pages/{pageId} — a page with its kept answers, or
 *   "Check your answers" (pageId `check-your-answers`);
 * - POST the same path — saves that page, then 303 to the next page shown (or back to "Check your answers").
 * Every step is a plain form post and a redirect: no JavaScript needed. Sending happens from "Check your answers"
 * through the submit handler (its `_draft` field names the draft).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbDraftStore } from '#adapters/dynamodb-draft-store';
import { findCompiledForm } from '#adapters/form-registry';
import { CHECK_ANSWERS_PAGE, fieldsOfPage, isMultiPage, itemLabel, pageBefore, pagesOf } from '#catalog/form-pages';
import { translate } from '#catalog/i18n';
import type { FormPage, Locale } from '#catalog/schema';
import { answersFromFormPost, type ItemAnswers } from '#domain/answers';
import { mayOpenDraft, newOwnerKey, ownerKeyHash } from '#domain/draft-resume';
import {
  answersOnPage,
  DRAFT_TTL_DAYS,
  type Draft,
  draftIdempotencyKey,
  findDraft,
  firstUnfinished,
  type GroupAction,
  itemsOf,
  type NextStep,
  saveDraftPage,
  saveGroupAction,
  stepNamed,
  stepsFor,
} from '#domain/drafts';
import { feeFor } from '#domain/fees';
import { claimsForPrefill, prefillAnswers } from '#domain/prefill';
import type { CompiledForm } from '#domain/submissions';
import { fileQuestionOn } from '#domain/uploads';
import { callerOf, claimsOf } from '#http/caller';
import { draftAccessOf, draftKeyCookie } from '#http/draft-key';
import { countStep } from '#http/funnel';
import { htmlPage, OTHER_LOCALE, otherLanguageHref } from '#http/pages';
import { bodyMessages, header, readBody, requestLocale, wantsHtml } from '#http/request';
import { BACK_TO_THIS_PAGE, json, seeOther } from '#http/responses';
import { strings } from '#http/site';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';
import { BadRequestError, ForbiddenError, InvalidAnswersError, NotFoundError } from '#shared/errors';
import { apiPath, pageHref, pages } from '#ui/paths.ts';

const store = dynamoDbDraftStore(dynamoDb, config.tableName);

/** The person's sign-in as prefill (the access token's claims; first and last name and phone when the token has them). */
function signInClaims(event: APIGatewayProxyEventV2) {
  const claims = claimsOf(event) ?? {};
  const text = (name: string) => (typeof claims[name] === 'string' ? (claims[name] as string) : undefined);
  const givenName = text('given_name');
  const familyName = text('family_name');
  const phone = text('phone_number');
  return claimsForPrefill(callerOf(event), {
    ...(givenName && { givenName }),
    ...(familyName && { familyName }),
    ...(phone && { phone }),
  });
}

function emptyFormPost(event: APIGatewayProxyEventV2): boolean {
  const type = (header(event, 'content-type') ?? '').toLowerCase().split(';')[0]?.trim();
  return (event.body ?? '') === '' && type === 'application/x-www-form-urlencoded';
}

function stepPath(compiled: CompiledForm, draft: Draft, step: NextStep, locale: Locale): string {
  const pageId = step.kind === 'check' ? CHECK_ANSWERS_PAGE : step.page.id;
  return apiPath('showFormPage', { formId: compiled.form.id, draftId: draft.id, pageId }, { lang: locale });
}

/**
 * The form's funnel (decision 0101): counted when a person moves on, so a reload or Back counts nothing. The
 * first page saved starts the form; each save reaches the next page or Check your answers. A change made from
 * Check your answers goes back there and is not counted again.
 */
async function countReached(compiled: CompiledForm, next: NextStep, started: boolean): Promise<void> {
  const hit = { agency: compiled.service.agency, formId: compiled.form.id };
  if (started) await countStep({ ...hit, step: 'started' });
  await countStep({ ...hit, step: next.kind === 'check' ? 'check-answers' : `page:${next.page.id}` });
}

/** Back: the page shown before this one, or for the first page the service's own page. */
function backHref(compiled: CompiledForm, draft: Draft | undefined, pageId: string, locale: Locale): string {
  const answers = draft?.answers ?? {};
  const before = pageId === CHECK_ANSWERS_PAGE ? stepsFor(compiled, answers).at(-1) : pageBefore(compiled.form, pageId, answers);
  if (before && draft) return stepPath(compiled, draft, { kind: 'page', page: before }, locale);
  return pageHref(locale, pages.apply(compiled.service.id));
}

async function renderPage(
  compiled: CompiledForm,
  draft: Draft | undefined,
  page: FormPage,
  locale: Locale,
  shown: {
    status: number;
    values?: Record<string, unknown>;
    problems?: InvalidAnswersError['problems'];
    altHref: string;
    returnToCheck: boolean;
  },
) {
  const answers = draft?.answers ?? {};
  const onPage = new Set(page.questions);
  const earlier = Object.fromEntries(Object.entries(answers).filter(([name]) => !onPage.has(name)));
  const action = draft
    ? apiPath('saveFormPage', { formId: compiled.form.id, draftId: draft.id, pageId: page.id }, { lang: locale })
    : apiPath('startFormDraft', { formId: compiled.form.id }, { lang: locale });
  return htmlPage(
    shown.status,
    locale,
    ({ formStepPage, langOf }) =>
      formStepPage(langOf(locale), strings, compiled.form, {
        page,
        earlier,
        values: shown.values ?? answersOnPage(compiled, page, answers),
        problems: shown.problems ?? [],
        action,
        hidden: shown.returnToCheck ? { _return: 'check' } : {},
        steps: stepsFor(compiled, answers),
        backHref: backHref(compiled, draft, page.id, locale),
        altHref: shown.altHref,
        keptDays: DRAFT_TTL_DAYS,
        prefilled: draft?.prefilled ?? [],
      }),
    BACK_TO_THIS_PAGE,
  );
}

type GroupStep = FormPage & { group: NonNullable<FormPage['group']> };

function itemForm(compiled: CompiledForm, page: GroupStep): { form: CompiledForm['form']; page: FormPage } {
  // One item's questions as a page of their own: the one renderer shows them like any page.
  const fields = page.group.fields;
  return {
    form: { ...compiled.form, fields, pages: [{ id: page.id, title: page.title, questions: fields.map((field) => field.name) }] },
    page: { id: page.id, title: page.title, questions: fields.map((field) => field.name) },
  };
}

async function renderGroup(
  compiled: CompiledForm,
  draft: Draft,
  page: GroupStep,
  locale: Locale,
  shown: { status: number; problems?: InvalidAnswersError['problems']; returnToCheck: boolean },
) {
  const { form } = compiled;
  const query = (extra: Record<string, string>) => ({ lang: locale, ...(shown.returnToCheck && { return: 'check' }), ...extra });
  return htmlPage(
    shown.status,
    locale,
    ({ groupPage, langOf }) =>
      groupPage(langOf(locale), form, {
        page,
        items: itemsOf(draft.answers, page),
        itemLabel: (index) => itemLabel(page.group, index, locale),
        itemHref: (index) =>
          apiPath('showFormPage', { formId: form.id, draftId: draft.id, pageId: page.id }, query({ item: String(index) })),
        action: apiPath('saveFormPage', { formId: form.id, draftId: draft.id, pageId: page.id }, { lang: locale }),
        hidden: shown.returnToCheck ? { _return: 'check' } : {},
        problems: shown.problems ?? [],
        steps: stepsFor(compiled, draft.answers),
        backHref: backHref(compiled, draft, page.id, locale),
        altHref: otherLanguageHref(apiPath('showFormPage', { formId: form.id, draftId: draft.id, pageId: page.id }), locale),
        keptDays: DRAFT_TTL_DAYS,
      }),
    BACK_TO_THIS_PAGE,
  );
}

async function renderItem(
  compiled: CompiledForm,
  draft: Draft,
  page: GroupStep,
  index: number,
  locale: Locale,
  shown: { status: number; values?: Record<string, unknown>; problems?: InvalidAnswersError['problems']; returnToCheck: boolean },
) {
  const { form, page: itemPage } = itemForm(compiled, page);
  const items = itemsOf(draft.answers, page);
  const path = apiPath('showFormPage', { formId: compiled.form.id, draftId: draft.id, pageId: page.id }, { lang: locale });
  return htmlPage(
    shown.status,
    locale,
    ({ formStepPage, langOf }) =>
      formStepPage(langOf(locale), strings, form, {
        page: itemPage,
        earlier: {},
        values: shown.values ?? items[index] ?? {},
        problems: shown.problems ?? [],
        action: apiPath('saveFormPage', { formId: compiled.form.id, draftId: draft.id, pageId: page.id }, { lang: locale }),
        hidden: { _item: String(index), ...(shown.returnToCheck && { _return: 'check' }) },
        itemHeading: itemLabel(page.group, index, locale),
        steps: stepsFor(compiled, draft.answers).map((step) => (step.id === page.id ? itemPage : step)),
        backHref: path,
        altHref: otherLanguageHref(`${path.split('?')[0]}?item=${index}`, locale),
        keptDays: DRAFT_TTL_DAYS,
      }),
    BACK_TO_THIS_PAGE,
  );
}

async function renderCheckAnswers(compiled: CompiledForm, draft: Draft, locale: Locale, path: string) {
  const { form } = compiled;
  const next = firstUnfinished(compiled, draft.answers, locale, strings);
  // Something is missing (a page skipped by URL, a change that revealed a new page): go there first.
  if (next.kind === 'page') return seeOther(stepPath(compiled, draft, next, locale));
  return htmlPage(
    200,
    locale,
    ({ checkAnswersPage, langOf }) =>
      checkAnswersPage(langOf(locale), form, {
        steps: stepsFor(compiled, draft.answers),
        answers: draft.answers,
        changeHref: (page) =>
          `${apiPath('showFormPage', { formId: form.id, draftId: draft.id, pageId: page.id }, { lang: locale, return: 'check' })}`,
        action: apiPath('submitForm', { formId: form.id }, { lang: locale }),
        signedInAction: apiPath('submitMyForm', { formId: form.id }, { lang: locale }),
        hidden: { _draft: draft.id, _idempotency: draftIdempotencyKey(draft) },
        ...(compiled.service.fee && {
          fee: { ...feeFor(compiled.service.fee, draft.answers), description: compiled.service.fee.description[locale] },
        }),
        backHref: backHref(compiled, draft, CHECK_ANSWERS_PAGE, locale),
        altHref: otherLanguageHref(path, locale),
        keptDays: DRAFT_TTL_DAYS,
      }),
    BACK_TO_THIS_PAGE,
  );
}

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const current = await findCompiledForm(event.pathParameters?.formId ?? '');
  if (!current || !isMultiPage(current.form)) throw new NotFoundError(translate(strings, 'error.formNotFound', locale));

  const draftId = event.pathParameters?.draftId;
  const draft = draftId === undefined ? undefined : await findDraft(store, draftId, current.form.id, new Date());
  if (draftId !== undefined && !draft) throw new NotFoundError(translate(strings, 'form.draftNotFound', locale));
  if (draft && !mayOpenDraft(draft, draftAccessOf(event, draft.id)))
    throw new ForbiddenError(translate(strings, 'form.draftOwned', locale));
  // A draft keeps answering the version it was started on (decision 0085): its pages, its rules.
  const compiled = draft ? ((await findCompiledForm(current.form.id, draft.formVersion ?? 1)) ?? current) : current;
  if (!isMultiPage(compiled.form)) throw new NotFoundError(translate(strings, 'error.formNotFound', locale));
  const { form } = compiled;
  // Already sent (Back after sending, an old tab): where it stands, not the form again.
  if (draft?.sentAs) return seeOther(apiPath('showStatus', { code: draft.sentAs }, { lang: locale }));
  const step = stepNamed(compiled, event.pathParameters?.pageId ?? pagesOf(form)[0]!.id);
  if (!step) throw new NotFoundError(translate(strings, 'form.pageNotFound', locale));

  if (event.requestContext.http.method === 'GET') {
    if (step.kind === 'check') return renderCheckAnswers(compiled, draft!, locale, event.rawPath);
    const returnToCheck = event.queryStringParameters?.return === 'check';
    if (step.page.group) {
      const group = step.page as GroupStep;
      if (!draft) throw new NotFoundError(translate(strings, 'form.draftNotFound', locale));
      const item = event.queryStringParameters?.item;
      if (item === undefined) return renderGroup(compiled, draft, group, locale, { status: 200, returnToCheck });
      const index = itemIndex(item, itemsOf(draft.answers, group).length, group.group.max);
      if (index === undefined) throw new NotFoundError(translate(strings, 'form.pageNotFound', locale));
      return renderItem(compiled, draft, group, index, locale, { status: 200, returnToCheck });
    }
    const fileField = fileQuestionOn(fieldsOfPage(form, step.page));
    if (fileField) {
      if (!draft) throw new NotFoundError(translate(strings, 'form.draftNotFound', locale));
      const { uploadPageAnswer } = await import('#http/upload-pages');
      return uploadPageAnswer({ compiled, draft, page: step.page, field: fileField, locale, returnToCheck });
    }
    return renderPage(compiled, draft, step.page, locale, {
      status: 200,
      altHref: otherLanguageHref(`${event.rawPath}${returnToCheck ? '?return=check' : ''}`, locale),
      returnToCheck,
    });
  }
  if (step.kind === 'check') throw new NotFoundError(translate(strings, 'form.pageNotFound', locale));

  // A page whose only question is a radio or a box sends nothing when nothing is chosen: that is a page with no
  // answers (its error summary says what to choose), not a request without a body.
  const body = emptyFormPost(event)
    ? ({ kind: 'form', value: new URLSearchParams() } as const)
    : readBody(event, bodyMessages(locale));
  const fields = body.kind === 'form' ? body.value : undefined;
  const page = step.page;
  if (page.group) {
    if (!draft || !fields) throw new NotFoundError(translate(strings, 'form.pageNotFound', locale));
    return saveGroup(compiled, draft, page as GroupStep, fields, locale, event);
  }
  // A file page (decision 0110): its answer is the files the release step kept in the draft, never the post.
  const fileField = fileQuestionOn(fieldsOfPage(form, page));
  const returnToCheck = fields?.get('_return') === 'check';
  const removeFile = fields?.get('_remove-file');
  if (fileField && (!draft || !fields)) throw new NotFoundError(translate(strings, 'form.pageNotFound', locale));
  if (fileField && draft && removeFile) {
    const { removeFileAnswer } = await import('#http/upload-pages');
    return removeFileAnswer({ compiled, draft, page, field: fileField, fileId: removeFile, locale, returnToCheck });
  }
  const posted = fileField
    ? answersOnPage(compiled, page, draft?.answers ?? {})
    : fields
      ? answersFromFormPost(form, fields, fieldsOfPage(form, page))
      : pageAnswersFromJson(body.value, page, locale);
  const later = fields?.get('_save') === 'later' || (body.kind !== 'form' && hasSaveLater(body.value));
  // A signed-in start: the draft is the person's, opened with a key only their browser holds; prefilled from the sign-in.
  const caller = callerOf(event);
  const ownerKey = !draft && caller.kind === 'person' ? newOwnerKey() : undefined;
  const claims = signInClaims(event);
  try {
    const saved = await saveDraftPage(
      {
        compiled,
        draft,
        page,
        posted,
        locale,
        returnToCheck,
        partial: later,
        ...(ownerKey &&
          caller.kind === 'person' && {
            owner: { subject: caller.subject, keyHash: ownerKeyHash(ownerKey) },
            prefill: prefillAnswers(form, claims, posted),
          }),
      },
      { store, strings },
    );
    if (!returnToCheck && !later) await countReached(compiled, saved.next, !draft);
    const next = later
      ? apiPath(
          saved.draft.owner ? 'showSavedDraft' : 'showSaveForLater',
          { formId: form.id, draftId: saved.draft.id },
          { lang: locale },
        )
      : stepPath(compiled, saved.draft, saved.next, locale);
    const cookies = ownerKey ? { cookies: [draftKeyCookie(saved.draft.id, ownerKey)] } : {};
    if (fields && wantsHtml(event)) return { ...seeOther(next), ...cookies };
    return { ...json(draft ? 200 : 201, { draftId: saved.draft.id, next }, { location: next }), ...cookies };
  } catch (error) {
    if (error instanceof InvalidAnswersError && fileField && draft && wantsHtml(event)) {
      const { uploadPageAnswer } = await import('#http/upload-pages');
      return uploadPageAnswer({
        compiled,
        draft,
        page,
        field: fileField,
        locale,
        status: 422,
        problems: error.problems,
        returnToCheck,
      });
    }
    if (error instanceof InvalidAnswersError && fields && wantsHtml(event)) {
      const altHref = draft
        ? otherLanguageHref(apiPath('showFormPage', { formId: form.id, draftId: draft.id, pageId: page.id }), locale)
        : pageHref(OTHER_LOCALE[locale], pages.apply(compiled.service.id));
      return renderPage(compiled, draft, page, locale, {
        status: 422,
        values: postedAgain(compiled, page, fields, draft),
        problems: error.problems,
        altHref,
        returnToCheck,
      });
    }
    throw error;
  }
};

/**
 * The page again after a mistake, as typed — but a Social Security number is never sent back (decision 0083):
 * its box shows only whether one is already saved.
 */
function postedAgain(compiled: CompiledForm, page: FormPage, fields: URLSearchParams, draft: Draft | undefined) {
  const values: Record<string, unknown> = Object.fromEntries(fields);
  for (const field of fieldsOfPage(compiled.form, page)) {
    if (field.type !== 'ssn') continue;
    const saved = draft?.answers[field.name];
    if (saved === undefined) delete values[field.name];
    else values[field.name] = saved;
  }
  return values;
}

/** `?item=N` of a repeating page: an item that exists, or the next new one while fewer than the most allowed. */
function itemIndex(raw: string, count: number, max: number): number | undefined {
  if (!/^\d{1,2}$/.test(raw)) return undefined;
  const index = Number(raw);
  return index < count || (index === count && count < max) ? index : undefined;
}

/** A repeating page's post: save one item, remove one, or go on (plain form posts; 303 back to the list or on). */
async function saveGroup(
  compiled: CompiledForm,
  draft: Draft,
  page: GroupStep,
  fields: URLSearchParams,
  locale: Locale,
  event: APIGatewayProxyEventV2,
) {
  const returnToCheck = fields.get('_return') === 'check';
  const items = itemsOf(draft.answers, page);
  if (fields.get('_save') === 'later') return saveGroupForLater(compiled, draft, page, fields, locale);
  const remove = fields.get('_remove');
  const item = fields.get('_item');
  let action: GroupAction;
  if (remove !== null) {
    const index = itemIndex(remove, items.length, Number.POSITIVE_INFINITY);
    if (index === undefined || index >= items.length) throw new NotFoundError(translate(strings, 'form.pageNotFound', locale));
    action = { kind: 'remove', index };
  } else if (item !== null) {
    const index = itemIndex(item, items.length, page.group.max);
    if (index === undefined) throw new NotFoundError(translate(strings, 'form.pageNotFound', locale));
    const posted = answersFromFormPost(itemForm(compiled, page).form, fields, page.group.fields) as ItemAnswers;
    action = { kind: 'save', index, posted };
  } else action = { kind: 'continue' };
  try {
    const saved = await saveGroupAction({ compiled, draft, page, action, locale, returnToCheck }, { store, strings });
    if (saved.next.kind !== 'group' && !returnToCheck) await countReached(compiled, saved.next, false);
    const next =
      saved.next.kind === 'group'
        ? apiPath(
            'showFormPage',
            { formId: compiled.form.id, draftId: draft.id, pageId: page.id },
            { lang: locale, ...(returnToCheck && { return: 'check' }) },
          )
        : stepPath(compiled, saved.draft, saved.next, locale);
    if (wantsHtml(event)) return seeOther(next);
    return json(200, { draftId: draft.id, next }, { location: next });
  } catch (error) {
    if (!(error instanceof InvalidAnswersError) || !wantsHtml(event)) throw error;
    if (action.kind === 'save') {
      return renderItem(compiled, draft, page, action.index, locale, {
        status: 422,
        values: Object.fromEntries(fields),
        problems: error.problems,
        returnToCheck,
      });
    }
    return renderGroup(compiled, draft, page, locale, { status: 422, problems: error.problems, returnToCheck });
  }
}

/**
 * "Save and come back later" on a repeating page's list or on one item: the item is kept if it is right (and
 * dropped if not, to be asked again), and the person comes back to the list.
 */
async function saveGroupForLater(compiled: CompiledForm, draft: Draft, page: GroupStep, fields: URLSearchParams, locale: Locale) {
  let saved = draft;
  const item = fields.get('_item');
  const index = item === null ? undefined : itemIndex(item, itemsOf(draft.answers, page).length, page.group.max);
  if (index !== undefined) {
    const posted = answersFromFormPost(itemForm(compiled, page).form, fields, page.group.fields) as ItemAnswers;
    try {
      saved = (
        await saveGroupAction({ compiled, draft, page, action: { kind: 'save', index, posted }, locale }, { store, strings })
      ).draft;
    } catch (error) {
      if (!(error instanceof InvalidAnswersError)) throw error;
    }
  }
  if (saved.lastPage !== page.id) {
    saved = { ...saved, lastPage: page.id };
    await store.save(saved);
  }
  const params = { formId: compiled.form.id, draftId: draft.id };
  return seeOther(apiPath(draft.owner ? 'showSavedDraft' : 'showSaveForLater', params, { lang: locale }));
}

/** A JSON client asks for "Save and come back later" with `{ "save": "later" }` beside the answers. */
function hasSaveLater(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'save' in body && body.save === 'later';
}

/** A JSON client sends `{ "answers": { … } }` for the page; only the page's own questions count. */
function pageAnswersFromJson(body: unknown, page: FormPage, locale: Locale): Record<string, unknown> {
  if (
    typeof body !== 'object' ||
    body === null ||
    !('answers' in body) ||
    typeof body.answers !== 'object' ||
    body.answers === null
  ) {
    throw new BadRequestError(translate(strings, 'error.jsonShape', locale));
  }
  const answers = body.answers as Record<string, unknown>;
  return Object.fromEntries(page.questions.filter((name) => name in answers).map((name) => [name, answers[name]]));
}

export const handler = withHttp(lambdaHandler);
