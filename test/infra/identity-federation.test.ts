/**
 * Sign-in through other identity providers, as synthesised: each provider exactly when agency.config.json
 * enables it, the Login.gov proxy, the two Cognito triggers and their permissions, and no secret in the
 * template. Two synths (every provider; none), the rule packs on: both must pass them.
 */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCIES_ATTRIBUTE } from '#domain/token-groups';
import { clientSecretName, PRE_SIGN_UP_ACTIONS, SAML_CLAIMS } from '../../infra/constructs/federation.ts';
import { stackLimitProblems } from '../support/stack-limits.ts';
import { describeViolations, type SynthesisedPortal, synthPortal } from '../support/synth-portal.ts';

const LOGIN_GOV = {
  issuer: 'https://idp.int.identitysandbox.gov/',
  clientId: 'urn:gov:gsa:openidconnect.profiles:sp:sso:example:front-door',
  acrValues: 'urn:acr.login.gov:auth-only',
};
const ALL = {
  loginGov: LOGIN_GOV,
  idMe: { issuer: 'https://api.idmelabs.com/oidc', clientId: 'front-door-example' },
  google: { clientId: '000000000000-example.apps.googleusercontent.com' },
  saml: [
    {
      name: 'ExampleStaff',
      label: 'State staff',
      metadataUrl: 'https://login.example.gov/metadata.xml',
      agencies: ['motor-vehicles', 'revenue'],
    },
    {
      name: 'RevenueOkta',
      label: 'Revenue staff',
      metadataUrl: 'https://revenue.okta.example.gov/app/metadata',
      agencies: ['revenue'],
    },
  ],
};

let all: SynthesisedPortal;
let none: SynthesisedPortal;
let app: Template;
let bare: Template;

beforeAll(() => {
  all = synthPortal({ config: { identityProviders: ALL } });
  none = synthPortal({ config: { identityProviders: { saml: [] } } });
  app = all.templates?.app;
  bare = none.templates?.app;
});

afterAll(() => {
  all?.cleanup();
  none?.cleanup();
});

type Resource = { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] };
const resources = (template: Template, type: string) => template.findResources(type) as Record<string, Resource>;
const logicalId = (template: Template, type: string, props: Record<string, unknown>) => {
  const found = Object.keys(template.findResources(type, { Properties: props }));
  expect(found).toHaveLength(1);
  return found[0]!;
};
const providersOf = (template: Template) =>
  Object.values(resources(template, 'AWS::Cognito::UserPoolIdentityProvider')).map((r) => r.Properties);
const provider = (name: string) => providersOf(app).find((p) => p.ProviderName === name)!;
const functionId = (template: Template, handler: string) =>
  logicalId(template, 'AWS::Lambda::Function', { Description: Match.stringLikeRegexp(handlerDescriptions[handler]!) });
const handlerDescriptions: Record<string, string> = {
  'pre-sign-up': '^Cognito PreSignUp',
  'pre-token-generation': '^Cognito Pre Token Generation',
  'login-gov-authorize': 'GET /authorize',
  'login-gov-token': 'POST /token',
};

describe('rule packs', () => {
  it('pass with every provider enabled, and with none', () => {
    for (const synth of [all, none]) {
      const errors = synth.violations.filter((v) => v.severity === 'error');
      expect(describeViolations(errors)).toBe('');
      expect(synth.error).toBeUndefined();
    }
  });
});

describe('stack limits', () => {
  it('are kept with every provider on (the proxy adds an API and functions): every stack, nested ones too, under 400 resources', () => {
    expect(stackLimitProblems(all.stacks)).toEqual([]);
  });
});

describe('identity providers', () => {
  it('are exactly the ones agency.config.json enables', () => {
    expect(providersOf(app).map((p) => [p.ProviderName, p.ProviderType])).toEqual([
      ['LoginGov', 'OIDC'],
      ['IdMe', 'OIDC'],
      ['Google', 'Google'],
      ['ExampleStaff', 'SAML'],
      ['RevenueOkta', 'SAML'],
    ]);
    expect(providersOf(bare)).toEqual([]);
  });

  it('are all offered by the site’s client, which waits for them', () => {
    const client = Object.values(resources(app, 'AWS::Cognito::UserPoolClient')).find(
      (c) => c.Properties.GenerateSecret === false,
    )!;
    const ids = Object.keys(resources(app, 'AWS::Cognito::UserPoolIdentityProvider'));
    expect(client.Properties.SupportedIdentityProviders).toEqual(['COGNITO', ...ids.map((id) => ({ Ref: id }))]);
    expect(client.DependsOn).toEqual(expect.arrayContaining(ids));
    bare.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      SupportedIdentityProviders: ['COGNITO'],
    });
  });

  it('send Login.gov through the proxy for authorize and token, and straight to Login.gov for the rest', () => {
    const proxyApi = logicalId(app, 'AWS::ApiGatewayV2::Api', { Description: Match.stringLikeRegexp('Login.gov proxy') });
    const secret = logicalId(app, 'AWS::SecretsManager::Secret', {
      Description: Match.stringLikeRegexp('authenticates to the proxy'),
    });
    expect(provider('LoginGov')).toEqual({
      ProviderName: 'LoginGov',
      ProviderType: 'OIDC',
      UserPoolId: expect.anything(),
      ProviderDetails: {
        client_id: LOGIN_GOV.clientId,
        client_secret: { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secret }, ':SecretString:::}}']] },
        authorize_scopes: 'openid email',
        attributes_request_method: 'GET',
        oidc_issuer: LOGIN_GOV.issuer,
        authorize_url: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [proxyApi, 'ApiEndpoint'] }, '/authorize']] },
        token_url: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [proxyApi, 'ApiEndpoint'] }, '/token']] },
        attributes_url: 'https://idp.int.identitysandbox.gov/api/openid_connect/userinfo',
        jwks_uri: 'https://idp.int.identitysandbox.gov/api/openid_connect/certs',
      },
      AttributeMapping: { email: 'email', email_verified: 'email_verified' },
    });
  });

  it('take ID.me’s and Google’s client secrets from Secrets Manager by name', () => {
    expect(provider('IdMe').ProviderDetails).toMatchObject({
      client_id: ALL.idMe.clientId,
      oidc_issuer: ALL.idMe.issuer,
      client_secret: `{{resolve:secretsmanager:${clientSecretName('example', 'id-me')}:SecretString:::}}`,
    });
    expect(provider('Google').ProviderDetails).toMatchObject({
      client_id: ALL.google.clientId,
      client_secret: `{{resolve:secretsmanager:${clientSecretName('example', 'google')}:SecretString:::}}`,
    });
  });

  it('map e-mail and email_verified from citizen providers', () => {
    for (const name of ['LoginGov', 'IdMe', 'Google'])
      expect(provider(name).AttributeMapping).toMatchObject({ email: 'email', email_verified: 'email_verified' });
  });

  it('read each agency SAML IdP’s metadata and map its agencies claim, never email_verified', () => {
    for (const saml of ALL.saml) {
      expect(provider(saml.name)).toMatchObject({
        ProviderDetails: { MetadataURL: saml.metadataUrl },
        AttributeMapping: { email: SAML_CLAIMS.email, name: SAML_CLAIMS.name, [AGENCIES_ATTRIBUTE]: SAML_CLAIMS.agencies },
      });
      expect(provider(saml.name).AttributeMapping).not.toHaveProperty('email_verified');
    }
  });

  it('have the agencies attribute in the pool, mutable', () => {
    app.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        { Name: 'agencies', AttributeDataType: 'String', Mutable: true, StringAttributeConstraints: { MaxLength: '2048' } },
      ]),
    });
  });
});

describe('the Login.gov proxy', () => {
  it('is a small API of its own: GET /authorize and POST /token, throttled and logged', () => {
    const api = logicalId(app, 'AWS::ApiGatewayV2::Api', { Description: Match.stringLikeRegexp('Login.gov proxy') });
    const routes = Object.values(resources(app, 'AWS::ApiGatewayV2::Route'))
      .filter((r) => JSON.stringify(r.Properties.ApiId) === JSON.stringify({ Ref: api }))
      .map((r) => r.Properties.RouteKey);
    expect(routes.sort()).toEqual(['GET /authorize', 'POST /token']);
    app.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      ApiId: { Ref: api },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('routeKey') },
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100, DetailedMetricsEnabled: true },
      RouteSettings: {
        // CloudFormation's own spelling: a lower-case key here would be ignored.
        'GET /authorize': { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100, DetailedMetricsEnabled: true },
        'POST /token': { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100, DetailedMetricsEnabled: true },
      },
    });
  });

  it('gives each function only what it needs: the token function the two secrets, the authorize function none', () => {
    const key = logicalId(app, 'AWS::SecretsManager::Secret', { Description: Match.stringLikeRegexp('PEM private key') });
    const shared = logicalId(app, 'AWS::SecretsManager::Secret', {
      Description: Match.stringLikeRegexp('authenticates to the proxy'),
    });
    const token = resources(app, 'AWS::Lambda::Function')[functionId(app, 'login-gov-token')]!;
    expect(token.Properties.Environment).toMatchObject({
      Variables: {
        LOGIN_GOV_CLIENT_ID: LOGIN_GOV.clientId,
        LOGIN_GOV_TOKEN_ENDPOINT: 'https://idp.int.identitysandbox.gov/api/openid_connect/token',
        LOGIN_GOV_PRIVATE_KEY_SECRET: { Ref: key },
        LOGIN_GOV_PROXY_SECRET: { Ref: shared },
      },
    });
    const authorize = resources(app, 'AWS::Lambda::Function')[functionId(app, 'login-gov-authorize')]!;
    expect(authorize.Properties.Environment).toMatchObject({
      Variables: {
        LOGIN_GOV_ACR_VALUES: LOGIN_GOV.acrValues,
        LOGIN_GOV_AUTHORIZE_ENDPOINT: 'https://idp.int.identitysandbox.gov/openid_connect/authorize',
      },
    });
    expect(statementsOf(app, 'login-gov-token').filter((s) => s.Action === 'secretsmanager:GetSecretValue')).toEqual([
      { Action: 'secretsmanager:GetSecretValue', Effect: 'Allow', Resource: [{ Ref: shared }, { Ref: key }] },
    ]);
    expect(statementsOf(app, 'login-gov-authorize').flatMap((s) => [s.Action].flat())).not.toContain(
      'secretsmanager:GetSecretValue',
    );
  });

  it('exists only when Login.gov is enabled', () => {
    expect(
      Object.keys(
        bare.findResources('AWS::ApiGatewayV2::Api', { Properties: { Description: Match.stringLikeRegexp('Login.gov') } }),
      ),
    ).toEqual([]);
    expect(
      Object.keys(
        bare.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('Login.gov') } }),
      ),
    ).toEqual([]);
  });
});

describe('the triggers', () => {
  it('are attached to the pool: PreSignUp, and Pre Token Generation as version 2 (groups in the access token)', () => {
    app.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: {
        PreSignUp: { 'Fn::GetAtt': [functionId(app, 'pre-sign-up'), 'Arn'] },
        PreTokenGenerationConfig: {
          LambdaArn: { 'Fn::GetAtt': [functionId(app, 'pre-token-generation'), 'Arn'] },
          LambdaVersion: 'V2_0',
        },
      },
    });
    // Version 2 needs the Essentials or Plus feature plan.
    app.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolTier: Match.stringLikeRegexp('^(ESSENTIALS|PLUS)$') });
  });

  it('may be invoked by this user pool only', () => {
    const pool = logicalId(app, 'AWS::Cognito::UserPool', {});
    for (const handler of ['pre-sign-up', 'pre-token-generation'])
      app.hasResourceProperties('AWS::Lambda::Permission', {
        FunctionName: { 'Fn::GetAtt': [functionId(app, handler), 'Arn'] },
        Principal: 'cognito-idp.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': [pool, 'Arn'] },
      });
  });

  it('know the providers, the agencies each staff IdP may grant, and the agencies', () => {
    const variables = (
      resources(app, 'AWS::Lambda::Function')[functionId(app, 'pre-token-generation')]!.Properties.Environment as {
        Variables: Record<string, string>;
      }
    ).Variables;
    expect(JSON.parse(variables.IDENTITY_PROVIDERS!)).toEqual([
      { name: 'LoginGov', audience: 'citizen', trustedForEmail: true, agencies: [] },
      { name: 'IdMe', audience: 'citizen', trustedForEmail: true, agencies: [] },
      { name: 'Google', audience: 'citizen', trustedForEmail: true, agencies: [] },
      { name: 'ExampleStaff', audience: 'staff', trustedForEmail: false, agencies: ['motor-vehicles', 'revenue'] },
      { name: 'RevenueOkta', audience: 'staff', trustedForEmail: false, agencies: ['revenue'] },
    ]);
    expect(JSON.parse(variables.STAFF_AGENCIES!)).toEqual(expect.arrayContaining(['revenue', 'motor-vehicles']));
  });

  it('give PreSignUp exactly ListUsers and AdminLinkProviderForUser on this pool, in a policy the function does not wait for', () => {
    const pool = logicalId(app, 'AWS::Cognito::UserPool', {});
    const role = (
      resources(app, 'AWS::Lambda::Function')[functionId(app, 'pre-sign-up')]!.Properties.Role as { 'Fn::GetAtt': string[] }
    )['Fn::GetAtt'][0];
    const cognitoPolicies = Object.entries(resources(app, 'AWS::IAM::ManagedPolicy')).filter(([, p]) =>
      JSON.stringify(p.Properties.PolicyDocument).includes('cognito-idp:'),
    );
    expect(
      cognitoPolicies.map(([, p]) => [p.Properties.Roles, (p.Properties.PolicyDocument as { Statement: unknown[] }).Statement]),
    ).toEqual([
      [
        [{ Ref: role }],
        [{ Action: [...PRE_SIGN_UP_ACTIONS].sort(), Effect: 'Allow', Resource: { 'Fn::GetAtt': [pool, 'Arn'] } }],
      ],
    ]);
    expect(resources(app, 'AWS::Lambda::Function')[functionId(app, 'pre-sign-up')]!.DependsOn ?? []).not.toContain(
      cognitoPolicies[0]![0],
    );
  });

  it('exist only when some identity provider is enabled', () => {
    expect(
      Object.keys(
        bare.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('^Cognito') } }),
      ),
    ).toEqual([]);
    bare.hasResourceProperties('AWS::Cognito::UserPool', { LambdaConfig: Match.absent() });
  });
});

type Statement = { Action: string | string[]; Effect: string; Resource: unknown };
function statementsOf(template: Template, handler: string): Statement[] {
  const role = (
    resources(template, 'AWS::Lambda::Function')[functionId(template, handler)]!.Properties.Role as { 'Fn::GetAtt': string[] }
  )['Fn::GetAtt'][0];
  return Object.values(resources(template, 'AWS::IAM::ManagedPolicy'))
    .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: role }]))
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

describe('least privilege and secrets', () => {
  it('grants the federation functions no wildcard action, and a wildcard resource only where X-Ray needs it', () => {
    for (const handler of Object.keys(handlerDescriptions))
      for (const statement of statementsOf(app, handler)) {
        for (const action of [statement.Action].flat()) expect(action).not.toContain('*');
        if (statement.Resource === '*') expect([statement.Action].flat().every((a) => a.startsWith('xray:'))).toBe(true);
      }
  });

  it('puts no secret value in the template', () => {
    const text = JSON.stringify(app.toJSON());
    expect(text.match(/PRIVATE KEY|"SecretString"\s*:|"client_secret"\s*:\s*"(?!\{\{resolve:secretsmanager:)/g)).toBeNull();
    for (const p of providersOf(app)) {
      const secret = (p.ProviderDetails as Record<string, unknown>).client_secret;
      if (secret !== undefined) expect(JSON.stringify(secret)).toContain('{{resolve:secretsmanager:');
    }
    for (const secret of Object.values(resources(app, 'AWS::SecretsManager::Secret')))
      expect(secret.Properties).not.toHaveProperty('SecretString');
  });
});
