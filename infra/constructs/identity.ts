import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  type IUserPoolIdentityProvider,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { LOCALES } from '../../catalog/src/locales.ts';
import { ADMIN_GROUP, CITIZEN_GROUP, SCOPE_PREFIX, STAFF_GROUP_PREFIX } from '../../functions/domain/authorization.ts';
import { apiPath, pageHref, pages } from '../../ui/paths.ts';
import type { RuntimeConfig } from '../../web/runtime-config.ts';
import { type AgencyConfig, identityProviderChoices } from '../config.ts';
import { FEDERATION_CUSTOM_ATTRIBUTES, Federation, type FederationProps } from './federation.ts';

/** The OAuth resource server machine scopes live under: a route `machine:x` needs the scope `frontdoor/x`. */
export const RESOURCE_SERVER_ID = SCOPE_PREFIX.replace(/\/$/, '');

/** What a person's sign-in asks for; the site puts these in its authorize request. */
const SIGN_IN_SCOPES = [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE];

export interface IdentityProps {
  config: AgencyConfig;
  /** Agency ids from the catalog: one `staff:<id>` group each. */
  agencyIds: readonly string[];
  /** The machine scopes the route table asks for (`machine:x` → "x"). */
  machineScopes: readonly string[];
  /** The site's origin(s), e.g. https://portal.example.gov: sign-in returns there. */
  siteOrigins: readonly string[];
  /** Cognito prefix domain: <prefix>.auth.<region>.amazoncognito.com. */
  domainPrefix: string;
  /** Keys for the federation's functions, logs and secrets (infra/constructs/federation.ts). */
  keys: Pick<FederationProps, 'operationsKey' | 'secretsKey'>;
}

/**
 * Who people are: the Cognito user pool, its sign-in domain, the groups the API's authorization rules read
 * (`citizen`, `staff:<agency>`, `admin`), the site's public PKCE client, the resource server and client for
 * machine callers (other channels), and the HTTP API's JWT authorizer.
 *
 * Federated identity providers (Login.gov, ID.me, Google, agency SAML) are added in ONE place:
 * `federatedProviders()`. Every provider it returns is offered by the site's client and created before it.
 */
export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly domain: UserPoolDomain;
  readonly webClient: UserPoolClient;
  /** Present when the route table has machine routes. */
  readonly machineClient: UserPoolClient | undefined;
  readonly providers: IUserPoolIdentityProvider[];
  readonly federation: Federation;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `${props.config.agency.shortName}-front-door`,
      // People arrive through identity providers; administrators are invited by an operator.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Plus tier: threat protection (compromised credentials, adaptive authentication) blocks, not just logs.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      customAttributes: FEDERATION_CUSTOM_ATTRIBUTES,
    });

    for (const group of [CITIZEN_GROUP, ADMIN_GROUP, ...props.agencyIds.map((agency) => `${STAFF_GROUP_PREFIX}${agency}`)]) {
      new CfnUserPoolGroup(this, `Group-${group}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: group,
        description: groupDescription(group),
      });
    }

    this.domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } });
    this.federation = this.federatedProviders(props);
    this.providers = this.federation.providers;

    const resourceServer =
      props.machineScopes.length > 0
        ? this.userPool.addResourceServer('ResourceServer', {
            identifier: RESOURCE_SERVER_ID,
            scopes: props.machineScopes.map((scopeName) => ({ scopeName, scopeDescription: `Machine route scope ${scopeName}` })),
          })
        : undefined;

    this.webClient = this.userPool.addClient('WebClient', {
      // A public client: the browser holds no secret, so the code flow with PKCE is the only way in.
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: SIGN_IN_SCOPES,
        // The site's own callback (sign-in in the browser) and the workspace's, where the API sets the staff cookie.
        callbackUrls: props.siteOrigins.flatMap((origin) => [
          `${origin}${pages.signInCallback()}`,
          `${origin}${apiPath('staffSignInCallback')}`,
        ]),
        // Signing out lands on the home page in the language the person was using.
        logoutUrls: props.siteOrigins.flatMap((origin) => LOCALES.map((locale) => `${origin}${pageHref(locale, pages.home())}`)),
      },
      supportedIdentityProviders: [
        UserPoolClientIdentityProvider.COGNITO,
        ...this.providers.map((provider) => UserPoolClientIdentityProvider.custom(provider.providerName)),
      ],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
    for (const provider of this.providers) this.webClient.node.addDependency(provider);

    this.machineClient = resourceServer
      ? this.userPool.addClient('MachineClient', {
          // Other channels (contact centre, e-mail, SMS) call the API with client credentials.
          generateSecret: true,
          oAuth: {
            flows: { clientCredentials: true },
            scopes: props.machineScopes.map((scopeName) =>
              OAuthScope.resourceServer(resourceServer, { scopeName, scopeDescription: scopeName }),
            ),
          },
          supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
          accessTokenValidity: Duration.hours(1),
        })
      : undefined;
  }

  /**
   * The federated identity providers the agency config enables (config.identityProviders), each a
   * UserPoolIdentityProvider* construct. The site's client offers exactly these (plus Cognito's own
   * accounts, for administrators).
   */
  private federatedProviders(props: IdentityProps): Federation {
    return new Federation(this, 'Federation', {
      userPool: this.userPool,
      config: props.config,
      agencyIds: props.agencyIds,
      ...props.keys,
    });
  }

  /** The token issuer API Gateway checks (`iss`). */
  get issuerUrl(): string {
    return this.userPool.userPoolProviderUrl;
  }

  /**
   * The HTTP API's JWT authorizer. API Gateway checks `aud` (ID tokens) or `client_id` (Cognito access
   * tokens) against these clients: the site's and the machine client's.
   */
  jwtAuthorizer(): HttpJwtAuthorizer {
    return new HttpJwtAuthorizer('CognitoAuthorizer', this.issuerUrl, {
      authorizerName: 'cognito',
      jwtAudience: [this.webClient.userPoolClientId, ...(this.machineClient ? [this.machineClient.userPoolClientId] : [])],
    });
  }

  /** The `auth` part of /config.json. */
  runtimeConfig(config: AgencyConfig): NonNullable<RuntimeConfig['auth']> {
    const base = this.domain.baseUrl();
    return {
      issuer: this.issuerUrl,
      clientId: this.webClient.userPoolClientId,
      authorizeEndpoint: `${base}/oauth2/authorize`,
      tokenEndpoint: `${base}/oauth2/token`,
      logoutEndpoint: `${base}/logout`,
      scopes: SIGN_IN_SCOPES.map((scope) => scope.scopeName),
      identityProviders: identityProviderChoices(config),
    };
  }
}

function groupDescription(group: string): string {
  if (group === CITIZEN_GROUP) return 'People using the portal for themselves';
  if (group === ADMIN_GROUP) return 'Portal administrators (do not read answers)';
  return `Staff of ${group.slice(STAFF_GROUP_PREFIX.length)}: that agency's work queue`;
}
