/**
 * The images the page chrome (ui/chrome/) shows, with the hashed URLs Vite gives them. The shell page hands
 * them to the functions (scripts/build-functions.ts), so pages they render point at the same files.
 */

import seal from 'virtual:agency-seal';
import type { SiteAssets } from '#ui/chrome/assets.ts';
import favicon from '~uswds-img/favicons/favicon-40.png?url';
import dotGov from '~uswds-img/icon-dot-gov.svg?url';
import https from '~uswds-img/icon-https.svg?url';
import flag from '~uswds-img/us_flag_small.png?url';
import search from '~uswds-img/usa-icons-bg/search--white.svg?url';

export const images: SiteAssets['images'] = { favicon, flag, dotGov, https, search, seal };
