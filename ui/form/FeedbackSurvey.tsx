/**
 * The A-11 §280 post-transaction survey (decision 0100): one fieldset per question on the five-point agreement
 * scale, one optional comment, a plain POST to the `submitFeedback` route (no JavaScript needed). The route looks
 * up the transaction from the hidden fields, so the service and agency cannot be forged, and answers with a
 * thanks page linking back to where the person was.
 *
 * Place it at the end of a task's page:
 *   <FeedbackSurvey lang={lang} target={{ task: 'status', code }} agencyName={agencyName} />
 * A staff reply (shown to the citizen) adds the employee-helpfulness question:
 *   <FeedbackSurvey lang={lang} target={{ task: 'staff-reply', code, message: messageId }} agencyName={…} />
 */
import { AGREEMENT_SCALE, COMMENT_MAX_LENGTH, type FeedbackTask, questionsFor } from '#domain/feedback-survey';
import { Button } from '../components/Button.tsx';
import type { Lang } from '../lang.ts';
import { apiPath } from '../paths.ts';
import { HiddenFields } from './HiddenFields.tsx';
import { Textarea } from './Textarea.tsx';

/** Which transaction the survey is about: a submission (by code), a payment, or one staff reply on a submission. */
export type FeedbackTarget =
  | { task: 'apply' | 'status'; code: string }
  | { task: 'pay'; payment: string }
  | { task: 'staff-reply'; code: string; message: string };

/** The hidden fields that tell the route which transaction this is (also what tests post). */
export function feedbackTargetFields(target: FeedbackTarget): Record<string, string> {
  if (target.task === 'pay') return { task: target.task, payment: target.payment };
  if (target.task === 'staff-reply') return { task: target.task, code: target.code, message: target.message };
  return { task: target.task, code: target.code };
}

function ScaleQuestion({ lang, name, legend }: { lang: Lang; name: string; legend: string }) {
  return (
    <fieldset class="usa-fieldset portal-feedback__question" data-feedback-question={name}>
      <legend class="usa-legend">
        {legend} <span class="usa-hint">{lang.t('feedback.optional')}</span>
      </legend>
      {AGREEMENT_SCALE.map((value) => {
        const id = `feedback-${name}-${value}`;
        return (
          <div class="usa-radio" key={value}>
            <input class="usa-radio__input" id={id} type="radio" name={name} value={String(value)} />
            <label class="usa-radio__label" for={id}>
              {lang.t(`feedback.scale.${value}`)}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

export function FeedbackSurvey({
  lang,
  target,
  agencyName,
}: {
  lang: Lang;
  target: FeedbackTarget;
  /** Who the statements name: A-11's "[Program/Service name]" ("… the service I received from …", "… my confidence in …"). */
  agencyName: string;
}) {
  const task: FeedbackTask = target.task;
  return (
    <section class="portal-section portal-feedback" aria-labelledby="feedback-heading" data-feedback-survey={task}>
      <h2 id="feedback-heading">{lang.t('feedback.heading')}</h2>
      <p>{lang.t('feedback.intro')}</p>
      <form class="usa-form usa-form--large" action={apiPath('submitFeedback')} method="post">
        <HiddenFields fields={{ ...feedbackTargetFields(target), lang: lang.locale }} />
        {questionsFor(task).map((question) => (
          <ScaleQuestion
            key={question}
            lang={lang}
            name={question}
            legend={lang.t(`feedback.q.${question}`, { agency: agencyName })}
          />
        ))}
        <Textarea
          id="feedback-comment"
          name="comment"
          label={lang.t('feedback.comment', { agency: agencyName })}
          hint={lang.t('feedback.commentHint')}
          maxLength={COMMENT_MAX_LENGTH}
        />
        <Button>{lang.t('feedback.submit')}</Button>
      </form>
    </section>
  );
}
