/**
 * The shell page (/_shell/, /es/_shell/) is the site's look with three holes the functions fill in to render
 * confirmation, status and error pages (functions/http/pages.ts). Each placeholder appears exactly once.
 */
export const SHELL_PLACEHOLDERS = {
  /** The whole <title> text (like "Application sent | Front Door"), HTML-escaped. */
  title: '__PORTAL_TITLE__',
  /** The whole content of <main>: HTML, usually wrapped in <div class="grid-container portal-page"> like the site's pages. */
  main: '__PORTAL_MAIN__',
  /** The href of the language switch: the same page in the other language. */
  altHref: '__PORTAL_ALT_HREF__',
} as const;
