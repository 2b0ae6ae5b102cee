/**
 * A file question's page (decision 0110), for fill-form.ts (showing it, removing a file), upload-file.ts (the
 * release step's answer) and submit-form.ts (a file the scan refused on "Send"). Loaded on first use: only
 * file pages pay for the S3 client.
 */
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbDraftStore } from '#adapters/dynamodb-draft-store';
import { s3Client, s3FileStorage } from '#adapters/s3-file-storage';
import { FILE_KIND_INFO, filesOf, kindsInWords, sizeInWords } from '#catalog/file-kinds';
import type { FieldProblem } from '#catalog/form-messages';
import { pagesOf } from '#catalog/form-pages';
import { translate } from '#catalog/i18n';
import type { Field, FormPage, Locale } from '#catalog/schema';
import { DRAFT_TTL_DAYS, type Draft, stepsFor } from '#domain/drafts';
import type { CompiledForm } from '#domain/submissions';
import {
  DRAFT_PREFIX,
  draftWithFiles,
  fileProblemMessage,
  newFileId,
  releaseFiles,
  scanVerdict,
  uploadLimits,
  uploadPolicy,
  uploadPrefix,
} from '#domain/uploads';
import { config, portalOrigin, uploadsConfig } from '#shared/config';
import { InvalidAnswersError, NotFoundError } from '#shared/errors';
import type { UploadFileView } from '#ui/pages/UploadPage.tsx';
import { apiPath, pageHref, pages } from '#ui/paths.ts';
import { htmlPage, otherLanguageHref } from './pages.ts';
import { BACK_TO_THIS_PAGE, seeOther } from './responses.ts';
import { strings } from './site.ts';

const uploads = uploadsConfig();
export const storage = s3FileStorage(s3Client(uploads.s3Endpoint), uploads.bucket);
export const drafts = dynamoDbDraftStore(dynamoDb, config.tableName);
const origin = portalOrigin();

const pagePath = (compiled: CompiledForm, draft: Draft, page: FormPage) =>
  apiPath('showFormPage', { formId: compiled.form.id, draftId: draft.id, pageId: page.id });

/** Back from a file page: the page before it (the step list knows it). */
function backHrefOf(compiled: CompiledForm, draft: Draft, page: FormPage, locale: Locale): string {
  const steps = stepsFor(compiled, draft.answers);
  const index = steps.findIndex((step) => step.id === page.id);
  const before = index > 0 ? steps[index - 1] : undefined;
  return before
    ? apiPath('showFormPage', { formId: compiled.form.id, draftId: draft.id, pageId: before.id }, { lang: locale })
    : pageHref(locale, pages.apply(compiled.service.id));
}

/**
 * The page: each file with the scan's state (a file the scan refused is removed here and named), the upload form
 * for the next file (a fresh presigned POST whose redirect is the release step), Remove and "Save and continue".
 */
export async function uploadPageAnswer(input: {
  compiled: CompiledForm;
  draft: Draft;
  page: FormPage;
  field: Field;
  locale: Locale;
  status?: number;
  problems?: FieldProblem[];
  returnToCheck?: boolean;
}) {
  const { compiled, page, field, locale } = input;
  let draft = input.draft;
  const problems = [...(input.problems ?? [])];
  const files = filesOf(draft.answers[field.name]);
  const kept: UploadFileView[] = [];
  const keptFiles: typeof files = [];
  for (const file of files) {
    const verdict = scanVerdict(await storage.scanTag(file.key));
    if (verdict === 'threat' || verdict === 'unscannable') {
      // Staff never receive it, and the person is told on the form, in plain words.
      await storage.remove(file.key);
      problems.push({ field: field.name, message: fileProblemMessage(field, verdict, file.name, locale, strings) });
      continue;
    }
    keptFiles.push(file);
    kept.push({
      id: file.id,
      name: file.name,
      size: sizeInWords(file.size, locale),
      state: verdict === 'clean' ? 'checked' : 'checking',
    });
  }
  if (keptFiles.length !== files.length) {
    draft = draftWithFiles(draft, field.name, keptFiles);
    await drafts.save(draft);
  }
  const limits = uploadLimits(field);
  const fileId = newFileId();
  const releasePath = (id: string) =>
    apiPath('releaseUpload', { formId: compiled.form.id, draftId: draft.id, question: field.name, fileId: id }, { lang: locale });
  const upload =
    kept.length < limits.maxFiles
      ? await storage.presignUpload(
          uploadPolicy({
            field,
            prefix: uploadPrefix(draft.id, field.name, fileId),
            contentType: 'application/octet-stream',
            redirect: `${origin}${releasePath(fileId)}`,
          }),
        )
      : undefined;
  const t = (key: string, values?: Record<string, string | number>) => translate(strings, key, locale, values);
  const hidden: Record<string, string> = input.returnToCheck ? { _return: 'check' } : {};
  return htmlPage(
    input.status ?? 200,
    locale,
    ({ uploadPage, langOf }) =>
      uploadPage(langOf(locale), compiled.form, {
        page,
        field,
        files: kept,
        problems,
        upload,
        limits: t('upload.limits', {
          kinds: kindsInWords(limits.kinds, t('upload.or')),
          max: field.upload?.maxMegabytes ?? 0,
          count: limits.maxFiles - kept.length,
        }),
        accept: limits.kinds.flatMap((kind) => [...FILE_KIND_INFO[kind].extensions, FILE_KIND_INFO[kind].mime]).join(','),
        action: apiPath('saveFormPage', { formId: compiled.form.id, draftId: draft.id, pageId: page.id }, { lang: locale }),
        hidden,
        presignPath: apiPath('presignUpload', { formId: compiled.form.id, draftId: draft.id }, { lang: locale }),
        releasePath,
        maxFiles: limits.maxFiles,
        progressWords: {
          uploading: t('upload.progress', { name: '{name}', percent: '{percent}' }),
          done: t('upload.progressDone', { name: '{name}' }),
          failed: t('upload.progressFailed', { name: '{name}' }),
        },
        steps: stepsFor(compiled, draft.answers),
        backHref: backHrefOf(compiled, draft, page, locale),
        altHref: otherLanguageHref(pagePath(compiled, draft, page), locale),
        keptDays: DRAFT_TTL_DAYS,
      }),
    BACK_TO_THIS_PAGE,
  );
}

/** "Remove" next to a file: the object is deleted and the draft forgets it; back to the page. */
export async function removeFileAnswer(input: {
  compiled: CompiledForm;
  draft: Draft;
  page: FormPage;
  field: Field;
  fileId: string;
  locale: Locale;
  returnToCheck: boolean;
}) {
  const { compiled, draft, page, field, locale } = input;
  const files = filesOf(draft.answers[field.name]);
  const file = files.find((candidate) => candidate.id === input.fileId);
  if (!file) throw new NotFoundError(translate(strings, 'form.pageNotFound', locale));
  // Only a draft's own file, under its own prefix.
  if (file.key.startsWith(`${DRAFT_PREFIX}${draft.id}/`)) await storage.remove(file.key);
  await drafts.save(
    draftWithFiles(
      draft,
      field.name,
      files.filter((candidate) => candidate.id !== file.id),
    ),
  );
  return seeOther(
    apiPath(
      'showFormPage',
      { formId: compiled.form.id, draftId: draft.id, pageId: page.id },
      { lang: locale, ...(input.returnToCheck && { return: 'check' }) },
    ),
  );
}

/**
 * "Send" with files (submit-form.ts): the release step for the whole draft. Every file clean: the answers with
 * the files moved under files/. Otherwise the first file page again, naming what the scan refused or is still
 * checking (the refused files deleted and forgotten by the draft), and nothing is sent.
 */
export async function releaseDraftFiles(input: {
  compiled: CompiledForm;
  draft: Draft;
  locale: Locale;
  html: boolean;
}): Promise<{ answers: Record<string, unknown> } | { response: Awaited<ReturnType<typeof uploadPageAnswer>> }> {
  const { compiled, locale } = input;
  let { draft } = input;
  const outcome = await releaseFiles({ fields: compiled.form.fields, answers: draft.answers, locale }, { storage, strings });
  if (outcome.problems.length === 0) return { answers: outcome.answers };
  for (const question of new Set(outcome.removed.map((gone) => gone.question))) {
    const ids = new Set(outcome.removed.filter((gone) => gone.question === question).map((gone) => gone.id));
    draft = draftWithFiles(
      draft,
      question,
      filesOf(draft.answers[question]).filter((file) => !ids.has(file.id)),
    );
  }
  if (outcome.removed.length > 0) await drafts.save(draft);
  const first = outcome.problems[0]!;
  const page = pagesOf(compiled.form).find((candidate) => candidate.questions.includes(first.field));
  const field = compiled.form.fields.find((candidate) => candidate.name === first.field);
  if (!input.html || !page || !field) throw new InvalidAnswersError(first.message, outcome.problems);
  return {
    response: await uploadPageAnswer({ compiled, draft, page, field, locale, status: 422, problems: outcome.problems }),
  };
}
