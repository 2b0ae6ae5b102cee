/**
 * The audit trail: every staff read of a case, every change, note, export and refund leaves one entry saying
 * who (subject, name, agency), what, which record, when and from where. An entry is written in the same
 * transaction as the change it records (a read: on its own, before the answers are shown), is never updated
 * or deleted by the product, and expires through the table's TTL after the agency's retention period.
 */
import { randomUUID } from 'node:crypto';
import type { Caller } from './authorization.ts';

export type AuditAction =
  | 'case.read'
  /** A PDF of the case's answers downloaded from the case page. */
  | 'case.pdf'
  | 'case.status'
  | 'case.message'
  | 'case.note'
  | 'case.assign'
  | 'case.unassign'
  | 'case.search'
  | 'queue.export'
  | 'payment.refund'
  /** A staff member opened a file the citizen attached (decision 0113); the detail names the question and file id. */
  | 'case.file'
  /** The citizen took their own application back (the actor is the citizen). */
  | 'case.withdraw'
  /** Staff read a person's timeline for their agency (the record is `PERSON#<subject>`). */
  | 'person.read'
  /** Staff linked an unlinked contact to a case or a person (the record is the case's code or `PERSON#<subject>`). */
  | 'contact.link';

export interface AuditActor {
  subject: string;
  name: string;
  /** The agency they acted for. */
  agency: string;
}

/** Where the request came from, as the edge saw it. */
export interface AuditOrigin {
  address?: string | undefined;
  userAgent?: string | undefined;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: AuditActor;
  action: AuditAction;
  /** The record acted on: a confirmation code, a payment id, or the export's filter. */
  record: string;
  /** A few words of what changed (e.g. `{ from: 'received', to: 'in-review' }`); never answers. */
  detail?: Record<string, string>;
  from: AuditOrigin;
  /** Epoch seconds: DynamoDB's TTL removes the entry after the retention period. */
  expiresAt: number;
}

/** Seven years, what most records schedules ask of case files; agency.config.json may set another. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 7 * 365;

/** Longest user agent kept: enough to tell browsers apart, not a place to store anything else. */
export const MAX_USER_AGENT = 300;

export interface AuditDeps {
  now: () => Date;
  retentionDays: number;
  newId?: () => string;
}

export function auditEntry(
  input: {
    actor: Extract<Caller, { kind: 'person' }>;
    agency: string;
    action: AuditAction;
    record: string;
    detail?: Record<string, string>;
    from: AuditOrigin;
  },
  deps: AuditDeps,
): AuditEntry {
  const at = deps.now();
  const { actor } = input;
  return {
    id: (deps.newId ?? randomUUID)(),
    at: at.toISOString(),
    actor: { subject: actor.subject, name: actor.name ?? actor.email ?? actor.subject, agency: input.agency },
    action: input.action,
    record: input.record,
    ...(input.detail && { detail: input.detail }),
    from: {
      ...(input.from.address && { address: input.from.address }),
      ...(input.from.userAgent && { userAgent: input.from.userAgent.slice(0, MAX_USER_AGENT) }),
    },
    expiresAt: Math.floor(at.getTime() / 1000) + deps.retentionDays * 24 * 60 * 60,
  };
}
