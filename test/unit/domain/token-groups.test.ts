import { describe, expect, it } from 'vitest';
import { federatedProviders } from '#domain/account-linking';
import { AGENCIES_ATTRIBUTE, agenciesFromAttribute, type TokenGroupsInput, tokenGroups } from '#domain/token-groups';

// ExampleStaff is the state's shared staff directory; RevenueEntra belongs to the Department of Revenue alone.
const providers = federatedProviders([
  { id: 'LoginGov', audience: 'citizen' },
  { id: 'Google', audience: 'citizen' },
  { id: 'ExampleStaff', audience: 'staff', agencies: ['motor-vehicles', 'revenue', 'vital-records'] },
  { id: 'RevenueEntra', audience: 'staff', agencies: ['revenue'] },
]);
const agencies = ['motor-vehicles', 'revenue', 'vital-records'];

const identities = (...names: string[]) =>
  JSON.stringify(names.map((providerName, i) => ({ providerName, userId: `id-${i}`, providerType: 'OIDC', primary: i === 0 })));

function groups(input: Partial<TokenGroupsInput>) {
  return tokenGroups({ username: 'x', userAttributes: {}, memberOf: [], ...input }, { providers, agencies });
}

describe('the groups a token carries', () => {
  // Who signed in, what their IdP asserted, what an operator set in Cognito → the groups in the token.
  const matrix: [string, Partial<TokenGroupsInput>, string[]][] = [
    [
      'a citizen through Login.gov',
      { username: 'LoginGov_1', userAttributes: { identities: identities('LoginGov') } },
      ['citizen'],
    ],
    [
      'a citizen whose Google identity was linked to Login.gov',
      { userAttributes: { identities: identities('LoginGov', 'Google') } },
      ['citizen'],
    ],
    ['a citizen, from the username when identities is missing', { username: 'google_1102', userAttributes: {} }, ['citizen']],
    [
      'a citizen an operator put in admin and staff groups',
      { userAttributes: { identities: identities('Google') }, memberOf: ['admin', 'staff:revenue'] },
      ['citizen'],
    ],
    [
      'a citizen whose attributes claim agencies',
      { userAttributes: { identities: identities('Google'), [AGENCIES_ATTRIBUTE]: 'revenue' } },
      ['citizen'],
    ],
    [
      'staff whose IdP names one agency',
      { userAttributes: { identities: identities('ExampleStaff'), [AGENCIES_ATTRIBUTE]: 'revenue' } },
      ['staff:revenue'],
    ],
    [
      'staff whose IdP names several, as a SAML multi-value',
      { userAttributes: { identities: identities('ExampleStaff'), [AGENCIES_ATTRIBUTE]: '[vital-records, staff:Revenue]' } },
      ['staff:revenue', 'staff:vital-records'],
    ],
    [
      'staff whose IdP names unknown groups only',
      { userAttributes: { identities: identities('ExampleStaff'), [AGENCIES_ATTRIBUTE]: 'Domain Users, finance' } },
      [],
    ],
    ['staff with no agencies attribute', { username: 'ExampleStaff_jo@example.gov', userAttributes: {} }, []],
    [
      'staff an operator added to an agency group',
      { userAttributes: { identities: identities('RevenueEntra') }, memberOf: ['staff:motor-vehicles'] },
      ['staff:motor-vehicles'],
    ],
    [
      'staff with both, without duplicates',
      {
        userAttributes: { identities: identities('ExampleStaff'), [AGENCIES_ATTRIBUTE]: 'revenue' },
        memberOf: ['staff:revenue', 'staff:gone-agency'],
      },
      ['staff:revenue'],
    ],
    [
      'staff an operator made admin',
      { userAttributes: { identities: identities('ExampleStaff') }, memberOf: ['admin', 'citizen'] },
      ['admin'],
    ],
    [
      'an administrator account an operator made (no identity)',
      {
        username: '5b8a2f0e',
        userAttributes: { [AGENCIES_ATTRIBUTE]: 'vital-records' },
        memberOf: ['admin', 'staff:revenue', 'citizen'],
      },
      ['staff:revenue', 'admin'],
    ],
    [
      'a user linked across audiences (never made by us)',
      {
        userAttributes: { identities: identities('Google', 'ExampleStaff'), [AGENCIES_ATTRIBUTE]: 'revenue' },
        memberOf: ['admin'],
      },
      [],
    ],
    ['a user from a provider no longer configured', { userAttributes: { identities: identities('Facebook') } }, []],
  ];

  it.each(matrix)('%s', (_, input, expected) => {
    expect(groups(input)).toEqual(expected);
  });
});

describe('what a staff IdP may grant', () => {
  // Which IdP signed the person in × which agencies it asserted → the staff groups in the token. An IdP grants
  // only the agencies agency.config.json lets it; whatever else it asserts grants nothing.
  const matrix: [idp: string, asserted: string, groups: string[]][] = [
    ['RevenueEntra', 'revenue', ['staff:revenue']],
    ['RevenueEntra', 'motor-vehicles', []],
    ['RevenueEntra', 'vital-records', []],
    ['RevenueEntra', 'staff:vital-records', []],
    ['RevenueEntra', '[revenue, motor-vehicles, vital-records]', ['staff:revenue']],
    ['ExampleStaff', 'revenue', ['staff:revenue']],
    ['ExampleStaff', 'motor-vehicles', ['staff:motor-vehicles']],
    ['ExampleStaff', '[revenue, vital-records]', ['staff:revenue', 'staff:vital-records']],
    ['ExampleStaff', 'labor', []],
    ['LoginGov', 'revenue', ['citizen']],
  ];
  it.each(matrix)('%s asserting %s → %j', (idp, asserted, expected) => {
    expect(groups({ userAttributes: { identities: identities(idp), [AGENCIES_ATTRIBUTE]: asserted } })).toEqual(expected);
  });

  it('a staff IdP configured for no agency grants no staff group', () => {
    const none = federatedProviders([{ id: 'NewIdp', audience: 'staff', agencies: [] }]);
    const input = {
      username: 'x',
      userAttributes: { identities: identities('NewIdp'), [AGENCIES_ATTRIBUTE]: 'revenue' },
      memberOf: [],
    };
    expect(tokenGroups(input, { providers: none, agencies })).toEqual([]);
  });

  it('an operator’s group in Cognito is granted whichever IdP the person signs in through', () => {
    expect(groups({ userAttributes: { identities: identities('RevenueEntra') }, memberOf: ['staff:vital-records'] })).toEqual([
      'staff:vital-records',
    ]);
  });

  it('a citizen provider can grant no agency, whatever it is given', () => {
    expect(federatedProviders([{ id: 'Google', audience: 'citizen', agencies: ['revenue'] }])[0]?.agencies).toEqual([]);
  });
});

describe('reading the agencies attribute', () => {
  it.each([
    ['revenue', ['revenue']],
    ['revenue,motor-vehicles', ['motor-vehicles', 'revenue']],
    ['revenue; motor-vehicles revenue', ['motor-vehicles', 'revenue']],
    ['["revenue", "staff:vital-records"]', ['revenue', 'vital-records']],
    ['REVENUE', ['revenue']],
    ['revenue-admins', []],
    ['', []],
  ])('%j names %j', (value, expected) => {
    expect(agenciesFromAttribute(value, agencies)).toEqual(expected);
  });
});

describe('reading the agencies a SAML IdP asserted, the details', () => {
  it('is the attribute infra maps the SAML claim to', () => {
    expect(AGENCIES_ATTRIBUTE).toBe('custom:agencies');
  });

  it('reads a list with spaces around it', () => {
    expect(agenciesFromAttribute('  [revenue motor-vehicles]  ', agencies)).toEqual(['motor-vehicles', 'revenue']);
  });

  it('takes quotes off the ends of a value only, so a quote inside never makes a known agency', () => {
    expect(agenciesFromAttribute('"revenue", \'vital-records\'', agencies)).toEqual(['revenue', 'vital-records']);
    expect(agenciesFromAttribute('rev"enue', agencies)).toEqual([]);
    expect(agenciesFromAttribute("rev'enue", agencies)).toEqual([]);
  });

  it('lists each staff group once when the IdP asserts what Cognito also grants', () => {
    expect(
      groups({
        userAttributes: { identities: identities('ExampleStaff'), [AGENCIES_ATTRIBUTE]: 'revenue' },
        memberOf: ['staff:revenue'],
      }),
    ).toEqual(['staff:revenue']);
  });
});

describe('the order of staff groups', () => {
  it('is alphabetical, whether the IdP asserted them or Cognito granted them', () => {
    expect(
      groups({
        userAttributes: { identities: identities('ExampleStaff'), [AGENCIES_ATTRIBUTE]: 'vital-records' },
        memberOf: ['staff:motor-vehicles'],
      }),
    ).toEqual(['staff:motor-vehicles', 'staff:vital-records']);
  });
});
