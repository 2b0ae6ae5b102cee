/**
 * Exact time to decision (decision 0103). When staff move a case to its first decision (approved, denied or
 * completed from an open status), the same transaction that changes the status writes one decision record: the
 * agency, service and channel, when the case was sent and when it was decided. The dashboard's median and 90th
 * percentile are then computed from every decision in the range — measured, not estimated from the queue.
 *
 * A record names no person and holds no answers; the confirmation code is in its key only so a case can never
 * be counted twice (the write is conditional on the key being new).
 */
import { DECISION_STATUSES, type DecisionTimes, summarizeDecisionTimes } from './cx-scores.ts';
import type { Submission, SubmissionStatus } from './submissions.ts';

export interface DecisionRecord {
  agency: string;
  serviceId: string;
  channel: string;
  code: string;
  /** The decision made: approved, denied or completed. */
  status: SubmissionStatus;
  /** When the case was sent (ISO 8601). */
  sentAt: string;
  /** When the decision was made (ISO 8601): the record is reported on this day. */
  decidedAt: string;
  /** decidedAt − sentAt, in milliseconds. */
  durationMs: number;
}

export interface DecisionStore {
  /** The agency's decision records whose `decidedAt` day is within [from, to] (days, inclusive). */
  listDecisions(agency: string, from: string, to: string): Promise<DecisionRecord[]>;
}

export function isDecision(status: SubmissionStatus): boolean {
  return (DECISION_STATUSES as readonly string[]).includes(status);
}

/**
 * The record a status change writes, or undefined when it is not the case's first decision: approved →
 * completed is the end of a case already decided, and counting it again would count one case twice.
 */
export function decisionRecordFor(
  submission: Pick<Submission, 'agency' | 'serviceId' | 'channel' | 'code' | 'submittedAt' | 'status'>,
  to: SubmissionStatus,
  at: string,
): DecisionRecord | undefined {
  if (!isDecision(to) || isDecision(submission.status)) return undefined;
  return {
    agency: submission.agency,
    serviceId: submission.serviceId,
    channel: submission.channel,
    code: submission.code,
    status: to,
    sentAt: submission.submittedAt,
    decidedAt: at,
    durationMs: Math.max(0, Date.parse(at) - Date.parse(submission.submittedAt)),
  };
}

export interface DecisionSummary {
  /** The whole agency (within the dashboard's filters). */
  agency: DecisionTimes;
  /** Each service with at least one decision, by service id. */
  byService: { serviceId: string; times: DecisionTimes }[];
}

/** Median and 90th percentile for the agency and for each service, from the records the filters keep. */
export function summarizeDecisions(
  records: readonly DecisionRecord[],
  filter: { serviceId?: string | undefined; channel?: string | undefined } = {},
): DecisionSummary {
  const kept = records.filter(
    (r) => (!filter.serviceId || r.serviceId === filter.serviceId) && (!filter.channel || r.channel === filter.channel),
  );
  const byService = new Map<string, number[]>();
  for (const record of kept) byService.set(record.serviceId, [...(byService.get(record.serviceId) ?? []), record.durationMs]);
  return {
    agency: summarizeDecisionTimes(kept.map((r) => r.durationMs)),
    byService: [...byService.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([serviceId, durations]) => ({ serviceId, times: summarizeDecisionTimes(durations) })),
  };
}
