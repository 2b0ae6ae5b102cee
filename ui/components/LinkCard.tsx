/** A USWDS card whose heading is the link (one link per card, named by its title). */
import { safeHref } from '../href.ts';

export function LinkCard({
  title,
  href,
  summary,
  meta = [],
}: {
  title: string;
  href: string;
  summary: string /** Short facts under the summary, like the agency and the fee. */;
  meta?: string[];
}) {
  return (
    <li class="usa-card tablet:grid-col-6 desktop:grid-col-4">
      <div class="usa-card__container">
        <div class="usa-card__header">
          <h3 class="usa-card__heading">
            <a class="usa-link" href={safeHref(href)}>
              {title}
            </a>
          </h3>
        </div>
        <div class="usa-card__body">
          <p>{summary}</p>
          {meta.length > 0 && <p class="portal-card__meta">{meta.join(' · ')}</p>}
        </div>
      </div>
    </li>
  );
}
