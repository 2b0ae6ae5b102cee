/**
 * The Cognito admin calls account linking needs (domain/account-linking.ts UserDirectory): ListUsers by e-mail
 * and AdminLinkProviderForUser. The user pool comes from each trigger event, never from configuration.
 */
import {
  AdminLinkProviderForUserCommand,
  type AttributeType,
  CognitoIdentityProviderClient,
  ListUsersCommand,
  type ProviderUserIdentifierType,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { type ExistingUser, type FederatedProvider, identitiesOfUser, type UserDirectory } from '#domain/account-linking';

/** Created once per function instance. Cognito waits 5 s for a trigger: keep each call well inside that. */
export function cognitoAdminClient(): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 1000, requestTimeout: 1500 },
  });
}

/**
 * ListUsers' filter syntax is `attribute = "value"`; a `"` or `\` inside the value must be escaped with a
 * backslash, or the address would end the string early and change what is searched for.
 */
export function emailFilter(email: string): string {
  return `email = "${email.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** ListUsers returns at most 60 users a page; an address shared by more than a few users is already anomalous. */
const PAGE_SIZE = 60;
const MAX_PAGES = 3;

function attribute(attributes: AttributeType[] | undefined, name: string): string | undefined {
  return attributes?.find((a) => a.Name === name)?.Value;
}

export function existingUserOf(user: UserType, providers: readonly FederatedProvider[]): ExistingUser | undefined {
  if (!user.Username) return undefined;
  return {
    username: user.Username,
    createdAt: user.UserCreateDate ?? new Date(0),
    email: attribute(user.Attributes, 'email'),
    emailVerified: attribute(user.Attributes, 'email_verified')?.toLowerCase() === 'true',
    enabled: user.Enabled !== false,
    identities: identitiesOfUser(user.Username, attribute(user.Attributes, 'identities'), providers),
  };
}

/**
 * How to name the destination user. Cognito's reference says a federated user is named by its provider and
 * provider user id, a local user by `Cognito` and its username; its guide links into both kinds. The first
 * form is tried, and the second when Cognito does not accept the first (decision 0030).
 */
export function destinationsOf(user: ExistingUser): ProviderUserIdentifierType[] {
  const own = user.identities.find((i) => `${i.providerName}_${i.userId}`.toLowerCase() === user.username.toLowerCase());
  const local: ProviderUserIdentifierType = { ProviderName: 'Cognito', ProviderAttributeValue: user.username };
  return own ? [{ ProviderName: own.providerName, ProviderAttributeValue: own.userId }, local] : [local];
}

const RETRY_WITH_OTHER_FORM = new Set(['InvalidParameterException', 'UserNotFoundException']);

export function cognitoUserDirectory(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  providers: readonly FederatedProvider[],
): UserDirectory {
  return {
    async findUsersByEmail(email) {
      const users: ExistingUser[] = [];
      let token: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const answer = await client.send(
          new ListUsersCommand({ UserPoolId: userPoolId, Filter: emailFilter(email), Limit: PAGE_SIZE, PaginationToken: token }),
        );
        for (const user of answer.Users ?? []) {
          const existing = existingUserOf(user, providers);
          if (existing) users.push(existing);
        }
        token = answer.PaginationToken;
        if (!token) break;
      }
      return users;
    },

    async linkIdentity(user, identity) {
      const source: ProviderUserIdentifierType = {
        ProviderName: identity.providerName,
        // OIDC and social providers are linked by subject; for SAML it is the NameID.
        ProviderAttributeName: 'Cognito_Subject',
        ProviderAttributeValue: identity.providerUserId,
      };
      const [first, ...others] = destinationsOf(user);
      try {
        await client.send(
          new AdminLinkProviderForUserCommand({ UserPoolId: userPoolId, DestinationUser: first, SourceUser: source }),
        );
      } catch (error) {
        const second = others[0];
        if (!second || !RETRY_WITH_OTHER_FORM.has((error as Error).name)) throw error;
        await client.send(
          new AdminLinkProviderForUserCommand({ UserPoolId: userPoolId, DestinationUser: second, SourceUser: source }),
        );
      }
    },
  };
}
