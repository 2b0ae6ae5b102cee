/**
 * A file question's page of a multi-page form (decision 0110). Without JavaScript it is three plain forms: the
 * upload form posts the chosen file straight to storage (a presigned POST, fields before the file), which sends
 * the browser back to the release step; each attached file has a Remove button; "Save and continue" goes on.
 * With JavaScript (web/src/scripts/file-upload.ts) the same upload form takes several files at once and shows
 * each one's progress. The person sees their files' names and the virus check's state, never a link to a file.
 */
import type { FieldProblem } from '#catalog/form-messages';
import type { Field, Form, FormPage } from '#catalog/schema';
import { MAIN_ID } from '../chrome/SiteTop.tsx';
import { Button } from '../components/Button.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { HiddenFields } from '../form/HiddenFields.tsx';
import { safeHref } from '../href.ts';
import type { Lang } from '../lang.ts';
import { type FormStepFrame, Frame } from './FormStepPage.tsx';
import type { PageView } from './view.ts';

export interface UploadFileView {
  id: string;
  name: string;
  size: string;
  state: 'checking' | 'checked';
}

export interface UploadPageStep extends FormStepFrame {
  page: FormPage;
  field: Field;
  files: UploadFileView[];
  problems: FieldProblem[];
  /** The presigned POST for the next file; absent when the question has all the files it takes. */
  upload?: { url: string; fields: Record<string, string> } | undefined;
  /** "PDF, JPG or PNG, up to 10 MB each. You can attach 2 more." */
  limits: string;
  /** The kinds' extensions and types, for the file picker (a hint only: the content decides). */
  accept: string;
  /** Remove a file, and "Save and continue": the page's own address. */
  action: string;
  hidden: Record<string, string>;
  /** With JavaScript: where the script asks for one presigned POST per file, and where it releases each. */
  presignPath: string;
  releasePath: (fileId: string) => string;
  maxFiles: number;
  progressWords: { uploading: string; done: string; failed: string };
}

export const fileInputId = (field: Field) => `${field.name}-file`;

export function uploadPage(lang: Lang, form: Form, step: UploadPageStep): PageView {
  const { locale } = lang;
  const { field } = step;
  const current = Math.max(
    0,
    step.steps.findIndex((candidate) => candidate.id === step.page.id),
  );
  const prefix = step.problems.length > 0 ? `${lang.t('error.titlePrefix')} ` : '';
  const problem = step.problems.find((candidate) => candidate.field === field.name)?.message;
  const inputId = fileInputId(field);
  return {
    title: `${prefix}${step.page.title[locale]} – ${form.title[locale]}`,
    altHref: step.altHref,
    content: (
      <>
        <Frame lang={lang} form={form} frame={step} current={current} />
        {step.problems.length > 0 && (
          <ErrorSummary
            title={lang.t('form.errorSummaryTitle')}
            problems={step.problems.map((candidate) => ({
              message: candidate.message,
              href: `#${step.upload ? inputId : MAIN_ID}`,
            }))}
          />
        )}
        <div class={`usa-form-group${problem ? ' usa-form-group--error' : ''}`} data-upload-question={field.name}>
          <h2 class="portal-upload-label">{field.label[locale]}</h2>
          {field.hint && <p class="usa-hint">{field.hint[locale]}</p>}

          <h3>{lang.t('upload.attached')}</h3>
          {step.files.length === 0 ? (
            <p data-no-files>{lang.t('upload.none')}</p>
          ) : (
            <ul class="usa-list usa-list--unstyled portal-files" data-files>
              {step.files.map((file) => (
                <li key={file.id} data-file={file.name} data-file-state={file.state} class="portal-file">
                  <span class="portal-file__name">{file.name}</span> <span class="usa-hint">({file.size})</span>{' '}
                  <span class={`usa-tag${file.state === 'checked' ? ' bg-green' : ''}`}>
                    {lang.t(`upload.status.${file.state}`)}
                  </span>
                  <form method="post" action={safeHref(step.action)} class="portal-inline-form">
                    <HiddenFields fields={{ ...step.hidden, '_remove-file': file.id }} />
                    <Button variant="unstyled">
                      {lang.t('upload.remove')} <span class="usa-sr-only">{file.name}</span>
                    </Button>
                  </form>
                </li>
              ))}
            </ul>
          )}

          {step.upload ? (
            <form
              method="post"
              action={safeHref(step.upload.url)}
              enctype="multipart/form-data"
              class="usa-form portal-upload-form"
              data-upload-form
              data-presign={step.presignPath}
              data-release={step.releasePath('FILE_ID')}
              data-question={field.name}
              data-max-files={String(step.maxFiles - step.files.length)}
              data-msg-uploading={step.progressWords.uploading}
              data-msg-done={step.progressWords.done}
              data-msg-failed={step.progressWords.failed}
            >
              {/* S3 reads the fields before the file: the file input must come last. */}
              {Object.entries(step.upload.fields).map(([name, value]) => (
                <input type="hidden" name={name} value={value} key={name} />
              ))}
              <label class="usa-label" for={inputId}>
                {lang.t('upload.choose')}
              </label>
              <span class="usa-hint" id={`${inputId}-hint`}>
                {step.limits}
              </span>
              {problem && (
                <span class="usa-error-message" id={`${inputId}-error`} role="alert">
                  {problem}
                </span>
              )}
              <input
                class="usa-input portal-file-input"
                type="file"
                id={inputId}
                name="file"
                accept={step.accept}
                aria-describedby={`${inputId}-hint${problem ? ` ${inputId}-error` : ''}`}
                required
              />
              <Button variant="outline">{lang.t('upload.button')}</Button>
              <ul class="usa-list usa-list--unstyled portal-upload-progress" aria-live="polite" data-upload-progress />
            </form>
          ) : (
            <p data-files-full>{lang.t('upload.full')}</p>
          )}
        </div>

        <form method="post" action={safeHref(step.action)} class="usa-form portal-form">
          <HiddenFields fields={{ ...step.hidden, _continue: '1' }} />
          <Button variant="big" extraClass="portal-submit">
            {lang.t('form.continue')}
          </Button>
        </form>
        <p class="usa-hint portal-draft-kept">{lang.t('form.draftKept', { days: step.keptDays })}</p>
      </>
    ),
  };
}
