import { describe, expect, it } from 'vitest';
import { checkMove, isOpen, nextStatuses, OPEN_STATUSES, TRANSITIONS, type WorkflowActor } from '#domain/case-workflow';
import { STATUSES, type SubmissionStatus } from '#domain/submissions';

/**
 * The rule, written out again on purpose: every move staff and citizens may make. Any pair not listed here
 * must be refused, so adding or removing a row in TRANSITIONS without changing this table fails a test.
 */
const ALLOWED: Record<WorkflowActor, Record<SubmissionStatus, SubmissionStatus[]>> = {
  staff: {
    received: ['in-review', 'needs-information'],
    'in-review': ['needs-information', 'approved', 'denied', 'completed'],
    'needs-information': ['in-review', 'approved', 'denied', 'completed'],
    approved: ['completed'],
    denied: [],
    completed: [],
    withdrawn: [],
  },
  citizen: {
    received: ['withdrawn'],
    'in-review': ['withdrawn'],
    'needs-information': ['withdrawn'],
    approved: [],
    denied: [],
    completed: [],
    withdrawn: [],
  },
};

function reachableFrom(start: SubmissionStatus): Set<SubmissionStatus> {
  const seen = new Set<SubmissionStatus>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const at = queue.shift() as SubmissionStatus;
    for (const move of TRANSITIONS[at])
      if (!seen.has(move.to)) {
        seen.add(move.to);
        queue.push(move.to);
      }
  }
  return seen;
}

const written = { reason: 'Missing proof of address', message: 'Please send a copy of a utility bill.' };

describe('the case workflow', () => {
  for (const actor of ['staff', 'citizen'] as const)
    for (const from of STATUSES)
      for (const to of STATUSES) {
        const allowed = ALLOWED[actor][from].includes(to);
        it(`${actor}: ${from} → ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
          expect(checkMove(from, to, actor, written).ok).toBe(allowed);
        });
      }

  it('offers each actor exactly the moves of the table', () => {
    for (const actor of ['staff', 'citizen'] as const)
      for (const from of STATUSES) expect(nextStatuses(from, actor).sort()).toEqual([...ALLOWED[actor][from]].sort());
  });

  it('refuses a denial without a reason, and one that is only spaces', () => {
    for (const from of ['in-review', 'needs-information'] as const) {
      expect(checkMove(from, 'denied', 'staff')).toEqual({ ok: false, problem: 'reason-missing' });
      expect(checkMove(from, 'denied', 'staff', { reason: '   ' })).toEqual({ ok: false, problem: 'reason-missing' });
      expect(checkMove(from, 'denied', 'staff', { reason: 'Not eligible' })).toEqual({ ok: true, requires: 'reason' });
    }
  });

  it('refuses "action needed" without a message saying what to do', () => {
    for (const from of ['received', 'in-review'] as const) {
      expect(checkMove(from, 'needs-information', 'staff')).toEqual({ ok: false, problem: 'message-missing' });
      expect(checkMove(from, 'needs-information', 'staff', { message: '\n ' })).toEqual({
        ok: false,
        problem: 'message-missing',
      });
      expect(checkMove(from, 'needs-information', 'staff', { message: 'Send a photo' })).toEqual({
        ok: true,
        requires: 'message',
      });
    }
  });

  it('asks nothing more of the other moves', () => {
    expect(checkMove('received', 'in-review', 'staff')).toEqual({ ok: true });
    expect(checkMove('in-review', 'approved', 'staff')).toEqual({ ok: true });
    expect(checkMove('received', 'withdrawn', 'citizen')).toEqual({ ok: true });
  });

  it('never lets staff withdraw a case, nor a citizen decide one', () => {
    for (const from of STATUSES) {
      expect(checkMove(from, 'withdrawn', 'staff', written).ok).toBe(false);
      for (const to of ['approved', 'denied', 'completed', 'in-review'] as const)
        expect(checkMove(from, to, 'citizen', written).ok).toBe(false);
    }
  });

  it('keeps denied, completed and withdrawn final', () => {
    for (const from of ['denied', 'completed', 'withdrawn'] as const) expect(TRANSITIONS[from]).toEqual([]);
  });

  it('counts as open exactly what still waits for staff', () => {
    expect([...OPEN_STATUSES]).toEqual(['received', 'in-review', 'needs-information', 'approved']);
    expect(isOpen('withdrawn')).toBe(false);
    expect(isOpen('received')).toBe(true);
  });

  it('lets every case reach a final status from wherever it stands', () => {
    const final = (s: SubmissionStatus) => TRANSITIONS[s].length === 0;
    for (const start of STATUSES) expect([...reachableFrom(start)].some(final), start).toBe(true);
  });

  it('reaches every status from "received"', () => {
    expect([...reachableFrom('received')].sort()).toEqual([...STATUSES].sort());
  });
});
