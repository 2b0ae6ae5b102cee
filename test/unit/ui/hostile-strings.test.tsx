/**
 * Every ui/ component, rendered with attacks in every string it prints, stays the same page: no new element,
 * no event handler, no script URL, and the text shown as the person typed it.
 */
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { Document } from '#ui/chrome/Document.tsx';
import { renderDocument } from '#ui/render.ts';
import { componentFixtures, images, lang } from '../../fixtures/ui/components.tsx';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)' x='",
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '//evil.example/',
  '</title></textarea></script><svg onload=alert(1)>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder is the attack here.
  '&lt;b&gt; &amp; ${x} {{constructor}} %s',
  'lone \ud800 high and \udfff low surrogates',
];
const BENIGN = 'Ana Rivera';

function page(fixture: (typeof componentFixtures)[number], text: string): string {
  const assets = { stylesheets: ['/site.css'], scripts: ['/site.js'], images };
  return renderDocument(
    <Document
      lang={lang}
      title="Gallery"
      switchTo={{ locale: 'es', href: '/es/', label: 'Español' }}
      assets={assets}
      agencies={['A']}
    >
      {fixture.render(text)}
    </Document>,
  );
}

function elementsOf(node: Node): Element[] {
  const own = 'tagName' in node ? [node] : [];
  const children = 'childNodes' in node ? node.childNodes.flatMap(elementsOf) : [];
  const template = 'content' in node ? elementsOf(node.content as Node) : [];
  return [...own, ...children, ...template];
}

function textsOf(node: Node): string[] {
  if (node.nodeName === '#text') return [(node as DefaultTreeAdapterMap['textNode']).value];
  return 'childNodes' in node ? node.childNodes.flatMap(textsOf) : [];
}

const shape = (elements: Element[]) =>
  elements.map((element) => `${element.tagName}[${element.attrs.map((a) => a.name).join(',')}]`);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction']);

describe.each(componentFixtures)('$name with hostile text', (fixture) => {
  const benign = elementsOf(parse(page(fixture, BENIGN)));

  it.each(HOSTILE)('stays inert with %j', (text) => {
    const html = page(fixture, text);
    expect(html.isWellFormed()).toBe(true);
    const tree = parse(html);
    const elements = elementsOf(tree);

    // The same elements with the same attributes as with a plain name: the text added no markup.
    expect(shape(elements)).toEqual(shape(benign));
    for (const element of elements) {
      for (const attribute of element.attrs) {
        expect(attribute.name.startsWith('on'), `${element.tagName} has ${attribute.name}`).toBe(false);
        if (URL_ATTRIBUTES.has(attribute.name)) {
          expect(attribute.value, `${element.tagName} ${attribute.name}`).not.toMatch(/^\s*(javascript|data|vbscript):/i);
          expect(attribute.value, `${element.tagName} ${attribute.name}`).not.toMatch(/^\s*\/\//);
        }
      }
    }
    // Shown as typed (lone surrogates as U+FFFD), in the text or an attribute, wherever the fixture puts it.
    if (fixture.name !== 'DateTime') {
      const shown = text.toWellFormed();
      const places = [...textsOf(tree), ...elements.flatMap((element) => element.attrs.map((a) => a.value))];
      expect(places.some((place) => place.includes(shown))).toBe(true);
    }
  });
});
