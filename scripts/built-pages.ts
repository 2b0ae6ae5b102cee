/**
 * The built site as the gates read it (scripts/build-site.ts): every .html file's text, read once, and which files
 * exist, listed once. Each gate used to list and read the whole site itself, and the link gate asked the file system
 * about every link (~280,000 calls on a 1,000-form site); decision 0135.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface BuiltPage {
  /** The file's path in the site folder, with "/" between folders ("services/x/index.html"). */
  file: string;
  html: string;
}

export interface BuiltSite {
  pages: BuiltPage[];
  /** Whether a site path leads to a built file: `/x/` is x/index.html, `/x.css` is x.css. */
  exists: (pathname: string) => boolean;
}

const slashes = (file: string) => file.split(path.sep).join('/');

/** Every file under `distDir`, as paths in the site folder with "/" between folders. */
export function builtFiles(distDir: string): string[] {
  return readdirSync(distDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => slashes(path.relative(distDir, path.join(entry.parentPath, entry.name))));
}

/** A site path to the file it names, in the site folder; undefined when it points outside the folder. */
function fileOf(root: string, pathname: string): string | undefined {
  const file = path.join(root, decodeURIComponent(pathname));
  if (!file.startsWith(root)) return undefined;
  return slashes(path.relative(root, pathname.endsWith('/') ? path.join(file, 'index.html') : file));
}

/** Which site paths lead to one of `files` (paths in the site folder rooted at `distDir`). */
export function existsIn(distDir: string, files: Iterable<string>): (pathname: string) => boolean {
  const root = path.resolve(distDir);
  const built = new Set(files);
  const answers = new Map<string, boolean>();
  return (pathname) => {
    let answer = answers.get(pathname);
    if (answer === undefined) {
      const file = fileOf(root, pathname);
      answer = file !== undefined && built.has(file);
      answers.set(pathname, answer);
    }
    return answer;
  };
}

/** The site in `distDir`: its pages (every .html file, in file order) and the files they may link to. */
export function readBuiltSite(distDir: string): BuiltSite {
  const files = builtFiles(distDir).sort();
  const pages = files
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({ file, html: readFileSync(path.join(distDir, file), 'utf8') }));
  return { pages, exists: existsIn(distDir, files) };
}
