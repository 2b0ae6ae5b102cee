/**
 * Who may do what. Every decision the API makes about a person or a client is one of these functions,
 * tested as a matrix (test/unit/domain/authorization.test.ts); handlers never compare groups themselves.
 *
 * Groups (Cognito groups, in the `cognito:groups` claim): `citizen`; `staff:<agency id>` (one per agency
 * in the catalog); `admin`. Machine clients (other channels) sign in with client credentials and carry
 * OAuth scopes `frontdoor/<name>` instead of groups.
 */

export const CITIZEN_GROUP = 'citizen';
export const ADMIN_GROUP = 'admin';
export const STAFF_GROUP_PREFIX = 'staff:';
export const SCOPE_PREFIX = 'frontdoor/';

/** The route table's `auth` field: what a route asks of its caller before the handler runs. */
export type RouteAuth =
  /** Anyone, signed in or not (the handler still sees the caller when a token was valid). */
  | 'public'
  /** A signed-in person (citizen, staff or admin) acting for themselves. */
  | 'citizen'
  /** Staff of some agency; which records they may touch is decided per record (canActForAgency). */
  | 'staff'
  /** Staff of that one agency. */
  | `staff:${string}`
  | 'admin'
  /** A machine client holding the scope `frontdoor/<name>`. */
  | `machine:${string}`;

export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'person'; subject: string; groups: readonly string[]; email?: string; name?: string }
  | { kind: 'machine'; clientId: string; scopes: readonly string[] };

export const ANONYMOUS: Caller = { kind: 'anonymous' };

export function staffAgenciesOf(caller: Caller): string[] {
  if (caller.kind !== 'person') return [];
  return caller.groups.filter((g) => g.startsWith(STAFF_GROUP_PREFIX)).map((g) => g.slice(STAFF_GROUP_PREFIX.length));
}

export function isAdmin(caller: Caller): boolean {
  return caller.kind === 'person' && caller.groups.includes(ADMIN_GROUP);
}

export function hasScope(caller: Caller, name: string): boolean {
  return caller.kind === 'machine' && caller.scopes.includes(`${SCOPE_PREFIX}${name}`);
}

export type AccessDecision = 'allow' | 'sign-in' | 'forbidden';

/** The route-level check, made before a handler runs (after API Gateway has checked the token itself). */
export function routeAccess(caller: Caller, auth: RouteAuth): AccessDecision {
  if (auth === 'public') return 'allow';
  if (auth.startsWith('machine:'))
    return hasScope(caller, auth.slice('machine:'.length)) ? 'allow' : caller.kind === 'anonymous' ? 'sign-in' : 'forbidden';
  if (caller.kind === 'anonymous') return 'sign-in';
  if (caller.kind === 'machine') return 'forbidden';
  if (auth === 'citizen') return 'allow';
  if (auth === 'admin') return isAdmin(caller) ? 'allow' : 'forbidden';
  if (auth === 'staff') return staffAgenciesOf(caller).length > 0 ? 'allow' : 'forbidden';
  return staffAgenciesOf(caller).includes(auth.slice(STAFF_GROUP_PREFIX.length)) ? 'allow' : 'forbidden';
}

/** A record as far as authorization cares: whose it is and which agency handles it. */
export interface OwnedRecord {
  /** The `sub` of the person who sent it, when they were signed in. */
  ownerSubject?: string | undefined;
  agency: string;
}

/** The person it belongs to, or staff of the agency that handles it. Admins do not read answers. */
export function canReadRecord(caller: Caller, record: OwnedRecord): boolean {
  if (caller.kind !== 'person') return false;
  if (record.ownerSubject && record.ownerSubject === caller.subject) return true;
  return staffAgenciesOf(caller).includes(record.agency);
}

/** Staff acting on an agency's work (status changes, refunds): only that agency's staff (so only a person). */
export function canActForAgency(caller: Caller, agency: string): caller is Extract<Caller, { kind: 'person' }> {
  return staffAgenciesOf(caller).includes(agency);
}

/** The subject a new record is linked to: the signed-in person, or nobody. */
export function ownerOf(caller: Caller): string | undefined {
  return caller.kind === 'person' && caller.subject ? caller.subject : undefined;
}

/**
 * Working a case (reading its answers, changing its status, writing to the citizen, assigning it, exporting
 * the queue): only staff of the agency that handles it. Everyone else is told the case does not exist.
 */
export function canWorkCase(caller: Caller, record: Pick<OwnedRecord, 'agency'>): caller is Extract<Caller, { kind: 'person' }> {
  return canActForAgency(caller, record.agency);
}

/**
 * Reading the audit trail (a case's, a staff member's activity): administrators only. Entries name who did what
 * to which record, never answers, so an administrator needs no agency to read them.
 */
export function canReadAudit(caller: Caller): caller is Extract<Caller, { kind: 'person' }> {
  return isAdmin(caller);
}

/**
 * A staff member's activity (what they did for one agency): that agency's administrators only, i.e. people in
 * the `admin` group who are also staff of the agency. An administrator of another agency never sees it.
 */
export function canReadAgencyActivity(caller: Caller, agency: string): caller is Extract<Caller, { kind: 'person' }> {
  return isAdmin(caller) && staffAgenciesOf(caller).includes(agency);
}

/** Withdrawing an application: only the signed-in person who sent it (staff never withdraw for them). */
export function canWithdraw(
  caller: Caller,
  record: Pick<OwnedRecord, 'ownerSubject'>,
): caller is Extract<Caller, { kind: 'person' }> {
  return caller.kind === 'person' && record.ownerSubject !== undefined && record.ownerSubject === caller.subject;
}
