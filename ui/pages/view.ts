/** A page the functions answer with: its title, the same page in the other language, and its content. */
import type { VNode } from 'preact';

export interface PageView {
  /** The page's own title; the site name is added. */
  title: string;
  /** The same page in the other language (the language switch). */
  altHref: string;
  content: VNode;
}
