/**
 * One person, however they sign in: when someone signs in through a federated identity provider for the first
 * time, Cognito's PreSignUp trigger asks whether that identity belongs to a user who already exists. These are
 * the rules (decision 0030); the trigger (handlers/pre-sign-up.ts) only fetches and links.
 *
 * Linking hands the new identity everything the existing user owns, so it is only done when the e-mail
 * address proves it is the same person: the identity provider asserted `email_verified`, it is an identity
 * provider we trust to have checked the address, the existing user's own address was verified the same way,
 * and both sides are the same kind of account (a citizen identity never joins a staff account, nor the
 * reverse). In every other case Cognito creates a separate user as usual, which can never leak anything.
 */

/** Who signs in through a provider: the public, or an agency's staff (through the agency's SAML IdP). */
export type Audience = 'citizen' | 'staff';

/** A configured identity provider, by its Cognito provider name (infra/config.ts identityProviderChoices). */
export interface FederatedProvider {
  name: string;
  audience: Audience;
  /** Whether its `email_verified` is trusted enough to join an identity to an existing user. */
  trustedForEmail: boolean;
  /**
   * The agency ids whose staff groups it may grant (agency.config.json `identityProviders.saml[].agencies`):
   * what it asserts for any other agency grants nothing. Always empty for a citizen provider.
   */
  agencies: readonly string[];
}

/**
 * Citizen identity providers (Login.gov, ID.me, Google) verify the address themselves before asserting
 * `email_verified`. An agency SAML IdP asserts whatever its directory holds, for any address (including a
 * citizen's personal one), so it is never trusted to join accounts: staff identities are never linked.
 */
export function federatedProviders(
  choices: readonly { id: string; audience: Audience; agencies?: readonly string[] }[],
): FederatedProvider[] {
  return choices.map((c) => ({
    name: c.id,
    audience: c.audience,
    trustedForEmail: c.audience === 'citizen',
    agencies: c.audience === 'staff' ? [...(c.agencies ?? [])] : [],
  }));
}

/** Cognito links at most this many identities to one user. */
export const MAX_LINKED_IDENTITIES = 5;

/** An identity as Cognito records it in a user's `identities` attribute. */
export interface LinkedIdentity {
  providerName: string;
  userId: string;
}

/** The identity signing in for the first time, as the PreSignUp trigger sees it. */
export interface IncomingIdentity {
  provider: FederatedProvider;
  /** The provider's id for the person (`sub` for OIDC, NameID for SAML): Cognito's `Cognito_Subject`. */
  providerUserId: string;
  email?: string | undefined;
  /** `email_verified` exactly as the identity provider asserted it (mapped attribute), not as we would like it. */
  emailVerified: boolean;
}

/** A user already in the pool whose e-mail matched. */
export interface ExistingUser {
  username: string;
  createdAt: Date;
  email?: string | undefined;
  emailVerified: boolean;
  enabled: boolean;
  /** Every identity linked to this user (for a federated user, including the one it was created from). */
  identities: readonly LinkedIdentity[];
}

export type CreateReason =
  | 'staff-identity'
  | 'untrusted-provider'
  | 'email-not-verified'
  | 'email-not-linkable'
  | 'no-matching-user';

export type RefuseReason = 'account-disabled' | 'link-limit';

export type LinkDecision =
  /** Let Cognito create a separate user, as it would without the trigger. */
  | { action: 'create'; reason: CreateReason }
  /** Join the identity to this user; the person signs in again and lands in it. */
  | { action: 'link'; user: ExistingUser }
  /** Stop this sign-in with a message: joining is right but impossible, and a separate user would be wrong. */
  | { action: 'refuse'; reason: RefuseReason };

/**
 * A plain address (dot-atom local part, no quotes, backslashes, spaces or control characters). Anything
 * fancier is legal but never joined: it would have to be quoted inside Cognito's ListUsers filter, and the
 * rarer the syntax, the likelier two systems disagree on what address it is.
 */
const PLAIN_EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isLinkableEmail(email: string): boolean {
  return email.length <= 254 && PLAIN_EMAIL.test(email) && !email.startsWith('.') && !email.includes('..');
}

/** Addresses compare without regard to case: every mailbox provider in practice treats them so. */
export function sameEmail(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The audience of an existing user, from its linked identities; undefined when unknown or mixed. */
export function audienceOfUser(user: ExistingUser, providers: readonly FederatedProvider[]): Audience | undefined {
  const audiences = new Set(user.identities.map((i) => findProvider(i.providerName, providers)?.audience ?? 'unknown'));
  if (audiences.size !== 1) return undefined; // no identity (a user made by an operator), or a mix
  const [only] = audiences;
  return only === 'unknown' ? undefined : only;
}

/** Whether this identity may be joined to anyone at all; undefined when it may (the e-mail lookup is worth doing). */
export function whyNotLinkable(identity: IncomingIdentity): CreateReason | undefined {
  if (identity.provider.audience === 'staff') return 'staff-identity';
  if (!identity.provider.trustedForEmail) return 'untrusted-provider';
  if (!identity.email || !identity.emailVerified) return 'email-not-verified';
  if (!isLinkableEmail(identity.email.trim())) return 'email-not-linkable';
  return undefined;
}

/**
 * The rule itself. `candidates` are the users ListUsers found for the identity's e-mail (in any order);
 * the result does not depend on their order.
 */
export function decideLink(
  identity: IncomingIdentity,
  candidates: readonly ExistingUser[],
  providers: readonly FederatedProvider[],
): LinkDecision {
  const notLinkable = whyNotLinkable(identity);
  if (notLinkable) return { action: 'create', reason: notLinkable };

  const matches = candidates
    .filter(
      (user) =>
        sameEmail(user.email, identity.email) &&
        // Never join into a user whose own address nobody checked: whoever created it need not own the mailbox.
        user.emailVerified &&
        audienceOfUser(user, providers) === identity.provider.audience,
    )
    // Several users may share an address (made before a rule changed, or by an operator): the oldest holds
    // the person's history, and ties are broken by username so the choice never depends on ListUsers' order.
    .sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.username < b.username ? -1 : a.username > b.username ? 1 : 0),
    );

  const chosen = matches[0];
  if (!chosen) return { action: 'create', reason: 'no-matching-user' };
  // A disabled user stays disabled: a fresh account beside it would walk around whatever disabled it.
  if (!chosen.enabled) return { action: 'refuse', reason: 'account-disabled' };
  if (chosen.identities.length >= MAX_LINKED_IDENTITIES) return { action: 'refuse', reason: 'link-limit' };
  return { action: 'link', user: chosen };
}

export function findProvider(name: string, providers: readonly FederatedProvider[]): FederatedProvider | undefined {
  const lower = name.toLowerCase();
  return providers.find((p) => p.name.toLowerCase() === lower);
}

/**
 * A federated user's username is `<provider name>_<provider user id>`. Cognito sometimes lower-cases the
 * provider part (`google_123…`), and provider names may themselves contain `_`, so the configured names are
 * matched (longest first, ignoring case) rather than splitting at the first `_`. The user id keeps its case.
 */
export function parseFederatedUsername(
  username: string,
  providers: readonly FederatedProvider[],
): { provider: FederatedProvider; providerUserId: string } | undefined {
  const lower = username.toLowerCase();
  const provider = [...providers]
    .sort((a, b) => b.name.length - a.name.length)
    .find((p) => lower.startsWith(`${p.name.toLowerCase()}_`));
  if (!provider) return undefined;
  const providerUserId = username.slice(provider.name.length + 1);
  return providerUserId ? { provider, providerUserId } : undefined;
}

/** The `identities` attribute (a JSON array Cognito maintains); anything unreadable counts as none. */
export function parseIdentities(value: string | undefined): LinkedIdentity[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((entry) => {
      const { providerName, userId } = (entry ?? {}) as Record<string, unknown>;
      return typeof providerName === 'string' && typeof userId === 'string' ? [{ providerName, userId }] : [];
    });
  } catch {
    return [];
  }
}

/** The identities of an existing user: its attribute, or else what its username says (a federated user). */
export function identitiesOfUser(
  username: string,
  identitiesAttribute: string | undefined,
  providers: readonly FederatedProvider[],
): LinkedIdentity[] {
  const listed = parseIdentities(identitiesAttribute);
  if (listed.length > 0) return listed;
  const parsed = parseFederatedUsername(username, providers);
  return parsed ? [{ providerName: parsed.provider.name, userId: parsed.providerUserId }] : [];
}

/** What the PreSignUp trigger needs from Cognito (adapters/cognito-admin.ts). */
export interface UserDirectory {
  /** Every user whose `email` attribute equals this address. */
  findUsersByEmail(email: string): Promise<ExistingUser[]>;
  /** Join the identity to the user (AdminLinkProviderForUser with Cognito_Subject). */
  linkIdentity(user: ExistingUser, identity: { providerName: string; providerUserId: string }): Promise<void>;
}

/**
 * The whole first sign-in: look up users by e-mail only when the identity could be joined at all, decide,
 * and link when the rule says so. Returns the decision so the trigger can answer Cognito.
 */
export async function handleFirstSignIn(
  identity: IncomingIdentity,
  deps: { directory: UserDirectory; providers: readonly FederatedProvider[] },
): Promise<LinkDecision> {
  const notLinkable = whyNotLinkable(identity);
  if (notLinkable) return { action: 'create', reason: notLinkable };
  const candidates = await deps.directory.findUsersByEmail(identity.email!.trim());
  const decision = decideLink(identity, candidates, deps.providers);
  if (decision.action === 'link') {
    await deps.directory.linkIdentity(decision.user, {
      providerName: identity.provider.name,
      providerUserId: identity.providerUserId,
    });
  }
  return decision;
}

/**
 * After a link, Cognito cannot finish that same sign-in (it would fail with "Already found an entry for
 * username …"), so the trigger stops it with this marker and the site starts the sign-in once more; the
 * second attempt lands in the linked user. The marker reaches the site inside the callback's
 * `error_description` (Cognito wraps it: "PreSignUp failed with error FRONT_DOOR:account-linked.").
 */
export const SIGN_IN_MARKER_PREFIX = 'FRONT_DOOR:';
export const ACCOUNT_LINKED = `${SIGN_IN_MARKER_PREFIX}account-linked`;
/** A refused sign-in: `FRONT_DOOR:refused:<reason>`. */
export const SIGN_IN_REFUSED = `${SIGN_IN_MARKER_PREFIX}refused`;
/** Anything else that went wrong in a trigger (details are only in the logs). */
export const SIGN_IN_FAILED = `${SIGN_IN_MARKER_PREFIX}failed`;

export type SignInOutcome =
  | { kind: 'retry' }
  | { kind: 'refused'; reason: RefuseReason | 'unknown' }
  | { kind: 'failed' }
  | { kind: 'other' };

/**
 * What a sign-in callback with `error`/`error_description` means, for the site: `retry` means start the same
 * sign-in again once. Cognito's own wording for a link made without the marker is matched as well, since its
 * error descriptions are not a fixed format.
 */
export function signInCallbackOutcome(errorDescription: string | null | undefined): SignInOutcome {
  const text = errorDescription ?? '';
  if (text.includes(ACCOUNT_LINKED) || /already found an entry for username/i.test(text)) return { kind: 'retry' };
  const refused = text.match(/FRONT_DOOR:refused:([a-z-]+)/);
  if (refused) {
    const reason = refused[1] as RefuseReason;
    return { kind: 'refused', reason: reason === 'account-disabled' || reason === 'link-limit' ? reason : 'unknown' };
  }
  if (text.includes(SIGN_IN_FAILED)) return { kind: 'failed' };
  return { kind: 'other' };
}

/** Thrown by the PreSignUp trigger after a link: the message is the marker, nothing else. */
export class AccountLinkedError extends Error {
  override name = 'AccountLinkedError';
  constructor() {
    super(ACCOUNT_LINKED);
  }
}

export class SignInRefusedError extends Error {
  override name = 'SignInRefusedError';
  readonly reason: RefuseReason;
  constructor(reason: RefuseReason) {
    super(`${SIGN_IN_REFUSED}:${reason}`);
    this.reason = reason;
  }
}
