/**
 * POST /api/forms/{formId}/submissions: a person sends their answers. The same handler serves
 * POST /api/my/forms/{formId}/submissions, where API Gateway has checked a sign-in: the submission is theirs.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbDraftStore } from '#adapters/dynamodb-draft-store';
import { dynamoDbSubmissionStore } from '#adapters/dynamodb-submission-store';
import { findCompiledForm } from '#adapters/form-registry';
import { CHECK_ANSWERS_PAGE } from '#catalog/form-pages';
import { translate } from '#catalog/i18n';
import type { Locale } from '#catalog/schema';
import { answersFromFormPost } from '#domain/answers';
import { ownerOf } from '#domain/authorization';
import { mayOpenDraft } from '#domain/draft-resume';
import { findDraft, firstUnfinished, sentDraft } from '#domain/drafts';
import { checkIdempotencyKey } from '#domain/idempotency';
import { type CompiledForm, submitForm } from '#domain/submissions';
import { callerOf } from '#http/caller';
import { draftAccessOf } from '#http/draft-key';
import { countStep } from '#http/funnel';
import { freshIdempotencyKey, idempotencyKeyOf } from '#http/idempotency';
import { htmlPage } from '#http/pages';
import { bodyMessages, readBody, requestLocale, wantsHtml } from '#http/request';
import { BACK_TO_THIS_PAGE, json, seeOther } from '#http/responses';
import { strings } from '#http/site';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';
import { BadRequestError, ForbiddenError, InvalidAnswersError, NotFoundError } from '#shared/errors';
import { logger } from '#shared/logger';
import { apiPath, pageHref, pages } from '#ui/paths.ts';

const store = dynamoDbSubmissionStore(dynamoDb, config.tableName);
const drafts = dynamoDbDraftStore(dynamoDb, config.tableName);

function renderFormWithProblems(
  compiled: CompiledForm,
  locale: Locale,
  error: InvalidAnswersError,
  fields: URLSearchParams,
  key: string,
) {
  const { form, service } = compiled;
  const other: Locale = locale === 'en' ? 'es' : 'en';
  return htmlPage(
    422,
    locale,
    ({ formWithProblemsPage, langOf }) =>
      formWithProblemsPage(langOf(locale), strings, form, {
        values: Object.fromEntries(fields),
        problems: error.problems,
        idempotencyKey: key,
        altHref: pageHref(other, pages.apply(service.id)),
      }),
    BACK_TO_THIS_PAGE,
  );
}

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const current = await findCompiledForm(event.pathParameters?.formId ?? '');
  if (!current) throw new NotFoundError(translate(strings, 'error.formNotFound', locale));

  const body = readBody(event, bodyMessages(locale));
  const fields = body.kind === 'form' ? body.value : undefined;
  // "Send" on a multi-page form's "Check your answers": the answers are the draft's (fill-form.ts).
  const draftId = fields?.get('_draft') ?? undefined;
  const draft = draftId === undefined ? undefined : await findDraft(drafts, draftId, current.form.id, new Date());
  if (draftId !== undefined && !draft) throw new NotFoundError(translate(strings, 'form.draftNotFound', locale));
  if (draft && !mayOpenDraft(draft, draftAccessOf(event, draft.id)))
    throw new ForbiddenError(translate(strings, 'form.draftOwned', locale));
  if (draft?.sentAs) return seeOther(apiPath('showStatus', { code: draft.sentAs }, { submitted: '1', lang: locale }));
  // A draft is sent as the version it answers (decision 0085), checked by that version's own validator.
  const compiled = draft ? ((await findCompiledForm(current.form.id, draft.formVersion ?? 1)) ?? current) : current;
  let answers = draft ? draft.answers : fields ? answersFromFormPost(compiled.form, fields) : answersFromJson(body.value, locale);
  // Files (decision 0110): attached on the form's pages only, and released (scanned clean, copied) before sending.
  const fileFields = compiled.form.fields.filter((field) => field.type === 'file');
  if (!draft && fileFields.some((field) => (answers as Record<string, unknown> | null)?.[field.name] !== undefined))
    throw new BadRequestError(translate(strings, 'upload.onlyOnPages', locale));
  if (draft && fileFields.length > 0) {
    const { releaseDraftFiles } = await import('#http/upload-pages');
    const released = await releaseDraftFiles({ compiled, draft, locale, html: wantsHtml(event) });
    if ('response' in released) return released.response;
    answers = released.answers as typeof answers;
  }
  const idempotencyKey = checkIdempotencyKey(idempotencyKeyOf(event, fields, new Date()), locale, strings);

  try {
    const receipt = await submitForm(
      {
        compiled,
        answers,
        kept: draft?.answers,
        locale,
        channel: fields ? 'web' : 'api',
        idempotencyKey,
        // A signed-in draft sent from the plain form (JavaScript off) is still its owner's.
        owner: ownerOf(callerOf(event)) ?? draft?.owner,
      },
      { store, strings },
    );
    logger.info('Submission received', { code: receipt.code, formId: compiled.form.id, replayed: receipt.replayed });
    if (draft) {
      // The submission is made; a draft left as it was only means "Send" shows the form again, not an error.
      await drafts.save(sentDraft(draft, receipt.code, new Date())).catch((error: unknown) => {
        logger.warn('Could not mark the draft as sent', { formId: compiled.form.id, error: (error as Error).name });
      });
    }
    if (!receipt.replayed)
      await countStep({
        agency: compiled.service.agency,
        formId: compiled.form.id,
        step: 'sent',
        channel: fields ? 'web' : 'api',
      });
    const statusPath = apiPath('showStatus', { code: receipt.code });
    if (fields && wantsHtml(event))
      return seeOther(apiPath('showStatus', { code: receipt.code }, { submitted: '1', lang: locale }));
    return json(
      201,
      { ...receipt, statusUrl: statusPath },
      { location: statusPath, ...(receipt.replayed && { 'idempotent-replayed': 'true' }) },
    );
  } catch (error) {
    if (error instanceof InvalidAnswersError && draft && wantsHtml(event)) {
      // The draft is not ready (a page skipped): the first page that still needs an answer.
      const next = firstUnfinished(compiled, draft.answers, locale, strings);
      const pageId = next.kind === 'page' ? next.page.id : CHECK_ANSWERS_PAGE;
      return seeOther(apiPath('showFormPage', { formId: compiled.form.id, draftId: draft.id, pageId }, { lang: locale }));
    }
    if (error instanceof InvalidAnswersError && fields && wantsHtml(event)) {
      return renderFormWithProblems(
        compiled,
        locale,
        error,
        fields,
        idempotencyKey?.startsWith('auto-') ? freshIdempotencyKey() : (idempotencyKey ?? freshIdempotencyKey()),
      );
    }
    throw error;
  }
};

function answersFromJson(body: unknown, locale: Locale): unknown {
  if (typeof body !== 'object' || body === null || !('answers' in body)) {
    throw new BadRequestError(translate(strings, 'error.jsonShape', locale));
  }
  return body.answers;
}

export const handler = withHttp(lambdaHandler);
