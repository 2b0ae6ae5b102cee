/**
 * The built files the page chrome points at. The site gets their hashed URLs from Vite (web/src/lib/assets.ts);
 * the functions get the same URLs from the build (scripts/build-functions.ts reads them off the built site).
 */
export interface SiteAssets {
  /** <link rel="stylesheet"> hrefs, in order. */
  stylesheets: string[];
  /** <script type="module"> srcs the chrome and the inline form checks need, in order. */
  scripts: string[];
  images: {
    favicon: string;
    flag: string;
    dotGov: string;
    https: string;
    search: string;
    /** The government's seal or logo (agency.config.json's agency.seal), when it has one. */
    seal?: string | undefined;
  };
}
