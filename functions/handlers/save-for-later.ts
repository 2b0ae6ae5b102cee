/**
 * "Save and come back later" (decision 0082), after a page was saved with the button of that name (fill-form.ts):
 * - GET  /api/forms/{formId}/drafts/{draftId}/save  — asks for the date of birth (the check) and an e-mail address;
 * - POST the same path — gives the draft a resume code (and an e-mail with the link, through the notifier); 303 on;
 * - GET  /api/forms/{formId}/drafts/{draftId}/saved — the code, until when the answers are kept, where the link went.
 * A signed-in person's draft needs no code: the saved page sends them to My account.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbDraftStore } from '#adapters/dynamodb-draft-store';
import { findCompiledForm } from '#adapters/form-registry';
import { CHECK_ANSWERS_PAGE } from '#catalog/form-pages';
import { answersFromEntries } from '#catalog/form-values';
import { translate } from '#catalog/i18n';
import type { Locale } from '#catalog/schema';
import { mayOpenDraft, saveForLater } from '#domain/draft-resume';
import { DRAFT_TTL_DAYS, type Draft, findDraft } from '#domain/drafts';
import { applicantEmailOf } from '#domain/submissions';
import { draftAccessOf } from '#http/draft-key';
import { htmlPage, otherLanguageHref } from '#http/pages';
import { bodyMessages, readBody, requestLocale, wantsHtml } from '#http/request';
import { BACK_TO_THIS_PAGE, json, seeOther } from '#http/responses';
import { strings } from '#http/site';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';
import { BadRequestError, ForbiddenError, InvalidAnswersError, NotFoundError } from '#shared/errors';
import { apiPath, pageHref, pages } from '#ui/paths.ts';

const store = dynamoDbDraftStore(dynamoDb, config.tableName);

/** The page the person left: where "Continue now" and a resume lead. */
export function leftPagePath(formId: string, draft: Draft, locale: Locale): string {
  return apiPath('showFormPage', { formId, draftId: draft.id, pageId: draft.lastPage ?? CHECK_ANSWERS_PAGE }, { lang: locale });
}

function keptUntil(draft: Draft, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(draft.expiresAt * 1000),
  );
}

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const formId = event.pathParameters?.formId ?? '';
  const current = await findCompiledForm(formId);
  if (!current?.form.pages) throw new NotFoundError(translate(strings, 'error.formNotFound', locale));
  const draft = await findDraft(store, event.pathParameters?.draftId ?? '', formId, new Date());
  if (!draft) throw new NotFoundError(translate(strings, 'form.draftNotFound', locale));
  if (!mayOpenDraft(draft, draftAccessOf(event, draft.id)))
    throw new ForbiddenError(translate(strings, 'form.draftOwned', locale));
  if (draft.sentAs) return seeOther(apiPath('showStatus', { code: draft.sentAs }, { lang: locale }));
  const { form } = current;
  const params = { formId, draftId: draft.id };
  const savedPath = apiPath('showSavedDraft', params, { lang: locale });

  if (event.rawPath.endsWith('/saved')) {
    return htmlPage(
      200,
      locale,
      ({ savedDraftPage, langOf }) =>
        savedDraftPage(langOf(locale), {
          formTitle: form.title[locale],
          code: draft.owner ? undefined : draft.resumeCode,
          keptUntil: keptUntil(draft, locale),
          emailed: draft.emailedLink === true,
          owned: draft.owner !== undefined,
          continueHref: leftPagePath(formId, draft, locale),
          resumeHref: apiPath('showResumeForm', {}, { lang: locale }),
          accountHref: pageHref(locale, pages.account()),
          altHref: otherLanguageHref(apiPath('showSavedDraft', params), locale),
        }),
      BACK_TO_THIS_PAGE,
    );
  }
  // A signed-in person's draft is theirs already: nothing to ask.
  if (draft.owner) return seeOther(savedPath);

  const render = (status: number, values: Record<string, string | undefined>, problems: InvalidAnswersError['problems']) =>
    htmlPage(
      status,
      locale,
      ({ saveForLaterPage, langOf }) =>
        saveForLaterPage(langOf(locale), {
          formTitle: form.title[locale],
          action: apiPath('saveForLater', params, { lang: locale }),
          backHref: leftPagePath(formId, draft, locale),
          altHref: otherLanguageHref(apiPath('showSaveForLater', params), locale),
          keptDays: DRAFT_TTL_DAYS,
          values,
          problems,
        }),
      BACK_TO_THIS_PAGE,
    );

  if (event.requestContext.http.method === 'GET') {
    // The e-mail address the form already has, if it asked for one (the person can change or clear it).
    const email = applicantEmailOf(form, draft.answers);
    return render(200, { ...(email && { email }) }, []);
  }

  const body = readBody(event, bodyMessages(locale));
  const fields = body.kind === 'form' ? body.value : undefined;
  const given = fields
    ? {
        dateOfBirth: answersFromEntries([{ name: 'dateOfBirth', type: 'memorableDate' }], fields).dateOfBirth as
          | string
          | undefined,
        email: fields.get('email') ?? undefined,
      }
    : jsonInput(body.value, locale);
  try {
    const saved = await saveForLater({ ...given, draft, agency: current.service.agency, locale }, { store, strings });
    if (fields && wantsHtml(event)) return seeOther(savedPath);
    return json(
      201,
      { resumeCode: saved.resume.code, expiresAt: new Date(saved.draft.expiresAt * 1000).toISOString() },
      { location: savedPath },
    );
  } catch (error) {
    if (error instanceof InvalidAnswersError && fields && wantsHtml(event))
      return render(422, Object.fromEntries(fields), error.problems);
    throw error;
  }
};

function jsonInput(body: unknown, locale: Locale): { dateOfBirth: string | undefined; email: string | undefined } {
  if (typeof body !== 'object' || body === null) throw new BadRequestError(translate(strings, 'error.jsonShape', locale));
  const { dateOfBirth, email } = body as Record<string, unknown>;
  return {
    dateOfBirth: typeof dateOfBirth === 'string' ? dateOfBirth : undefined,
    email: typeof email === 'string' ? email : undefined,
  };
}

export const handler = withHttp(lambdaHandler);
