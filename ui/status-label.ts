/** A submission status in the reader's words (the status page, and My account's JSON list). */
import type { Lang } from './lang.ts';

export function statusLabel(lang: Lang, status: string): string {
  return lang.t(`status.${status}`);
}
