/** A moment as people read it in their language, with the machine-readable time beside it. */
import { formatDate, formatDay } from '#catalog/i18n';
import type { Locale } from '#catalog/schema';

export function DateTime({ iso, locale }: { iso: string; locale: Locale }) {
  return <time dateTime={iso}>{formatDate(iso, locale)}</time>;
}

/** A calendar day (a due date), written out: <time datetime="2026-12-01">December 1, 2026</time>. */
export function Day({ day, locale }: { day: string; locale: Locale }) {
  return <time dateTime={day}>{formatDay(day, locale)}</time>;
}
