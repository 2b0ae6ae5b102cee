/**
 * Site search: a plain GET to the search function (works without JavaScript), in the USWDS search markup.
 * The header carries the small one; the results page a big one holding the words searched for (a landmark
 * of its own name, so the two searches can be told apart).
 */
import type { SiteAssets } from '../chrome/assets.ts';
import type { Lang } from '../lang.ts';
import { apiPath } from '../paths.ts';
import { HiddenFields } from './HiddenFields.tsx';

export function SearchForm({
  lang,
  id,
  images,
  value,
  size = 'small',
}: {
  lang: Lang;
  id: string;
  images: SiteAssets['images'];
  value?: string;
  size?: 'small' | 'big';
}) {
  const label = lang.t('layout.searchLabel');
  return (
    // biome-ignore lint/a11y/useSemanticElements: USWDS's search markup; <search> is too new for some screen readers people use.
    <form
      class={`usa-search usa-search--${size}`}
      role="search"
      aria-label={lang.t(size === 'big' ? 'search.again' : 'layout.searchSection')}
      action={apiPath('searchSite')}
      method="get"
    >
      <HiddenFields fields={{ lang: lang.locale }} />
      <label class="usa-sr-only" for={id}>
        {label}
      </label>
      <input class="usa-input" id={id} type="search" name="q" value={value} maxLength={200} data-site-search />
      <button class="usa-button" type="submit">
        {size === 'big' ? label : <img src={images.search} class="usa-search__submit-icon" alt={label} width={24} height={24} />}
      </button>
    </form>
  );
}
