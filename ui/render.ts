/** Components to HTML, for the functions (Astro renders the same components for the static site). */
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/**
 * A whole page. preact-render-to-string escapes every text and attribute; `toWellFormed` replaces lone
 * surrogates (which no UTF-8 encoder can write) with U+FFFD, so what a person typed can never break the page.
 */
export function renderDocument<Props>(page: VNode<Props>): string {
  return `<!doctype html>${renderToString(page as VNode).toWellFormed()}`;
}
