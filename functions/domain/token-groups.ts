/**
 * The groups a person's tokens carry (`cognito:groups`), decided each time Cognito issues tokens — sign-in and
 * every refresh — by the Pre Token Generation trigger (decision 0031). Privileges come only through an
 * agency's staff identity provider:
 * - a person who signs in through a citizen provider (Login.gov, ID.me, Google) is `citizen`, and nothing else,
 *   whatever groups an operator may have put them in;
 * - a person who signs in through an agency's SAML IdP gets `staff:<agency>` for each agency their IdP names in
 *   the agencies attribute (`custom:agencies`) AND is configured to grant (agency.config.json: one agency's
 *   directory cannot make anyone staff of another), plus any `staff:<agency>` or `admin` group an operator added
 *   them to in Cognito. Leaving the IdP (or its group) ends it at the next sign-in or refresh;
 * - a Cognito account an operator created (no federated identity: administrators, with password and MFA) gets
 *   exactly the `staff:<agency>` and `admin` groups the operator put it in.
 */

import { type Audience, type FederatedProvider, findProvider, identitiesOfUser } from './account-linking.ts';
import { ADMIN_GROUP, CITIZEN_GROUP, STAFF_GROUP_PREFIX } from './authorization.ts';

/** The user attribute the SAML agencies claim is mapped to (infra/constructs/federation.ts). */
export const AGENCIES_ATTRIBUTE = 'custom:agencies';

/**
 * The agencies a SAML IdP asserted. A multi-valued SAML attribute reaches Cognito as `[a, b]`; a single value
 * may list several, separated by commas, semicolons or spaces. Each value may be an agency id (`revenue`) or a
 * group name (`staff:revenue`); anything that is not a known agency id is ignored.
 */
export function agenciesFromAttribute(value: string | undefined, knownAgencies: readonly string[]): string[] {
  if (!value) return [];
  const text = value.trim().replace(/^\[/, '').replace(/\]$/, '');
  const known = new Set(knownAgencies);
  const found = text
    .split(/[\s,;]+/)
    .map((v) => v.replace(/^["']|["']$/g, '').toLowerCase())
    .map((v) => (v.startsWith(STAFF_GROUP_PREFIX) ? v.slice(STAFF_GROUP_PREFIX.length) : v))
    .filter((v) => known.has(v));
  return [...new Set(found)].sort();
}

/** Whom a user signs in as, from its linked identities' providers (all of one audience, decision 0030). */
function audienceOf(linked: readonly (FederatedProvider | undefined)[]): Audience | undefined {
  const audiences = new Set(linked.map((p) => p?.audience));
  // Never linked across audiences; if a user somehow were, treating it as staff could grant staff groups to
  // a citizen login, so a mix gets no groups at all.
  if (audiences.size !== 1) return undefined;
  const [only] = audiences;
  return only;
}

export interface TokenGroupsInput {
  username: string;
  userAttributes: Readonly<Record<string, string | undefined>>;
  /** The groups the user is a member of in Cognito (`request.groupConfiguration.groupsToOverride`). */
  memberOf: readonly string[];
}

export function tokenGroups(
  input: TokenGroupsInput,
  deps: { providers: readonly FederatedProvider[]; agencies: readonly string[] },
): string[] {
  const identities = identitiesOfUser(input.username, input.userAttributes.identities, deps.providers);
  const linked = identities.map((i) => findProvider(i.providerName, deps.providers));
  const audience = identities.length === 0 ? 'operator-created' : audienceOf(linked);
  if (audience === 'citizen') return [CITIZEN_GROUP];
  if (audience !== 'staff' && audience !== 'operator-created') return [];
  const known = new Set(deps.agencies);
  // Staff identities are never linked, so there is one IdP; were there more, each would have to allow the agency.
  const grantable = (agency: string) => linked.every((p) => p?.agencies.includes(agency));
  const asserted =
    audience === 'staff' ? agenciesFromAttribute(input.userAttributes[AGENCIES_ATTRIBUTE], deps.agencies).filter(grantable) : [];
  const granted = input.memberOf
    .filter((g) => g.startsWith(STAFF_GROUP_PREFIX) && known.has(g.slice(STAFF_GROUP_PREFIX.length)))
    .map((g) => g.slice(STAFF_GROUP_PREFIX.length));
  const staff = [...new Set([...asserted, ...granted])].sort().map((a) => `${STAFF_GROUP_PREFIX}${a}`);
  return input.memberOf.includes(ADMIN_GROUP) ? [...staff, ADMIN_GROUP] : staff;
}
