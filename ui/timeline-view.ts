/**
 * A timeline entry in the reader's words: what happened, by which channel, which way, who, for which agency.
 * The citizen's "My activity" (its JSON) and the staff case page (the Timeline component) both read this.
 */
import { formatMoney } from '#catalog/i18n';
import type { Localized } from '#catalog/schema';
import type { ActivityItem } from '#domain/timeline';
import type { Lang } from './lang.ts';
import { statusLabel } from './status-label.ts';

export interface TimelineItemView {
  id: string;
  kind: ActivityItem['kind'];
  occurredAt: string;
  /** What happened, e.g. "Status changed: In review". */
  label: string;
  /** What another channel's system wrote (contacts only). */
  summary?: string;
  channelLabel: string;
  directionLabel: string;
  actorLabel: string;
  agencyName: string;
  caseCode?: string;
}

export type TimelineAudience = 'citizen' | 'staff';

export function timelineItemView(
  entry: ActivityItem,
  lang: Lang,
  options: { audience: TimelineAudience; agencyNames: Record<string, Localized> },
): TimelineItemView {
  const channelLabel = lang.t(`timeline.channel.${entry.channel}`);
  const amount = entry.amount !== undefined ? formatMoney(entry.amount, entry.currency ?? 'usd', lang.locale) : '';
  const kindKey = entry.kind === 'notification-sent' && entry.channel === 'sms' ? 'notification-sent.sms' : entry.kind;
  const label = lang.t(`timeline.kind.${kindKey}`, {
    status: entry.status ? statusLabel(lang, entry.status) : '',
    amount,
    channel: channelLabel,
  });
  const self = options.audience === 'citizen' && entry.actor === 'citizen';
  return {
    id: entry.id,
    kind: entry.kind,
    occurredAt: entry.occurredAt,
    label,
    ...(entry.kind === 'contact' && { summary: entry.summary }),
    channelLabel,
    directionLabel: lang.t(`timeline.direction.${entry.direction}`),
    actorLabel: lang.t(self ? 'timeline.actor.citizen.self' : `timeline.actor.${entry.actor}`),
    agencyName: options.agencyNames[entry.agency]?.[lang.locale] ?? entry.agency,
    ...(entry.caseCode && { caseCode: entry.caseCode }),
  };
}
