/** The page after the survey: thanks (or "you did not answer anything"), and the way back. */
import { Alert } from '../components/Alert.tsx';
import { ButtonLink } from '../components/Button.tsx';
import type { Lang } from '../lang.ts';
import type { PageView } from './view.ts';

export function feedbackThanksPage(lang: Lang, options: { nothing: boolean; backHref: string; altHref: string }): PageView {
  const heading = lang.t(options.nothing ? 'feedback.nothingTitle' : 'feedback.thanksTitle');
  return {
    title: heading,
    altHref: options.altHref,
    content: (
      <div data-feedback-thanks={options.nothing ? 'nothing' : 'saved'}>
        <h1>{heading}</h1>
        <Alert kind={options.nothing ? 'info' : 'success'}>
          {lang.t(options.nothing ? 'feedback.nothingText' : 'feedback.thanksText')}
        </Alert>
        <p class="portal-section" data-feedback-back>
          <ButtonLink href={options.backHref}>{lang.t('feedback.back')}</ButtonLink>
        </p>
      </div>
    ),
  };
}
