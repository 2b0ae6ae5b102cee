/**
 * A timeline, newest first: one item per interaction, each saying what happened, when, by which channel and which
 * way, who acted and for which agency. Staff see it on a case (and a person); citizens see theirs as "My activity"
 * (web/src/scripts/account.ts builds the same markup from the JSON). Text only, escaped like everything preact prints.
 */
import type { Lang } from '../lang.ts';
import type { TimelineItemView } from '../timeline-view.ts';
import { DateTime } from './DateTime.tsx';
import { Link } from './Link.tsx';

export function Timeline({
  lang,
  items,
  heading,
  headingLevel = 2,
  caseHref,
}: {
  lang: Lang;
  items: TimelineItemView[];
  heading?: string;
  headingLevel?: 2 | 3;
  /** Where a case's code links to (the staff case page, or the citizen's status page), if anywhere. */
  caseHref?: (code: string) => string;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const title = heading ?? lang.t('timeline.heading');
  return (
    <section class="portal-timeline" aria-label={title} data-timeline>
      <Heading>{title}</Heading>
      {items.length === 0 ? (
        <p data-timeline-empty>{lang.t('timeline.empty')}</p>
      ) : (
        <ol class="portal-timeline__list">
          {items.map((item) => (
            <li key={item.id} class="portal-timeline__item" data-kind={item.kind}>
              <p class="portal-timeline__what">
                <strong>{item.label}</strong>
              </p>
              {item.summary && <p class="portal-timeline__summary">{item.summary}</p>}
              <p class="portal-timeline__meta">
                <DateTime iso={item.occurredAt} locale={lang.locale} />
                {` · ${item.channelLabel} · ${item.directionLabel} · ${item.actorLabel} · ${item.agencyName}`}
                {item.caseCode && (
                  <>
                    {' · '}
                    {caseHref ? (
                      <Link href={caseHref(item.caseCode)}>{lang.t('timeline.case', { code: item.caseCode })}</Link>
                    ) : (
                      lang.t('timeline.case', { code: item.caseCode })
                    )}
                  </>
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
