/**
 * ui/ components to HTML inside .astro pages: `<Fragment set:html={html(Breadcrumbs, { … })} />`. The same
 * preact-render-to-string the functions use (ui/render.ts): escaping by default, the same bytes Astro's Preact
 * renderer writes. Written as a component in the template instead, each one goes through Astro's framework-component
 * path (renderer lookup, props serialisation, slot clean-up over its whole HTML, an async render), which on a
 * 1,000-form site (~7,000 pages, 3–5 components each) cost more than the rendering itself (decision 0135).
 */
import { type ComponentChildren, Fragment, type FunctionComponent, h } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** One component's HTML. */
export function html<Props extends object>(component: FunctionComponent<Props>, props: Props): string {
  return renderToString(h(component as FunctionComponent<object>, props));
}

/** Several components' HTML, one after the other (the cards of a list). */
export function htmlOf(children: ComponentChildren): string {
  return renderToString(h(Fragment, null, children));
}

export { h };

const kept = new Map<string, string>();

/**
 * HTML that is the same on every page of a language (the identifier, the status form): rendered on the first page
 * that shows it, then reused. `key` must name everything the HTML depends on (the component and the language).
 */
export function htmlOnce<Props extends object>(key: string, component: FunctionComponent<Props>, props: Props): string {
  let found = kept.get(key);
  if (found === undefined) {
    found = html(component, props);
    kept.set(key, found);
  }
  return found;
}
