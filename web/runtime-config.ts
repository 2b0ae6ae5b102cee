/**
 * /config.json: what the static site learns at run time, so one site build serves any agency. infra/
 * writes it at deploy time (BucketDeployment) and the local runtime serves the same shape.
 */
import type { Locale } from '../catalog/src/locales.ts';

export interface RuntimeConfig {
  /** Where the API answers, on the site's own origin: "/api". */
  apiBase: string;
  locales: Locale[];
  /** Sign-in, or null where a deployment has no identity providers. */
  auth: {
    /** The token issuer (iss): Cognito's https://cognito-idp.<region>.amazonaws.com/<pool id>, or /auth locally. */
    issuer: string;
    clientId: string;
    /** Cognito's managed login: https://<domain>/oauth2/authorize, …/oauth2/token, …/logout. */
    authorizeEndpoint: string;
    tokenEndpoint: string;
    logoutEndpoint: string;
    scopes: string[];
    identityProviders: { id: string; label: string; audience: 'citizen' | 'staff' }[];
  } | null;
  payments: { provider: 'stripe' | 'sandbox' };
}
