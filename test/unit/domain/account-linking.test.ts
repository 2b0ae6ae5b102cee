import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_LINKED,
  AccountLinkedError,
  audienceOfUser,
  decideLink,
  type ExistingUser,
  federatedProviders,
  handleFirstSignIn,
  type IncomingIdentity,
  isLinkableEmail,
  type LinkDecision,
  parseFederatedUsername,
  parseIdentities,
  SignInRefusedError,
  sameEmail,
  signInCallbackOutcome,
  type UserDirectory,
} from '#domain/account-linking';

const providers = federatedProviders([
  { id: 'LoginGov', audience: 'citizen' },
  { id: 'IdMe', audience: 'citizen' },
  { id: 'Google', audience: 'citizen' },
  { id: 'ExampleStaff', audience: 'staff' },
]);
const provider = (name: string) => providers.find((p) => p.name === name)!;
/** A citizen provider an operator chose not to trust for e-mail (the rule must hold for any such provider). */
const untrustedCitizen = { name: 'Untrusted', audience: 'citizen' as const, trustedForEmail: false, agencies: [] };

const EMAIL = 'ana.rivera@example.com';

function identity(overrides: Partial<IncomingIdentity> = {}): IncomingIdentity {
  return {
    provider: provider('Google'),
    providerUserId: '110248495921238986420',
    email: EMAIL,
    emailVerified: true,
    ...overrides,
  };
}

function user(overrides: Partial<ExistingUser> & { username?: string } = {}): ExistingUser {
  return {
    username: 'LoginGov_7f3c2a9e-1b4d-4e8f-9a6b-2c5d8e1f0a3b',
    createdAt: new Date('2026-01-10T10:00:00Z'),
    email: EMAIL,
    emailVerified: true,
    enabled: true,
    identities: [{ providerName: 'LoginGov', userId: '7f3c2a9e-1b4d-4e8f-9a6b-2c5d8e1f0a3b' }],
    ...overrides,
  };
}

const citizen = user();
const staffUser = user({
  username: 'ExampleStaff_ana.rivera@example.com',
  identities: [{ providerName: 'ExampleStaff', userId: 'ana.rivera@example.com' }],
});
const localUser = user({ username: '5b8a2f0e-admin', identities: [] });
const identityList = (n: number) => Array.from({ length: n }, (_, i) => ({ providerName: 'Google', userId: `g${i}` }));

const summary = (d: LinkDecision) => (d.action === 'link' ? `link ${d.user.username}` : `${d.action} ${d.reason}`);

describe('deciding whether a first sign-in joins an existing user', () => {
  // One row per situation: the identity signing in, the users found by its e-mail, and the only right answer.
  const matrix: [string, IncomingIdentity, ExistingUser[], string][] = [
    ['a verified e-mail from a trusted provider, one verified citizen user', identity(), [citizen], `link ${citizen.username}`],
    [
      'the same through Login.gov into a Google user',
      identity({ provider: provider('LoginGov') }),
      [user({ username: 'Google_1', identities: [{ providerName: 'Google', userId: '1' }] })],
      'link Google_1',
    ],
    ['nobody has that e-mail', identity(), [], 'create no-matching-user'],
    ['the provider did not verify the e-mail', identity({ emailVerified: false }), [citizen], 'create email-not-verified'],
    ['the provider sent no e-mail', identity({ email: undefined }), [citizen], 'create email-not-verified'],
    [
      'a provider not trusted for e-mail, even with email_verified',
      identity({ provider: untrustedCitizen }),
      [citizen],
      'create untrusted-provider',
    ],
    [
      'a staff (SAML) identity with the e-mail of a citizen',
      identity({ provider: provider('ExampleStaff') }),
      [citizen],
      'create staff-identity',
    ],
    [
      'a staff identity with the e-mail of another staff user',
      identity({ provider: provider('ExampleStaff') }),
      [staffUser],
      'create staff-identity',
    ],
    ['a citizen identity with the e-mail of a staff user', identity(), [staffUser], 'create no-matching-user'],
    ['the existing user never verified its e-mail', identity(), [user({ emailVerified: false })], 'create no-matching-user'],
    ['the existing user was made by an operator (no identity)', identity(), [localUser], 'create no-matching-user'],
    [
      'the existing user mixes citizen and staff identities',
      identity(),
      [user({ identities: [...citizen.identities, ...staffUser.identities] })],
      'create no-matching-user',
    ],
    [
      'the existing user came from a provider no longer configured',
      identity(),
      [user({ identities: [{ providerName: 'Facebook', userId: '9' }] })],
      'create no-matching-user',
    ],
    [
      'ListUsers returned a user with another address',
      identity(),
      [user({ email: 'someone.else@example.com' })],
      'create no-matching-user',
    ],
    ['the addresses differ only in case', identity({ email: 'Ana.Rivera@Example.COM' }), [citizen], `link ${citizen.username}`],
    [
      'an address that would need quoting',
      identity({ email: '"ana rivera"@example.com' }),
      [user({ email: '"ana rivera"@example.com' })],
      'create email-not-linkable',
    ],
    ['the existing user is disabled', identity(), [user({ enabled: false })], 'refuse account-disabled'],
    ['the existing user already has 5 identities', identity(), [user({ identities: identityList(5) })], 'refuse link-limit'],
    ['the existing user has 4 identities', identity(), [user({ identities: identityList(4) })], `link ${citizen.username}`],
  ];

  it.each(matrix)('%s', (_, incoming, candidates, expected) => {
    expect(summary(decideLink(incoming, candidates, providers))).toBe(expected);
  });

  describe('when several users share the address', () => {
    const oldest = user({
      username: 'IdMe_b',
      createdAt: new Date('2025-03-01T00:00:00Z'),
      identities: [{ providerName: 'IdMe', userId: 'b' }],
    });
    const sameAgeLater = user({
      username: 'IdMe_c',
      createdAt: new Date('2025-03-01T00:00:00Z'),
      identities: [{ providerName: 'IdMe', userId: 'c' }],
    });
    const newer = user({
      username: 'LoginGov_a',
      createdAt: new Date('2026-05-01T00:00:00Z'),
      identities: [{ providerName: 'LoginGov', userId: 'a' }],
    });
    const unverifiedOlder = user({
      username: 'Google_0',
      createdAt: new Date('2024-01-01T00:00:00Z'),
      emailVerified: false,
      identities: [{ providerName: 'Google', userId: '0' }],
    });

    function permutations<T>(items: T[]): T[][] {
      if (items.length <= 1) return [items];
      return items.flatMap((item, i) =>
        permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
      );
    }

    it('joins the oldest eligible user, whatever order ListUsers returns them in', () => {
      for (const order of permutations([newer, sameAgeLater, oldest, unverifiedOlder])) {
        expect(summary(decideLink(identity(), order, providers))).toBe('link IdMe_b');
      }
    });

    it('refuses rather than skipping to a newer user when the oldest is disabled', () => {
      const disabledOldest = { ...oldest, enabled: false };
      expect(summary(decideLink(identity(), [newer, disabledOldest], providers))).toBe('refuse account-disabled');
    });
  });
});

describe('plain addresses', () => {
  it.each([
    ['ana@example.com', true],
    ["o'brien+forms@mail.example.gov", true],
    ['ana@localhost', false],
    ['"ana"@example.com', false],
    ['ana\\@example.com', false],
    ['ana rivera@example.com', false],
    ['.ana@example.com', false],
    ['ana..rivera@example.com', false],
    ['ana@exa_mple.com', false],
    [`${'a'.repeat(65)}@example.com`, false],
  ])('%s is linkable: %s', (email, expected) => {
    expect(isLinkableEmail(email)).toBe(expected);
  });
});

describe('reading a federated username', () => {
  const withUnderscores = federatedProviders([
    { id: 'Agency', audience: 'staff' },
    { id: 'Agency_Staff', audience: 'staff' },
    { id: 'Google', audience: 'citizen' },
  ]);

  it('splits the provider from the provider user id, keeping the id as it is', () => {
    expect(parseFederatedUsername('LoginGov_7F3C-ab', providers)).toMatchObject({
      provider: { name: 'LoginGov' },
      providerUserId: '7F3C-ab',
    });
  });

  it('recognises a provider name Cognito lower-cased', () => {
    expect(parseFederatedUsername('google_1102484', providers)).toMatchObject({
      provider: { name: 'Google' },
      providerUserId: '1102484',
    });
  });

  it('matches the longest configured name when names contain "_"', () => {
    expect(parseFederatedUsername('Agency_Staff_jo@example.gov', withUnderscores)).toMatchObject({
      provider: { name: 'Agency_Staff' },
      providerUserId: 'jo@example.gov',
    });
    expect(parseFederatedUsername('Agency_jo_smith', withUnderscores)).toMatchObject({
      provider: { name: 'Agency' },
      providerUserId: 'jo_smith',
    });
  });

  it('knows nothing of providers that are not configured, or of an empty id', () => {
    expect(parseFederatedUsername('Facebook_123', providers)).toBeUndefined();
    expect(parseFederatedUsername('Google_', providers)).toBeUndefined();
    expect(parseFederatedUsername('b3c1-uuid-of-a-local-user', providers)).toBeUndefined();
  });
});

describe("reading a user's identities attribute", () => {
  it('keeps the provider and user id of each entry', () => {
    const value = JSON.stringify([
      { userId: '1', providerName: 'Google', providerType: 'Google', issuer: null, primary: true, dateCreated: 1 },
      { userId: 'x', providerName: 'IdMe', providerType: 'OIDC' },
    ]);
    expect(parseIdentities(value)).toEqual([
      { providerName: 'Google', userId: '1' },
      { providerName: 'IdMe', userId: 'x' },
    ]);
  });

  it.each([undefined, '', 'not json', '{"a":1}', '[{"providerName":1}]', 'null'])('reads %j as no identities', (value) => {
    expect(parseIdentities(value)).toEqual([]);
  });
});

describe('the first sign-in, with the directory', () => {
  function fakeDirectory(users: ExistingUser[]) {
    const lookups: string[] = [];
    const links: { user: string; providerName: string; providerUserId: string }[] = [];
    const directory: UserDirectory = {
      async findUsersByEmail(email) {
        lookups.push(email);
        return users;
      },
      async linkIdentity(u, id) {
        links.push({ user: u.username, ...id });
      },
    };
    return { directory, lookups, links };
  }

  it('links the identity by its provider name and user id', async () => {
    const fake = fakeDirectory([citizen]);
    const decision = await handleFirstSignIn(identity(), { directory: fake.directory, providers });
    expect(decision.action).toBe('link');
    expect(fake.links).toEqual([{ user: citizen.username, providerName: 'Google', providerUserId: '110248495921238986420' }]);
  });

  it('does not even look up the address when the identity could never be linked', async () => {
    const fake = fakeDirectory([citizen]);
    for (const incoming of [
      identity({ emailVerified: false }),
      identity({ provider: provider('ExampleStaff') }),
      identity({ email: '"x"@example.com' }),
    ]) {
      await handleFirstSignIn(incoming, { directory: fake.directory, providers });
    }
    expect(fake.lookups).toEqual([]);
    expect(fake.links).toEqual([]);
  });

  it('links nothing when it refuses or creates', async () => {
    const fake = fakeDirectory([user({ enabled: false }), user({ username: 'Google_2', emailVerified: false })]);
    expect((await handleFirstSignIn(identity(), { directory: fake.directory, providers })).action).toBe('refuse');
    expect(fake.links).toEqual([]);
  });

  it('looks up the address without surrounding spaces', async () => {
    const fake = fakeDirectory([]);
    await handleFirstSignIn(identity({ email: ` ${EMAIL} ` }), { directory: fake.directory, providers });
    expect(fake.lookups).toEqual([EMAIL]);
  });
});

describe('what the site makes of the sign-in callback', () => {
  it.each([
    [`PreSignUp failed with error ${ACCOUNT_LINKED}. `, 'retry'],
    [new AccountLinkedError().message, 'retry'],
    ['Already found an entry for username Google_110248495921238986420 ', 'retry'],
    ['already found an entry for username google_1', 'retry'],
    [`PreSignUp failed with error ${new SignInRefusedError('link-limit').message}. `, 'refused link-limit'],
    ['PreSignUp failed with error FRONT_DOOR:refused:account-disabled.', 'refused account-disabled'],
    ['PreSignUp failed with error FRONT_DOOR:refused:something-new.', 'refused unknown'],
    ['PreTokenGeneration failed with error FRONT_DOOR:failed.', 'failed'],
    ['LoginGov Error - 400 invalid_request', 'other'],
    [null, 'other'],
  ])('%j means %s', (description, expected) => {
    const outcome = signInCallbackOutcome(description);
    expect(outcome.kind === 'refused' ? `refused ${outcome.reason}` : outcome.kind).toBe(expected);
  });
});

describe('the pieces of linking, the details', () => {
  it('trusts only citizen providers for e-mail', () => {
    expect(providers.map((p) => [p.name, p.trustedForEmail])).toEqual([
      ['LoginGov', true],
      ['IdMe', true],
      ['Google', true],
      ['ExampleStaff', false],
    ]);
  });

  it('joins addresses of at most 254 characters', () => {
    const address = (tld: string) => `${'a'.repeat(64)}@${'b'.repeat(61)}.${'c'.repeat(61)}.${'d'.repeat(61)}.${tld}`;
    expect(address('com')).toHaveLength(254);
    expect(isLinkableEmail(address('com'))).toBe(true);
    expect(isLinkableEmail(address('comm'))).toBe(false);
  });

  it('reads only well-formed identities from the attribute', () => {
    expect(
      parseIdentities(
        JSON.stringify([{ providerName: 'Google', userId: 'g1' }, { providerName: 'Google' }, { userId: 'x' }, null]),
      ),
    ).toEqual([{ providerName: 'Google', userId: 'g1' }]);
    expect(parseIdentities(JSON.stringify({ providerName: 'Google', userId: 'g1' }))).toEqual([]);
    expect(parseIdentities(JSON.stringify([{ providerName: 7, userId: 'g1' }]))).toEqual([]);
  });

  it('reads the outcome of a refused sign-in, and nothing else, as refused', () => {
    expect(signInCallbackOutcome('PreSignUp failed with error FRONT_DOOR:refused:link-limit.')).toEqual({
      kind: 'refused',
      reason: 'link-limit',
    });
    expect(signInCallbackOutcome('FRONT_DOOR:refused:something-else')).toEqual({ kind: 'refused', reason: 'unknown' });
    expect(signInCallbackOutcome(undefined)).toEqual({ kind: 'other' });
  });

  it('names its errors for the logs', () => {
    expect(new AccountLinkedError()).toMatchObject({ name: 'AccountLinkedError', message: ACCOUNT_LINKED });
    expect(new SignInRefusedError('link-limit')).toMatchObject({ name: 'SignInRefusedError', reason: 'link-limit' });
  });
});

describe('comparing and classifying, the details', () => {
  it('compares addresses without case or surrounding spaces, and never matches a missing one', () => {
    expect(sameEmail(' Ana.Rivera@Example.com ', 'ana.rivera@example.com')).toBe(true);
    expect(sameEmail('ana.rivera@example.com', ' ANA.RIVERA@EXAMPLE.COM')).toBe(true);
    expect(sameEmail('ana@example.com', 'ben@example.com')).toBe(false);
    expect(sameEmail(undefined, EMAIL)).toBe(false);
    expect(sameEmail(EMAIL, undefined)).toBe(false);
    expect(sameEmail(undefined, undefined)).toBe(false);
  });

  it('knows no audience for a user linked only to a provider it does not know', () => {
    expect(audienceOfUser(user({ identities: [{ providerName: 'Retired', userId: 'r1' }] }), providers)).toBeUndefined();
    expect(audienceOfUser(citizen, providers)).toBe('citizen');
    expect(audienceOfUser(staffUser, providers)).toBe('staff');
  });

  it('says why it creates a new user when the identity could never be linked', async () => {
    const directory: UserDirectory = {
      findUsersByEmail: async () => [citizen],
      linkIdentity: async () => undefined,
    };
    expect(await handleFirstSignIn(identity({ emailVerified: false }), { directory, providers })).toEqual({
      action: 'create',
      reason: 'email-not-verified',
    });
  });
});

describe('plain addresses, the edges', () => {
  it('allows one-letter labels in the domain', () => {
    expect(isLinkableEmail('ana@x.example.com')).toBe(true);
    expect(isLinkableEmail('ana@example.x')).toBe(true);
  });

  it('allows nothing after the domain', () => {
    for (const email of ['ana@example.com x', 'ana@example.com"', 'ana@example.com/evil', 'ana@example.com\n'])
      expect(isLinkableEmail(email), JSON.stringify(email)).toBe(false);
  });
});
