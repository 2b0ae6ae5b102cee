/**
 * A Cognito-shaped OpenID Connect issuer for `npm start` and the tests, built on oidc-provider. It answers
 * on Cognito's paths under /auth (the issuer is http://localhost:<port>/auth):
 *   /auth/.well-known/openid-configuration, /auth/.well-known/jwks.json, /auth/oauth2/authorize,
 *   /auth/oauth2/token, /auth/logout (Cognito's: client_id + logout_uri)
 * and signs Cognito-shaped tokens: an ID token (token_use "id", cognito:groups, cognito:username, identities,
 * email) and a JWT access token (token_use "access", client_id, scope, cognito:groups, username).
 * Instead of real identity providers it offers one sandbox login per provider the agency config enables,
 * each with persona pickers; `identity_provider=<name>` skips the chooser, as on Cognito.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import Provider, { type Configuration, errors, type KoaContextWithOIDC } from 'oidc-provider';
import { isLocale } from '#catalog/i18n';
import { LOCALES, type Locale } from '#catalog/locales';
import type { FederatedProvider } from '#domain/account-linking';
import { AGENCIES_ATTRIBUTE, tokenGroups } from '#domain/token-groups';
import { authorizationScopesFor, type Route, routes } from '#http/routes';
import { renderView } from '#http/views';
import { apiPath, pageHref, pages } from '#ui/paths.ts';
import type { IdentityProviderChoice } from '../../infra/config.ts';
import { readText } from '../http.ts';
import { MemoryAdapter } from './memory-adapter.ts';
import { type Persona, personaBySub, personas } from './personas.ts';
import { chooserView, expiredView, personaView, problemView } from './sign-in-pages.tsx';

/** The local web client (public, PKCE), like the Cognito app client infra creates. */
export const LOCAL_CLIENT_ID = 'frontdoorlocalwebclient01';
/** A machine client (client credentials) holding every machine scope the route table names. */
export const LOCAL_MACHINE_CLIENT = { id: 'frontdoorlocalmachine0001', secret: 'local-machine-secret' };
export const USER_SCOPES = 'openid email profile';
const RESOURCE = 'urn:front-door:api';

export const MACHINE_SCOPES = [
  ...new Set(
    (routes as readonly Route[]).flatMap((r) => (r.auth.startsWith('machine:') ? (authorizationScopesFor(r) ?? []) : [])),
  ),
];

interface StoredKeys {
  signing: Record<string, unknown>;
  cookies: string[];
}

/** The signing key survives restarts (else every token issued before a restart would fail). */
function loadOrCreateKeys(file: string | undefined): StoredKeys {
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as StoredKeys;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keys: StoredKeys = {
    signing: { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(12).toString('base64url'), alg: 'RS256', use: 'sig' },
    cookies: [randomBytes(32).toString('base64url')],
  };
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  }
  return keys;
}

export interface LocalIssuerOptions {
  /** e.g. http://localhost:3000/auth */
  issuer: string;
  /** The site's origin: redirect and logout URLs are registered on it. */
  siteOrigin: string;
  identityProviders: IdentityProviderChoice[];
  /** How the Pre Token Generation trigger sees them (infra/config.ts federatedProviderList) and the agency ids. */
  federation: { providers: readonly FederatedProvider[]; agencies: readonly string[] };
  /** Where the signing key lives; a fresh in-memory key when absent. */
  keyFile?: string;
}

export interface LocalIssuer {
  issuer: string;
  clientId: string;
  /** The public signing keys (what /.well-known/jwks.json serves). */
  jwks: { keys: Record<string, unknown>[] };
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
}

/**
 * Like Cognito after account linking (docs/identity.md): the first sign-in through a provider a person has not
 * used before is ended with this error once; signing in again (the provider's own session still open) works.
 */
export const LINKED_ERROR_DESCRIPTION = 'PreSignUp failed with error FRONT_DOOR:account-linked. ';
const LINK_RETRY_COOKIE = '_sandbox_link_retry';
/** A persona pick is two short fields. */
const INTERACTION_MAX_BODY = 16 * 1024;
const EXPIRED_COOKIE = 'Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax';

function identitiesClaim(persona: Persona, provider: IdentityProviderChoice | undefined) {
  if (!provider) return undefined;
  return [
    {
      userId: persona.id,
      providerName: provider.id,
      providerType: provider.audience === 'staff' ? 'SAML' : provider.id === 'Google' ? 'Google' : 'OIDC',
      issuer: null,
      primary: 'true',
      dateCreated: '1700000000000',
    },
  ];
}

function usernameOf(persona: Persona, provider: IdentityProviderChoice | undefined) {
  return `${provider?.id ?? 'Local'}_${persona.id}`;
}

export function createLocalIssuer(options: LocalIssuerOptions): LocalIssuer {
  const keys = loadOrCreateKeys(options.keyFile);
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicKey } = keys.signing;
  const providersById = new Map(options.identityProviders.map((p) => [p.id, p]));
  /** Which provider each person last signed in with: the `identities` claim names it. */
  const lastProvider = new Map<string, IdentityProviderChoice>();
  /** The providers linked to each person so far. */
  const linked = new Map<string, Set<string>>();
  /** A just-linked sign-in, completed without asking again when the site retries (the IdP's session is open). */
  const linkRetries = new Map<string, { sub: string; idp: string; expires: number }>();
  const site = options.siteOrigin;
  /** The groups Cognito's Pre Token Generation trigger would give this sign-in (the same domain rule). */
  const groupsOf = (persona: Persona, via: IdentityProviderChoice | undefined) =>
    tokenGroups(
      {
        username: usernameOf(persona, via),
        userAttributes: {
          identities: JSON.stringify(identitiesClaim(persona, via) ?? []),
          [AGENCIES_ATTRIBUTE]: persona.asserts.join(','),
        },
        memberOf: persona.memberOf,
      },
      options.federation,
    );
  const logoutUris = LOCALES.map((locale) => `${site}${pageHref(locale, pages.home())}`);

  const mount = new URL(options.issuer).pathname;
  /** The sign-in pages of one authorization request (oidc-provider's "interaction"). */
  const interactionPath = (uid: string, query?: Record<string, string>) =>
    `${mount}/interaction/${encodeURIComponent(uid)}${query ? `?${new URLSearchParams(query)}` : ''}`;

  const configuration: Configuration = {
    adapter: MemoryAdapter as never,
    clients: [
      {
        client_id: LOCAL_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        // The site's callback page and the workspace's (infra registers the same two on the app client).
        redirect_uris: [`${site}${pages.signInCallback()}`, `${site}${apiPath('staffSignInCallback')}`],
      },
      {
        client_id: LOCAL_MACHINE_CLIENT.id,
        client_secret: LOCAL_MACHINE_CLIENT.secret,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
      },
    ],
    jwks: { keys: [keys.signing as never] },
    cookies: { keys: keys.cookies },
    pkce: { required: () => true },
    // Cognito's token endpoint answers browsers from any origin; locally everything is one origin anyway.
    clientBasedCORS: () => true,
    conformIdTokenClaims: false,
    scopes: ['openid', 'email', 'profile', ...MACHINE_SCOPES],
    claims: {
      openid: ['sub', 'token_use', 'cognito:groups', 'cognito:username', 'identities'],
      email: ['email', 'email_verified'],
      profile: ['name', 'phone_number', 'phone_number_verified'],
    },
    extraParams: ['identity_provider', 'lang'],
    responseTypes: ['code'],
    routes: {
      authorization: '/oauth2/authorize',
      token: '/oauth2/token',
      userinfo: '/oauth2/userInfo',
      jwks: '/.well-known/jwks.json',
      revocation: '/oauth2/revoke',
    },
    ttl: {
      AccessToken: 3600,
      IdToken: 3600,
      AuthorizationCode: 300,
      Interaction: 3600,
      Session: 86_400,
      Grant: 86_400,
      ClientCredentials: 3600,
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, _resource, client) => ({
          scope: client.clientId === LOCAL_MACHINE_CLIENT.id ? MACHINE_SCOPES.join(' ') : USER_SCOPES,
          // Cognito's access tokens carry client_id and no aud; oidc-provider insists on an aud, so it is the
          // client id — the value API Gateway's authorizer is configured to accept either way.
          audience: client.clientId,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 3600,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    async findAccount(_ctx, sub) {
      const persona = personaBySub(sub);
      if (!persona) return undefined;
      return {
        accountId: sub,
        async claims(use) {
          const provider = lastProvider.get(sub);
          return {
            sub,
            ...(use === 'id_token' && { token_use: 'id' }),
            'cognito:groups': groupsOf(persona, provider),
            'cognito:username': usernameOf(persona, provider),
            identities: identitiesClaim(persona, provider),
            email: persona.email,
            email_verified: true,
            name: persona.name,
            ...(persona.phone && { phone_number: persona.phone, phone_number_verified: true }),
          };
        },
      };
    },
    async extraTokenClaims(_ctx, token) {
      const accountId = 'accountId' in token ? token.accountId : undefined;
      const persona = accountId ? personaBySub(accountId) : undefined;
      if (!persona) return { token_use: 'access' };
      return {
        token_use: 'access',
        'cognito:groups': groupsOf(persona, lastProvider.get(persona.sub)),
        username: usernameOf(persona, lastProvider.get(persona.sub)),
        // As the Pre Token Generation trigger adds them on AWS: who this is, for the staff pages and the audit.
        name: persona.name,
        email: persona.email,
        ...(persona.phone && { phone_number: persona.phone }),
      };
    },
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      // Like Cognito's managed login there is no consent screen: the portal's own client gets its scopes.
      const { oidc } = ctx;
      const existing = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(oidc.client?.clientId ?? '');
      if (existing) {
        const grant = await oidc.provider.Grant.find(existing);
        if (grant) return grant;
      }
      if (!oidc.session?.accountId || !oidc.client) return undefined;
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope(USER_SCOPES);
      grant.addResourceScope(RESOURCE, USER_SCOPES);
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => interactionPath(interaction.uid) },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = renderView('en', problemView('Sign-in problem', String(out.error_description ?? out.error)));
    },
  };

  const provider = new Provider(options.issuer, configuration);
  provider.proxy = true;

  /** Ends the interaction signed in as `sub` through `via` (the `identities` claim will name it). */
  async function logIn(req: IncomingMessage, res: ServerResponse, sub: string, via: IdentityProviderChoice) {
    lastProvider.set(sub, via);
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: sub, amr: [via.id] } },
      { mergeWithLastSubmission: false },
    );
  }

  async function interaction(req: IncomingMessage, res: ServerResponse, url: URL) {
    let details: Awaited<ReturnType<typeof provider.interactionDetails>>;
    try {
      details = await provider.interactionDetails(req, res);
    } catch (error) {
      // No interaction cookie, or one for another (or an expired) sign-in: start again from the site.
      if (!(error instanceof errors.SessionNotFound)) throw error;
      send(res, 400, expiredPage(url.searchParams.get('lang') === 'es' ? 'es' : 'en'));
      return;
    }
    const params = details.params as Record<string, string | undefined>;
    const locale: Locale = isLocale(params.lang) ? params.lang : 'en';
    const chosen = url.searchParams.get('idp') ?? params.identity_provider;
    const provider_ = chosen ? providersById.get(chosen) : undefined;

    const retryToken = cookieValue(req, LINK_RETRY_COOKIE);
    const retry = retryToken ? linkRetries.get(retryToken) : undefined;
    if (req.method === 'GET' && retry && retryToken && retry.idp === chosen && retry.expires > Date.now()) {
      linkRetries.delete(retryToken);
      const via = providersById.get(retry.idp);
      res.setHeader('set-cookie', `${LINK_RETRY_COOKIE}=; Path=${mount}; ${EXPIRED_COOKIE}`);
      if (via) return logIn(req, res, retry.sub, via);
    }

    if (req.method === 'POST') {
      const body = new URLSearchParams(await readText(req, INTERACTION_MAX_BODY));
      const persona = personas().find((p) => p.id === body.get('persona'));
      const via = providersById.get(body.get('idp') ?? '');
      if (!persona || !via || persona.audience !== via.audience) {
        send(res, 400, pickPage(locale, details.uid, via, 'Choose one of the people listed.'));
        return;
      }
      const known = linked.get(persona.sub);
      if (known && !known.has(via.id)) {
        known.add(via.id);
        const token = randomBytes(16).toString('base64url');
        linkRetries.set(token, { sub: persona.sub, idp: via.id, expires: Date.now() + 120_000 });
        res.setHeader('set-cookie', `${LINK_RETRY_COOKIE}=${token}; Path=${mount}; HttpOnly; SameSite=Lax`);
        await provider.interactionFinished(
          req,
          res,
          { error: 'invalid_request', error_description: LINKED_ERROR_DESCRIPTION },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      linked.set(persona.sub, (known ?? new Set<string>()).add(via.id));
      return logIn(req, res, persona.sub, via);
    }
    if (chosen && !provider_) {
      // Cognito answers an unknown identity_provider with an error on the redirect URI; here, a clear page.
      send(res, 400, chooserPage(locale, details.uid, `There is no sign-in provider called "${chosen}".`));
      return;
    }
    send(res, 200, provider_ ? pickPage(locale, details.uid, provider_) : chooserPage(locale, details.uid));
  }

  function expiredPage(locale: Locale) {
    return renderView(locale, expiredView(locale));
  }

  function chooserPage(locale: Locale, uid: string, problem?: string) {
    const choices = options.identityProviders.map((p) => ({ provider: p, href: interactionPath(uid, { idp: p.id }) }));
    return renderView(locale, chooserView(locale, choices, problem));
  }

  function pickPage(locale: Locale, uid: string, via: IdentityProviderChoice | undefined, problem?: string) {
    const people = personas().filter((p) => p.audience === via?.audience);
    const view = personaView(locale, {
      via,
      people,
      action: interactionPath(uid),
      otherWays: interactionPath(uid, { idp: '' }),
      ...(problem !== undefined && { problem }),
    });
    return renderView(locale, view);
  }

  async function logout(res: ServerResponse, url: URL) {
    const clientId = url.searchParams.get('client_id');
    const logoutUri = url.searchParams.get('logout_uri') ?? '';
    // Cognito accepts only the sign-out URLs registered on the app client.
    if (clientId !== LOCAL_CLIENT_ID || !logoutUris.includes(logoutUri)) {
      send(res, 400, renderView('en', problemView('Sign-out problem', 'Unknown client_id or logout_uri.')));
      return;
    }
    // Forget the session: the next sign-in starts at the chooser again.
    const expired = `Path=/; ${EXPIRED_COOKIE}`;
    res.writeHead(302, {
      location: logoutUri,
      'set-cookie': ['_session', '_session.sig', '_session.legacy', '_session.legacy.sig'].map((n) => `${n}=; ${expired}`),
    });
    res.end();
  }

  const callback = provider.callback();
  return {
    issuer: options.issuer,
    clientId: LOCAL_CLIENT_ID,
    jwks: { keys: [publicKey] },
    async handle(req, res, url) {
      const path = url.pathname.slice(mount.length) || '/';
      if (path.startsWith('/interaction/')) return interaction(req, res, url);
      if (path === '/logout') return logout(res, url);
      // oidc-provider works out its mount path from originalUrl vs url, as under Express.
      const original = req.url ?? '/';
      Object.assign(req, { originalUrl: original, url: original.slice(mount.length) || '/' });
      await new Promise<void>((resolve) => {
        res.once('finish', resolve);
        res.once('close', resolve);
        callback(req, res);
      });
    },
  };
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function send(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}
