/** USWDS breadcrumb; the last crumb is the current page. Kept out of search excerpts. */
import { safeHref } from '../href.ts';

export interface Crumb {
  label: string;
  href: string;
}

export function Breadcrumbs({ label, trail, current }: { label: string; trail: Crumb[]; current: string }) {
  return (
    <nav class="usa-breadcrumb" aria-label={label}>
      <ol class="usa-breadcrumb__list">
        {trail.map((crumb) => (
          <li class="usa-breadcrumb__list-item" key={crumb.href}>
            <a href={safeHref(crumb.href)} class="usa-breadcrumb__link">
              <span>{crumb.label}</span>
            </a>
          </li>
        ))}
        <li class="usa-breadcrumb__list-item usa-current" aria-current="page">
          <span>{current}</span>
        </li>
      </ol>
    </nav>
  );
}
