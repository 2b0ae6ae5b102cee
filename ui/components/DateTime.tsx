/** A moment as people read it in their language, with the machine-readable time beside it. */
import { formatDate } from '#catalog/i18n';
import type { Locale } from '#catalog/schema';

export function DateTime({ iso, locale }: { iso: string; locale: Locale }) {
  return <time dateTime={iso}>{formatDate(iso, locale)}</time>;
}
