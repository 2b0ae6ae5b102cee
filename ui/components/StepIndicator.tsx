/** USWDS 3 step indicator (current markup: labels, screen-reader status, counter heading). */
import type { Lang } from '../lang.ts';

export function StepIndicator({ lang, steps, current }: { lang: Lang; steps: string[] /** From 0. */; current: number }) {
  return (
    <div class="usa-step-indicator">
      <ol class="usa-step-indicator__segments">
        {steps.map((label, index) => (
          <li
            key={label}
            class={[
              'usa-step-indicator__segment',
              index < current && 'usa-step-indicator__segment--complete',
              index === current && 'usa-step-indicator__segment--current',
            ]
              .filter(Boolean)
              .join(' ')}
            aria-current={index === current ? 'true' : undefined}
          >
            <span class="usa-step-indicator__segment-label">
              {label}
              {index < current && <span class="usa-sr-only">{lang.t('apply.completed')}</span>}
              {index > current && <span class="usa-sr-only">{lang.t('apply.notCompleted')}</span>}
            </span>
          </li>
        ))}
      </ol>
      <div class="usa-step-indicator__header">
        <h2 class="usa-step-indicator__heading">
          <span class="usa-step-indicator__heading-counter">
            <span class="usa-sr-only">{lang.t('apply.step')}</span>
            <span class="usa-step-indicator__current-step">{current + 1}</span>
            <span class="usa-step-indicator__total-steps">{lang.t('apply.stepOf', { total: steps.length })}</span>
          </span>
          <span class="usa-step-indicator__heading-text">{steps[current]}</span>
        </h2>
      </div>
    </div>
  );
}
