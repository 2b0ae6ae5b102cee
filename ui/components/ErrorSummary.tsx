/**
 * The list of mistakes at the top of a form, each linking to its field. Focusable (tabindex -1) so the
 * inline checks can move focus to it, as GOV.UK's error summary does.
 */
import { safeHref } from '../href.ts';

export interface Problem {
  message: string;
  /** Where the link jumps: `#<id of the field's first input>`. */
  href: string;
}

export function ErrorSummary({ title, problems }: { title: string; problems: Problem[] }) {
  return (
    <div class="usa-alert usa-alert--error portal-error-summary" role="alert" tabindex={-1} data-error-summary>
      <div class="usa-alert__body">
        <h2 class="usa-alert__heading">{title}</h2>
        <ul class="usa-list usa-list--unstyled">
          {problems.map((problem) => (
            <li class="usa-error-summary__item" key={problem.href + problem.message}>
              <a class="usa-link" href={safeHref(problem.href)}>
                {problem.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
