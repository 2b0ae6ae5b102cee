import { SecretValue, Stack } from 'aws-cdk-lib';
import {
  type IUserPoolIdentityProvider,
  LambdaVersion,
  OidcAttributeRequestMethod,
  ProviderAttribute,
  StringAttribute,
  type UserPool,
  UserPoolIdentityProviderGoogle,
  UserPoolIdentityProviderOidc,
  UserPoolIdentityProviderSaml,
  UserPoolIdentityProviderSamlMetadata,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import { ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { AGENCIES_ATTRIBUTE } from '../../functions/domain/token-groups.ts';
import { type AgencyConfig, federatedProviderList } from '../config.ts';
import { LoginGovProxy } from './login-gov-proxy.ts';
import { PortalFunction } from './portal-function.ts';

/**
 * The user pool attribute a staff IdP's agencies claim lands in (`custom:agencies`). Give these to the
 * UserPool's `customAttributes`: Cognito can add custom attributes later but never remove or change them.
 * Mutable, because Cognito rewrites mapped attributes at every federated sign-in (and linking needs it).
 */
export const FEDERATION_CUSTOM_ATTRIBUTES = {
  [AGENCIES_ATTRIBUTE.replace(/^custom:/, '')]: new StringAttribute({ mutable: true, maxLen: 2048 }),
};

/**
 * SAML attributes read from an agency's identity provider (the claim URIs Entra ID / AD FS send by default;
 * Okta and others can send any name, so configure these). The agencies claim is the "role" claim: an app role
 * per agency the person works for, named by agency id (`revenue`) or group (`staff:revenue`).
 */
export const SAML_CLAIMS = {
  email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  name: 'http://schemas.microsoft.com/identity/claims/displayname',
  agencies: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role',
} as const;

/** The Secrets Manager secret names an operator creates before deploying (docs/identity.md). */
export const clientSecretName = (namePrefix: string, provider: 'google' | 'id-me') =>
  `front-door/${namePrefix}/${provider}-client-secret`;

/** Cognito-side actions the PreSignUp trigger needs, on its own pool only. */
export const PRE_SIGN_UP_ACTIONS = ['cognito-idp:ListUsers', 'cognito-idp:AdminLinkProviderForUser'] as const;

export interface FederationProps {
  userPool: UserPool;
  config: AgencyConfig;
  /** Agency ids from the catalog: the `staff:<id>` groups a staff IdP may grant. */
  agencyIds: readonly string[];
  /** Encrypts the functions' logs and environment. */
  operationsKey: IKey;
  /** Encrypts the Login.gov proxy's secrets. */
  secretsKey: IKey;
}

/**
 * Sign-in through other identity providers, each only when agency.config.json enables it: Login.gov (OIDC,
 * through the proxy), ID.me (OIDC), Google, and one SAML provider per agency IdP; and the two triggers that
 * make one person of several identities (PreSignUp, decision 0030) and put groups in tokens (Pre Token
 * Generation v2, decision 0031). Client secrets come from Secrets Manager by reference: the template holds
 * none. Provider names are the ones infra/config.ts identityProviderChoices() gives the site.
 */
export class Federation extends Construct {
  readonly providers: IUserPoolIdentityProvider[] = [];
  readonly loginGovProxy: LoginGovProxy | undefined;
  /** The triggers, when any provider is enabled (without one, every user is an operator's and needs neither). */
  readonly triggers:
    | { preSignUp: PortalFunction; preTokenGeneration: PortalFunction; preSignUpPolicy: ManagedPolicy }
    | undefined;

  constructor(scope: Construct, id: string, props: FederationProps) {
    super(scope, id);
    const { userPool, config } = props;
    const { loginGov, idMe, google, saml } = config.identityProviders;
    const namePrefix = config.agency.shortName.toLowerCase();
    const oidcMapping = { email: ProviderAttribute.other('email'), emailVerified: ProviderAttribute.other('email_verified') };

    if (loginGov) {
      const proxy = new LoginGovProxy(this, 'LoginGovProxy', {
        loginGov,
        operationsKey: props.operationsKey,
        secretsKey: props.secretsKey,
      });
      this.loginGovProxy = proxy;
      this.providers.push(
        new UserPoolIdentityProviderOidc(this, 'LoginGov', {
          userPool,
          name: 'LoginGov',
          clientId: loginGov.clientId,
          // The proxy's shared secret, resolved by CloudFormation at deploy time: a reference in the template.
          clientSecret: proxy.clientSecret.secretValue.unsafeUnwrap(),
          issuerUrl: loginGov.issuer,
          scopes: ['openid', 'email'],
          attributeRequestMethod: OidcAttributeRequestMethod.GET,
          endpoints: proxy.endpoints,
          attributeMapping: oidcMapping,
        }),
      );
    }
    if (idMe) {
      this.providers.push(
        new UserPoolIdentityProviderOidc(this, 'IdMe', {
          userPool,
          name: 'IdMe',
          clientId: idMe.clientId,
          clientSecret: SecretValue.secretsManager(clientSecretName(namePrefix, 'id-me')).unsafeUnwrap(),
          issuerUrl: idMe.issuer,
          // "login" is ID.me's sign-in-only policy (no identity verification); an agency may ask for more.
          scopes: ['openid', 'login'],
          attributeRequestMethod: OidcAttributeRequestMethod.GET,
          attributeMapping: oidcMapping,
        }),
      );
    }
    if (google) {
      this.providers.push(
        new UserPoolIdentityProviderGoogle(this, 'Google', {
          userPool,
          clientId: google.clientId,
          clientSecretValue: SecretValue.secretsManager(clientSecretName(namePrefix, 'google')),
          scopes: ['openid', 'email', 'profile'],
          attributeMapping: {
            email: ProviderAttribute.GOOGLE_EMAIL,
            emailVerified: ProviderAttribute.GOOGLE_EMAIL_VERIFIED,
            fullname: ProviderAttribute.GOOGLE_NAME,
          },
        }),
      );
    }
    for (const agencyIdp of saml) {
      this.providers.push(
        new UserPoolIdentityProviderSaml(this, `Saml-${agencyIdp.name}`, {
          userPool,
          name: agencyIdp.name,
          metadata: UserPoolIdentityProviderSamlMetadata.url(agencyIdp.metadataUrl),
          // No email_verified: a staff directory's address is never used to join accounts (decision 0030).
          attributeMapping: {
            email: ProviderAttribute.other(SAML_CLAIMS.email),
            fullname: ProviderAttribute.other(SAML_CLAIMS.name),
            custom: { [AGENCIES_ATTRIBUTE]: ProviderAttribute.other(SAML_CLAIMS.agencies) },
          },
        }),
      );
    }

    this.triggers = this.providers.length > 0 ? this.addTriggers(props) : undefined;
  }

  private addTriggers(props: FederationProps) {
    const { userPool, config } = props;
    const environment = {
      IDENTITY_PROVIDERS: JSON.stringify(federatedProviderList(config)),
      STAFF_AGENCIES: JSON.stringify(props.agencyIds),
    };
    const preSignUp = new PortalFunction(this, 'PreSignUp', {
      handler: 'pre-sign-up',
      description: 'Cognito PreSignUp: joins a first federated sign-in to the same person (verified e-mail, trusted IdP)',
      operationsKey: props.operationsKey,
      memorySize: 512,
      environment,
    });
    const preTokenGeneration = new PortalFunction(this, 'PreTokenGeneration', {
      handler: 'pre-token-generation',
      description: 'Cognito Pre Token Generation (v2): cognito:groups from how the person signed in',
      operationsKey: props.operationsKey,
      memorySize: 512,
      environment,
    });
    userPool.addTrigger(UserPoolOperation.PRE_SIGN_UP, preSignUp.function);
    userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, preTokenGeneration.function, LambdaVersion.V2_0);

    // The pool names the trigger and the trigger's permissions name the pool: in the role's own policy (which
    // the function waits for) that is a circular dependency. A separate managed policy, attached to the role
    // but not waited for, breaks it; Cognito invokes the trigger only after the stack is deployed anyway.
    const preSignUpPolicy = new ManagedPolicy(this, 'PreSignUpCognitoPolicy', {
      description: `Front Door PreSignUp trigger: find users by e-mail and link identities in ${Stack.of(this).stackName}'s user pool`,
      roles: [preSignUp.role],
      statements: [new PolicyStatement({ actions: [...PRE_SIGN_UP_ACTIONS], resources: [userPool.userPoolArn] })],
    });
    return { preSignUp, preTokenGeneration, preSignUpPolicy };
  }

  /** The Lambda functions this construct made (for the rule-pack acknowledgements). */
  get functions(): PortalFunction[] {
    return [
      ...(this.loginGovProxy ? [this.loginGovProxy.authorizeFunction, this.loginGovProxy.tokenFunction] : []),
      ...(this.triggers ? [this.triggers.preSignUp, this.triggers.preTokenGeneration] : []),
    ];
  }
}
