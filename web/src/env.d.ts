/// <reference types="astro/client" />

/** The government's seal as the build ships it (web/astro.config.ts, agency.config.json's agency.seal). */
declare module 'virtual:agency-seal' {
  const url: string | undefined;
  export default url;
}
