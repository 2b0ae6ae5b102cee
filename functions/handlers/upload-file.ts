/**
 * A draft's files (decision 0110):
 * - POST /api/forms/{formId}/drafts/{draftId}/uploads — with JavaScript: a presigned POST for one chosen file
 *   (`{ question, name, type }`), its content type one the question accepts, else 422 naming the question;
 * - GET  /api/forms/{formId}/drafts/{draftId}/uploads/{question}/{fileId} — the release step, where storage
 *   sends the browser after an upload (S3 adds bucket, key and etag) and where the script reports one. The file's
 *   real kind (by content), size and the question's count decide: kept in the draft (303 back to the page, or
 *   JSON), or deleted and the page shown again saying why (422).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { findCompiledForm } from '#adapters/form-registry';
import { filesOf } from '#catalog/file-kinds';
import { fieldsOfPage, pagesOf } from '#catalog/form-pages';
import { translate } from '#catalog/i18n';
import type { Field, FormPage } from '#catalog/schema';
import { findDraft } from '#domain/drafts';
import {
  acceptedType,
  checkUpload,
  draftWithFiles,
  fileProblemMessage,
  fileQuestionOn,
  isFileId,
  newFileId,
  scanVerdict,
  uploadLimits,
  uploadPolicy,
  uploadPrefix,
  withFile,
} from '#domain/uploads';
import { bodyMessages, readBody, requestLocale, wantsHtml } from '#http/request';
import { json, seeOther } from '#http/responses';
import { strings } from '#http/site';
import { drafts, storage, uploadPageAnswer } from '#http/upload-pages';
import { withHttp } from '#http/with-http';
import { BadRequestError, InvalidAnswersError, NotFoundError } from '#shared/errors';
import { apiPath } from '#ui/paths.ts';

/** The file question named, and its page. */
function questionNamed(form: Parameters<typeof pagesOf>[0], name: string): { field: Field; page: FormPage } | undefined {
  for (const page of pagesOf(form)) {
    const field = fileQuestionOn(fieldsOfPage(form, page));
    if (field?.name === name) return { field, page };
  }
  return undefined;
}

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const t = (key: string) => translate(strings, key, locale);
  const compiled = await findCompiledForm(event.pathParameters?.formId ?? '');
  if (!compiled) throw new NotFoundError(t('error.formNotFound'));
  const draft = await findDraft(drafts, event.pathParameters?.draftId ?? '', compiled.form.id, new Date());
  if (!draft || draft.sentAs) throw new NotFoundError(t('form.draftNotFound'));

  if (event.requestContext.http.method === 'POST') {
    const body = readBody(event, bodyMessages(locale));
    const value = (body.kind === 'json' ? body.value : undefined) as Record<string, unknown> | undefined;
    const asked = typeof value?.question === 'string' ? questionNamed(compiled.form, value.question) : undefined;
    if (!asked) throw new BadRequestError(t('error.jsonShape'));
    const { field } = asked;
    const name = typeof value?.name === 'string' ? value.name.slice(0, 200) : 'file';
    const attached = filesOf(draft.answers[field.name]);
    if (attached.length >= uploadLimits(field).maxFiles)
      refusedJson(fileProblemMessage(field, 'tooMany', name, locale, strings), field);
    const contentType = acceptedType(field, typeof value?.type === 'string' ? value.type : '');
    if (!contentType) refusedJson(fileProblemMessage(field, 'wrongType', name, locale, strings), field);
    const fileId = newFileId();
    const post = await storage.presignUpload(
      uploadPolicy({ field, prefix: uploadPrefix(draft.id, field.name, fileId), contentType }),
    );
    return json(200, {
      ...post,
      fileId,
      release: apiPath(
        'releaseUpload',
        { formId: compiled.form.id, draftId: draft.id, question: field.name, fileId },
        { lang: locale },
      ),
    });
  }

  const asked = questionNamed(compiled.form, event.pathParameters?.question ?? '');
  const fileId = event.pathParameters?.fileId ?? '';
  if (!asked || !isFileId(fileId)) throw new NotFoundError(t('form.pageNotFound'));
  const { field, page } = asked;
  const prefix = uploadPrefix(draft.id, field.name, fileId);
  // Storage adds the key to the address it redirects to; the object is looked up under the upload's own prefix.
  const key = (await storage.keyUnder(prefix)) ?? prefix;
  const attached = filesOf(draft.answers[field.name]);
  if (attached.some((file) => file.id === fileId)) return answered(event, compiled.form.id, draft.id, page.id, locale, undefined);
  const object = key.length > prefix.length ? await storage.inspect(key) : undefined;
  const checked = checkUpload({ field, key, prefix, fileId, object, attached });
  // The scan may have finished already (it usually has locally): a refused file is refused at once.
  const verdict = checked.ok ? scanVerdict(await storage.scanTag(key)) : 'pending';
  const refusal = !checked.ok ? checked.reason : verdict === 'threat' || verdict === 'unscannable' ? verdict : undefined;
  if (refusal) {
    // Whatever storage accepted: a refused file is deleted (only ever under this upload's own prefix).
    if (object) await storage.remove(key);
    const message = fileProblemMessage(field, refusal, checked.ok ? checked.file.name : checked.name, locale, strings);
    if (!wantsHtml(event)) refusedJson(message, field);
    return uploadPageAnswer({ compiled, draft, page, field, locale, status: 422, problems: [{ field: field.name, message }] });
  }
  if (!checked.ok) throw new NotFoundError(t('form.pageNotFound')); // (refused above)
  await drafts.save(draftWithFiles(draft, field.name, withFile(attached, checked.file)));
  return answered(event, compiled.form.id, draft.id, page.id, locale, checked.file);
};

function answered(
  event: APIGatewayProxyEventV2,
  formId: string,
  draftId: string,
  pageId: string,
  locale: ReturnType<typeof requestLocale>,
  file: { id: string; name: string; size: number; kind: string } | undefined,
) {
  const page = apiPath('showFormPage', { formId, draftId, pageId }, { lang: locale });
  if (wantsHtml(event)) return seeOther(page);
  return json(200, { ...(file && { file: { id: file.id, name: file.name, size: file.size, kind: file.kind } }), page });
}

/** A refused file, for the script: the portal's usual 422 (`invalid_answers`), naming the question. */
function refusedJson(message: string, field: Field): never {
  throw new InvalidAnswersError(message, [{ field: field.name, message }]);
}

export const handler = withHttp(lambdaHandler);
