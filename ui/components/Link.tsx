/** A USWDS text link. */
import type { ComponentChildren } from 'preact';
import { safeHref } from '../href.ts';

export function Link({
  href,
  children,
  ...data
}: {
  href: string;
  children: ComponentChildren;
  [data: `data-${string}`]: string | boolean;
}) {
  return (
    <a class="usa-link" href={safeHref(href)} {...data}>
      {children}
    </a>
  );
}
