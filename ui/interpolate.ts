/** Site strings with markup in their placeholders (kept apart from ui/lang.ts, which functions load at start-up). */
import { type ComponentChildren, Fragment, h } from 'preact';

/**
 * A string whose `{name}` placeholders stand for markup ("A {gov} website belongs to…" with gov = <strong>):
 * the text around them stays text, so it is escaped like any other.
 */
export function interpolate(template: string, parts: Record<string, ComponentChildren>): ComponentChildren {
  const pieces = template.split(/\{(\w+)\}/);
  return h(
    Fragment,
    null,
    pieces.map((piece, index) => {
      if (index % 2 === 0) return piece;
      return piece in parts ? h(Fragment, { key: index }, parts[piece]) : `{${piece}}`;
    }),
  );
}
