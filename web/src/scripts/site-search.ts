/**
 * Site search with Pagefind's JavaScript API (not its default UI): results in USWDS markup for the `q` in the URL.
 * Pagefind picks the index for the page's <html lang>, so each language searches its own pages.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const PAGEFIND_URL = '/pagefind/pagefind.js';
const MAX_RESULTS = 20;

/** Pagefind's excerpt is HTML with <mark> around matches; keep only its text and the marks. */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  return [...(parsed.body.firstElementChild?.childNodes ?? [])].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

function resultItem(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.className = 'usa-link';
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  const excerpt = document.createElement('p');
  excerpt.append(...excerptNodes(data.excerpt));
  item.append(link, excerpt);
  return item;
}

async function run(section: HTMLElement): Promise<void> {
  const query = new URLSearchParams(window.location.search).get('q')?.trim() ?? '';
  const status = section.querySelector<HTMLElement>('[data-search-status]');
  const list = section.querySelector<HTMLElement>('[data-search-list]');
  const field = document.querySelector<HTMLInputElement>('[data-site-search]');
  if (!status || !list || query === '') return;
  if (field) field.value = query;
  const say = (key: string, count = 0) => {
    status.textContent = (section.dataset[key] ?? '').replace('{query}', query).replace('{count}', String(count));
  };
  section.hidden = false;
  say('msgSearching');
  try {
    const pagefind = (await import(/* @vite-ignore */ PAGEFIND_URL)) as Pagefind;
    const search = await pagefind.search(query);
    const results = await Promise.all((search?.results ?? []).slice(0, MAX_RESULTS).map((result) => result.data()));
    list.replaceChildren(...results.map(resultItem));
    const total = search?.results.length ?? 0;
    say(total === 0 ? 'msgNone' : total === 1 ? 'msgOne' : 'msgMany', total);
  } catch {
    say('msgFailed');
  }
}

const section = document.querySelector<HTMLElement>('[data-search-results]');
if (section) void run(section);
