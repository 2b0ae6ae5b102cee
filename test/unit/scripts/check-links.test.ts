import { describe, expect, it } from 'vitest';
import { linkProblems } from '../../../scripts/check-links.ts';

const built = new Set(['/', '/status/', '/_astro/site.css']);
const exists = (pathname: string) => built.has(pathname);
const problemsOf = (body: string) => linkProblems('/status/', `<!doctype html><html><body>${body}</body></html>`, exists);

describe('the link gate', () => {
  it('passes links to built pages, built files, routes and ids on the page', () => {
    expect(
      problemsOf(
        '<a href="/">Home</a><a href="../status/">Status</a><link rel="stylesheet" href="/_astro/site.css">' +
          '<a href="/api/status/K7M2-9QXR?lang=es">Yours</a><form method="post" action="/api/payments?lang=en"></form>' +
          '<form action="/api/status"></form><main id="main"><a href="#main">Skip</a></main>' +
          '<a href="https://www.usa.gov/">USA.gov</a><a href="tel:+15550102000">Call</a>',
      ),
    ).toEqual([]);
  });

  it('names a link to a page that was not built', () => {
    expect(problemsOf('<a href="/services/nope/">x</a>')).toEqual([
      '/status/: <a href="/services/nope/"> leads to no built page or file',
    ]);
  });

  it('names a path without its trailing slash (the page lives at /status/)', () => {
    expect(problemsOf('<a href="/status">x</a>')).toHaveLength(1);
  });

  it('names an API path that is no route, and a form whose method the route does not take', () => {
    expect(problemsOf('<a href="/api/nothing">x</a><form method="get" action="/api/payments"></form>')).toEqual([
      '/status/: <a href="/api/nothing"> is no GET route in functions/http/routes.ts',
      '/status/: <form action="/api/payments"> is no GET route in functions/http/routes.ts',
    ]);
  });

  it('names a fragment with no element of that id, and a script URL', () => {
    expect(problemsOf('<a href="#gone">x</a><a href="javascript:alert(1)">y</a>')).toEqual([
      '/status/: <a href="#gone"> names no element on the page',
      '/status/: <a href="javascript:alert(1)"> is not a web, mail or phone link',
    ]);
  });
});
