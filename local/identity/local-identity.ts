/**
 * Sign-in for the local runtime: the issuer under <origin>/auth, the authorizer protected API routes go
 * through (configured like infra configures API Gateway's: the issuer, and the web and machine clients as
 * audiences), and the `auth` part of /config.json. The sign-in choices come from agency.config.json.
 */
import { loadCatalog } from '#catalog/load';
import { API_PREFIX } from '../../functions/http/routes.ts';
import { federatedProviderList, identityProviderChoices, loadAgencyConfig } from '../../infra/config.ts';
import type { RuntimeConfig } from '../../web/runtime-config.ts';
import { createLocalIssuer, LOCAL_MACHINE_CLIENT, type LocalIssuer, USER_SCOPES } from './issuer.ts';
import { createJwtAuthorizer, type JwtAuthorizer } from './jwt-authorizer.ts';

export interface LocalIdentity {
  issuer: LocalIssuer;
  authorizer: JwtAuthorizer;
  runtimeConfig: RuntimeConfig;
}

export function createLocalIdentity(siteOrigin: string, keyFile?: string): LocalIdentity {
  const agencies = [...loadCatalog().agencies.keys()];
  const agency = loadAgencyConfig(undefined, agencies);
  const identityProviders = identityProviderChoices(agency);
  const issuer = createLocalIssuer({
    issuer: `${siteOrigin}/auth`,
    siteOrigin,
    identityProviders,
    federation: { providers: federatedProviderList(agency), agencies },
    ...(keyFile && { keyFile }),
  });
  return {
    issuer,
    authorizer: createJwtAuthorizer({
      issuer: issuer.issuer,
      audience: [issuer.clientId, LOCAL_MACHINE_CLIENT.id],
      jwks: issuer.jwks as never,
    }),
    runtimeConfig: {
      apiBase: API_PREFIX,
      locales: agency.locales,
      auth: {
        issuer: issuer.issuer,
        clientId: issuer.clientId,
        authorizeEndpoint: `${issuer.issuer}/oauth2/authorize`,
        tokenEndpoint: `${issuer.issuer}/oauth2/token`,
        logoutEndpoint: `${issuer.issuer}/logout`,
        scopes: USER_SCOPES.split(' '),
        identityProviders,
      },
      payments: { provider: 'sandbox' },
    },
  };
}
