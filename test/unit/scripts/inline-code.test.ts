import { describe, expect, it } from 'vitest';
import { inlineCodeOf } from '../../../scripts/build-site.ts';

const site = (pages: Record<string, string>) => ({
  pages: Object.entries(pages).map(([file, html]) => ({ file, html })),
  exists: () => true,
});

describe('the inline-code gate (the CSP allows no inline script or style)', () => {
  it('names each page with an inline script, a <style> element or a style attribute, whatever the white space', () => {
    expect(
      inlineCodeOf(
        site({
          'a/index.html': '<script>alert(1)</script><script src="/x.js"></script>',
          'b/index.html': '<STYLE>p{}</STYLE>',
          'c/index.html': '<p\n  STYLE="color:red">x</p>',
          'd/index.html': '<p data-style="x" title="style=">fine</p><script type="module" src="/y.js"></script>',
        }),
      ),
    ).toEqual([
      'a/index.html has an inline <script>',
      'b/index.html has a <style> element',
      'c/index.html has a style="" attribute',
    ]);
  });
});
