/**
 * The case workflow: which status may follow which, and who may make the move. One table, read by the
 * domain (cases.ts), the case page (which buttons to offer) and the tests (every pair of statuses).
 *
 * received → in review → action needed (needs-information) → approved, denied or completed; the citizen may
 * withdraw while the case is still open. Approved cases end as completed; denied, completed and withdrawn
 * are final.
 */
import { STATUSES, type SubmissionStatus } from './submissions.ts';

export type WorkflowActor = 'staff' | 'citizen';

/** What a move asks for besides the new status. */
export type MoveRequirement = 'reason' | 'message';

interface Move {
  to: SubmissionStatus;
  by: WorkflowActor;
  requires?: MoveRequirement;
}

/** THE transitions table. Anything not listed is refused. */
export const TRANSITIONS: Readonly<Record<SubmissionStatus, readonly Move[]>> = {
  received: [
    { to: 'in-review', by: 'staff' },
    { to: 'needs-information', by: 'staff', requires: 'message' },
    { to: 'withdrawn', by: 'citizen' },
  ],
  'in-review': [
    { to: 'needs-information', by: 'staff', requires: 'message' },
    { to: 'approved', by: 'staff' },
    { to: 'denied', by: 'staff', requires: 'reason' },
    { to: 'completed', by: 'staff' },
    { to: 'withdrawn', by: 'citizen' },
  ],
  'needs-information': [
    { to: 'in-review', by: 'staff' },
    { to: 'approved', by: 'staff' },
    { to: 'denied', by: 'staff', requires: 'reason' },
    { to: 'completed', by: 'staff' },
    { to: 'withdrawn', by: 'citizen' },
  ],
  approved: [{ to: 'completed', by: 'staff' }],
  denied: [],
  completed: [],
  withdrawn: [],
};

/** Statuses still waiting for the agency (the backlog, the "oldest open case"). */
export const OPEN_STATUSES: readonly SubmissionStatus[] = STATUSES.filter((status) =>
  TRANSITIONS[status].some((move) => move.by === 'staff'),
);

export function isOpen(status: SubmissionStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export type MoveCheck =
  | { ok: true; requires?: MoveRequirement }
  | { ok: false; problem: 'not-allowed' | 'reason-missing' | 'message-missing' };

/** Whether `actor` may move a case from `from` to `to`, given the reason or message they wrote. */
export function checkMove(
  from: SubmissionStatus,
  to: SubmissionStatus,
  actor: WorkflowActor,
  written: { reason?: string | undefined; message?: string | undefined } = {},
): MoveCheck {
  const move = TRANSITIONS[from].find((m) => m.to === to && m.by === actor);
  if (!move) return { ok: false, problem: 'not-allowed' };
  if (move.requires === 'reason' && !written.reason?.trim()) return { ok: false, problem: 'reason-missing' };
  if (move.requires === 'message' && !written.message?.trim()) return { ok: false, problem: 'message-missing' };
  return move.requires ? { ok: true, requires: move.requires } : { ok: true };
}

/** The statuses `actor` may move a case to from `from` (the case page offers exactly these). */
export function nextStatuses(from: SubmissionStatus, actor: WorkflowActor): SubmissionStatus[] {
  return TRANSITIONS[from].filter((m) => m.by === actor).map((m) => m.to);
}
