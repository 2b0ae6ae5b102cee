/**
 * The Cognito triggers and their admin calls with the real AWS SDK, signed and sent over HTTP to a local
 * stand-in for Cognito's JSON protocol: what exactly ListUsers and AdminLinkProviderForUser receive, and what
 * each trigger answers Cognito. No AWS call is made.
 */
import { readFileSync } from 'node:fs';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Context, PreSignUpTriggerEvent, PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cognitoAdminClient, cognitoUserDirectory, emailFilter } from '#adapters/cognito-admin';
import { ACCOUNT_LINKED, type ExistingUser, federatedProviders, SIGN_IN_FAILED } from '#domain/account-linking';
import { lambdaContext } from '#local/api-gateway';
import { type AwsJsonStub, startAwsJsonStub } from '../support/aws-json-stub.ts';

const providers = federatedProviders([
  { id: 'LoginGov', audience: 'citizen' },
  { id: 'IdMe', audience: 'citizen' },
  { id: 'Google', audience: 'citizen' },
  { id: 'ExampleStaff', audience: 'staff', agencies: ['motor-vehicles', 'revenue', 'vital-records'] },
  { id: 'RevenueOkta', audience: 'staff', agencies: ['revenue'] },
]);
const POOL = 'us-east-1_Ex4mple01';
const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../fixtures/events/${name}.json`, import.meta.url), 'utf8')) as T;

/** A federated user as ListUsers returns it. */
function listedUser(username: string, attributes: Record<string, string>, extra: Record<string, unknown> = {}) {
  return {
    Username: username,
    Attributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
    UserCreateDate: 1_767_000_000,
    UserLastModifiedDate: 1_767_000_000,
    Enabled: true,
    UserStatus: 'EXTERNAL_PROVIDER',
    ...extra,
  };
}
const loginGovUser = listedUser('LoginGov_7f3c2a9e-1b4d-4e8f-9a6b-2c5d8e1f0a3b', {
  sub: '14a8e4c8-0001-7000-8000-000000000001',
  email: 'ana.rivera@example.com',
  email_verified: 'true',
  identities: JSON.stringify([
    { userId: '7f3c2a9e-1b4d-4e8f-9a6b-2c5d8e1f0a3b', providerName: 'LoginGov', providerType: 'OIDC', primary: 'true' },
  ]),
});

let cognito: AwsJsonStub;
let client: CognitoIdentityProviderClient;
let preSignUp: (event: PreSignUpTriggerEvent, context: Context) => Promise<PreSignUpTriggerEvent>;
let preTokenGeneration: (event: PreTokenGenerationV2TriggerEvent, context: Context) => Promise<PreTokenGenerationV2TriggerEvent>;
const savedEnv = { ...process.env };

beforeAll(async () => {
  cognito = await startAwsJsonStub();
  Object.assign(process.env, {
    IDENTITY_PROVIDERS: JSON.stringify(providers),
    STAFF_AGENCIES: JSON.stringify(['motor-vehicles', 'revenue', 'vital-records']),
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
  });
  // The client the trigger itself uses (timeouts, retries), pointed at the stand-in by the SDK's endpoint variable.
  client = cognitoAdminClient();
  preSignUp = (await import('../../functions/handlers/pre-sign-up.ts')).handler as unknown as typeof preSignUp;
  preTokenGeneration = (await import('../../functions/handlers/pre-token-generation.ts'))
    .handler as unknown as typeof preTokenGeneration;
});

afterAll(async () => {
  process.env = savedEnv;
  client?.destroy();
  await cognito?.close();
});

beforeEach(() => {
  cognito.calls.length = 0;
  cognito.answer('ListUsers', () => ({ Users: [] }));
  cognito.answer('AdminLinkProviderForUser', () => ({}));
});

describe('looking users up by e-mail', () => {
  it('asks ListUsers for an exact e-mail match, signed like any AWS call', async () => {
    await cognitoUserDirectory(client, POOL, providers).findUsersByEmail('ana.rivera@example.com');
    expect(cognito.calls).toHaveLength(1);
    expect(cognito.calls[0]).toMatchObject({
      operation: 'ListUsers',
      body: { UserPoolId: POOL, Filter: 'email = "ana.rivera@example.com"', Limit: 60 },
      headers: { authorization: expect.stringMatching(/^AWS4-HMAC-SHA256 Credential=\w+\/\d{8}\/us-east-1\/cognito-idp\//) },
    });
  });

  it('escapes quotes and backslashes, so an address cannot change the filter', async () => {
    await cognitoUserDirectory(client, POOL, providers).findUsersByEmail('a"b\\"@example.com');
    expect(cognito.calls[0]?.body.Filter).toBe('email = "a\\"b\\\\\\"@example.com"');
    expect(emailFilter('x" or email ^= "')).toBe('email = "x\\" or email ^= \\""');
  });

  it('follows ListUsers pages, and reads what the rules need from each user', async () => {
    cognito.answer('ListUsers', (body) =>
      body.PaginationToken
        ? { Users: [listedUser('IdMe_abc', { email: 'ana.rivera@example.com', email_verified: 'false' }, { Enabled: false })] }
        : { Users: [loginGovUser], PaginationToken: 'page-2' },
    );
    const users = await cognitoUserDirectory(client, POOL, providers).findUsersByEmail('ana.rivera@example.com');
    expect(cognito.calls.map((c) => c.body.PaginationToken)).toEqual([undefined, 'page-2']);
    expect(users).toEqual<ExistingUser[]>([
      {
        username: loginGovUser.Username,
        createdAt: new Date(1_767_000_000_000),
        email: 'ana.rivera@example.com',
        emailVerified: true,
        enabled: true,
        identities: [{ providerName: 'LoginGov', userId: '7f3c2a9e-1b4d-4e8f-9a6b-2c5d8e1f0a3b' }],
      },
      {
        username: 'IdMe_abc',
        createdAt: new Date(1_767_000_000_000),
        email: 'ana.rivera@example.com',
        emailVerified: false,
        enabled: false,
        identities: [{ providerName: 'IdMe', userId: 'abc' }],
      },
    ]);
  });

  it('stops after 3 pages', async () => {
    cognito.answer('ListUsers', () => ({ Users: [], PaginationToken: 'more' }));
    await cognitoUserDirectory(client, POOL, providers).findUsersByEmail('ana.rivera@example.com');
    expect(cognito.calls).toHaveLength(3);
  });
});

describe('linking an identity', () => {
  const federatedUser: ExistingUser = {
    username: 'LoginGov_7f3c2a9e',
    createdAt: new Date(0),
    emailVerified: true,
    enabled: true,
    identities: [{ providerName: 'LoginGov', userId: '7f3c2a9e' }],
  };
  const google = { providerName: 'Google', providerUserId: '110248495921238986420' };
  const source = {
    ProviderName: 'Google',
    ProviderAttributeName: 'Cognito_Subject',
    ProviderAttributeValue: '110248495921238986420',
  };

  it('names a federated destination by its provider and user id, and the source by Cognito_Subject', async () => {
    await cognitoUserDirectory(client, POOL, providers).linkIdentity(federatedUser, google);
    expect(cognito.calls.map((c) => [c.operation, c.body])).toEqual([
      [
        'AdminLinkProviderForUser',
        {
          UserPoolId: POOL,
          DestinationUser: { ProviderName: 'LoginGov', ProviderAttributeValue: '7f3c2a9e' },
          SourceUser: source,
        },
      ],
    ]);
  });

  it('names it by username when Cognito does not accept the first form', async () => {
    cognito.answer('AdminLinkProviderForUser', (_, call) => (call === 1 ? { error: 'InvalidParameterException' } : {}));
    await cognitoUserDirectory(client, POOL, providers).linkIdentity(federatedUser, google);
    expect(cognito.calls.map((c) => c.body.DestinationUser)).toEqual([
      { ProviderName: 'LoginGov', ProviderAttributeValue: '7f3c2a9e' },
      { ProviderName: 'Cognito', ProviderAttributeValue: 'LoginGov_7f3c2a9e' },
    ]);
  });

  it('names a user made by an operator by its username', async () => {
    await cognitoUserDirectory(client, POOL, providers).linkIdentity(
      { ...federatedUser, username: 'b3c1-local', identities: [] },
      google,
    );
    expect(cognito.calls[0]?.body.DestinationUser).toEqual({ ProviderName: 'Cognito', ProviderAttributeValue: 'b3c1-local' });
  });

  it('does not try the other form when Cognito refuses for another reason (five identities already)', async () => {
    cognito.answer('AdminLinkProviderForUser', () => ({ error: 'LimitExceededException' }));
    await expect(cognitoUserDirectory(client, POOL, providers).linkIdentity(federatedUser, google)).rejects.toMatchObject({
      name: 'LimitExceededException',
    });
    // The SDK itself retries once (maxAttempts 2), with the same destination.
    expect(cognito.calls.map((c) => c.body.DestinationUser)).toEqual([
      { ProviderName: 'LoginGov', ProviderAttributeValue: '7f3c2a9e' },
      { ProviderName: 'LoginGov', ProviderAttributeValue: '7f3c2a9e' },
    ]);
  });
});

describe('the PreSignUp trigger', () => {
  const event = () => fixture<PreSignUpTriggerEvent>('pre-sign-up-external-provider');

  it('links a Google sign-in to the Login.gov user with the same verified e-mail, then stops the sign-in for a retry', async () => {
    cognito.answer('ListUsers', () => ({ Users: [loginGovUser] }));
    await expect(preSignUp(event(), lambdaContext('pre-sign-up'))).rejects.toThrow(ACCOUNT_LINKED);
    expect(cognito.calls.map((c) => c.operation)).toEqual(['ListUsers', 'AdminLinkProviderForUser']);
    expect(cognito.calls[1]?.body).toEqual({
      UserPoolId: POOL,
      DestinationUser: { ProviderName: 'LoginGov', ProviderAttributeValue: '7f3c2a9e-1b4d-4e8f-9a6b-2c5d8e1f0a3b' },
      SourceUser: {
        ProviderName: 'Google',
        ProviderAttributeName: 'Cognito_Subject',
        ProviderAttributeValue: '110248495921238986420',
      },
    });
  });

  it('lets Cognito create the user as usual when nobody has the e-mail', async () => {
    const answer = await preSignUp(event(), lambdaContext('pre-sign-up'));
    expect(answer).toEqual(event());
    expect(cognito.calls.map((c) => c.operation)).toEqual(['ListUsers']);
  });

  it('does not look anyone up for an e-mail the provider did not verify', async () => {
    const unverified = event();
    unverified.request.userAttributes.email_verified = 'false';
    cognito.answer('ListUsers', () => ({ Users: [loginGovUser] }));
    expect(await preSignUp(unverified, lambdaContext('pre-sign-up'))).toEqual(unverified);
    expect(cognito.calls).toEqual([]);
  });

  it('refuses, with a marker the site understands, when the user has five identities already', async () => {
    const five = JSON.stringify(
      ['LoginGov', 'IdMe', 'Google', 'Google', 'Google'].map((providerName, i) => ({ providerName, userId: `u${i}` })),
    );
    cognito.answer('ListUsers', () => ({
      Users: [
        {
          ...loginGovUser,
          Attributes: [...loginGovUser.Attributes.filter((a) => a.Name !== 'identities'), { Name: 'identities', Value: five }],
        },
      ],
    }));
    await expect(preSignUp(event(), lambdaContext('pre-sign-up'))).rejects.toThrow('FRONT_DOOR:refused:link-limit');
    expect(cognito.calls.map((c) => c.operation)).toEqual(['ListUsers']);
  });

  it('fails without telling the person why when Cognito does not answer', async () => {
    cognito.answer('ListUsers', () => ({ error: 'InternalErrorException', message: 'internal detail', status: 500 }));
    const failure = await preSignUp(event(), lambdaContext('pre-sign-up')).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe(SIGN_IN_FAILED);
  });

  it('leaves other sign-ups (an operator creating a user) alone', async () => {
    const adminCreate = {
      ...event(),
      triggerSource: 'PreSignUp_AdminCreateUser',
      userName: 'b3c1-local',
    } as PreSignUpTriggerEvent;
    expect(await preSignUp(adminCreate, lambdaContext('pre-sign-up'))).toEqual(adminCreate);
    expect(cognito.calls).toEqual([]);
  });
});

describe('the Pre Token Generation trigger', () => {
  it("puts the staff member's agencies and admin in both tokens' groups, and their name in the access token", async () => {
    const answer = await preTokenGeneration(fixture('pre-token-generation'), lambdaContext('pre-token-generation'));
    expect(answer.response.claimsAndScopeOverrideDetails).toEqual({
      groupOverrideDetails: {
        groupsToOverride: ['staff:motor-vehicles', 'staff:revenue', 'admin'],
        iamRolesToOverride: [],
        preferredRole: null,
      },
      accessTokenGeneration: { claimsToAddOrOverride: { name: 'Jo Smith', email: 'jo.smith@example.gov' } },
    });
  });

  it('adds a verified phone number to the access token (prefill), and never an unverified one', async () => {
    const withPhone = (verified: string) => {
      const event = fixture<PreTokenGenerationV2TriggerEvent>('pre-token-generation');
      event.request.userAttributes = {
        ...event.request.userAttributes,
        phone_number: '+15555550142',
        phone_number_verified: verified,
      };
      return preTokenGeneration(event, lambdaContext('pre-token-generation'));
    };
    expect((await withPhone('true')).response.claimsAndScopeOverrideDetails.accessTokenGeneration).toEqual({
      claimsToAddOrOverride: { name: 'Jo Smith', email: 'jo.smith@example.gov', phone_number: '+15555550142' },
    });
    expect((await withPhone('false')).response.claimsAndScopeOverrideDetails.accessTokenGeneration).toEqual({
      claimsToAddOrOverride: { name: 'Jo Smith', email: 'jo.smith@example.gov' },
    });
  });

  it('drops what a staff IdP asserts for agencies it may not grant', async () => {
    const event = fixture<PreTokenGenerationV2TriggerEvent>('pre-token-generation');
    event.userName = 'RevenueOkta_jo.smith';
    event.request.userAttributes = {
      sub: 'x',
      identities: JSON.stringify([{ providerName: 'RevenueOkta', userId: 'jo.smith' }]),
      'custom:agencies': '[revenue, motor-vehicles, vital-records]',
    };
    event.request.groupConfiguration.groupsToOverride = [];
    const answer = await preTokenGeneration(event, lambdaContext('pre-token-generation'));
    expect(answer.response.claimsAndScopeOverrideDetails.groupOverrideDetails?.groupsToOverride).toEqual(['staff:revenue']);
  });

  it('gives a citizen only the citizen group', async () => {
    const event = fixture<PreTokenGenerationV2TriggerEvent>('pre-token-generation');
    event.userName = 'Google_110248495921238986420';
    event.request.userAttributes = {
      sub: 'x',
      identities: JSON.stringify([{ providerName: 'Google', userId: '110248495921238986420' }]),
    };
    const answer = await preTokenGeneration(event, lambdaContext('pre-token-generation'));
    expect(answer.response.claimsAndScopeOverrideDetails.groupOverrideDetails?.groupsToOverride).toEqual(['citizen']);
  });
});
