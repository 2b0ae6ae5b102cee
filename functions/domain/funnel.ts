/**
 * Where people struggle, without following anyone (decision 0101): counters per agency, form, day and step,
 * added to where requests already arrive (the form's pages, the submission, the payment, the status check).
 * No person, no cookie, no session: a step is a number that goes up by one.
 *
 * Steps, in funnel order: started → page:<id> (each page of a multi-page form) → check-answers → sent → paid.
 * status-checked is counted beside the funnel (people coming back to see where it stands).
 */

export type FunnelStep = 'started' | `page:${string}` | 'check-answers' | 'sent' | 'paid' | 'status-checked';

/** The fixed steps in order; pages sit between started and check-answers, in the order the form lists them. */
export const FUNNEL_ORDER = ['started', 'check-answers', 'sent', 'paid'] as const;

const PAGE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The counter's name for a step (an attribute name): `page:<id>` only for a well-formed page id. */
export function stepName(step: FunnelStep): string | undefined {
  if (step.startsWith('page:')) return PAGE_ID.test(step.slice(5)) ? `page_${step.slice(5)}` : undefined;
  return step.replace('-', '_');
}

export interface FunnelHit {
  agency: string;
  formId: string;
  step: FunnelStep;
  /** For sent: which channel it came through ('web', 'api', …), counted as volume by channel. */
  channel?: string | undefined;
  at: Date;
}

/** One counter item: what was counted for a form on a day (summed over shards by the store). */
export interface FunnelDay {
  day: string;
  formId: string;
  /** stepName → count; `channel_<name>` → submissions sent through that channel. */
  counts: Record<string, number>;
}

export interface FunnelCounter {
  /** Adds one to the step's counter (and the channel's) for the form and day: one atomic ADD. */
  add(hit: { agency: string; formId: string; day: string; names: string[] }): Promise<void>;
  /** An agency's counters for days within [from, to], one entry per form and day (shards summed). */
  read(agency: string, from: string, to: string): Promise<FunnelDay[]>;
}

export const CHANNEL_PREFIX = 'channel_';

/** The names a hit adds to. */
export function namesFor(hit: Pick<FunnelHit, 'step' | 'channel'>): string[] {
  const name = stepName(hit.step);
  if (name === undefined) return [];
  const channel = hit.step === 'sent' && hit.channel && /^[a-z0-9-]{1,32}$/.test(hit.channel) ? hit.channel : undefined;
  return channel ? [name, `${CHANNEL_PREFIX}${channel}`] : [name];
}

/**
 * THE hook the form pages call (and submit, pay and status already do). Counting must never cost a person
 * their task: a failed count is reported to `onError` and forgotten.
 */
export async function countFunnelStep(
  hit: FunnelHit,
  deps: { counter: FunnelCounter; onError?: (error: unknown) => void },
): Promise<void> {
  const names = namesFor(hit);
  if (names.length === 0) return;
  try {
    await deps.counter.add({ agency: hit.agency, formId: hit.formId, day: hit.at.toISOString().slice(0, 10), names });
  } catch (error) {
    deps.onError?.(error);
  }
}

export interface FunnelStepCount {
  step: string;
  count: number;
  /** The share of the previous step's people who did not reach this one (0–1), when there is a previous step. */
  dropOff?: number | undefined;
}

export interface FormFunnel {
  formId: string;
  steps: FunnelStepCount[];
  /** The step with the largest drop-off from the one before it. */
  biggestDropOff?: string | undefined;
  statusChecks: number;
  byChannel: Record<string, number>;
}

/**
 * Each form's funnel over the days read: the steps in order (pages in `pageOrder`, else by name), each with its
 * drop-off from the step before, and the biggest drop-off marked. A step nobody reached still shows (0).
 */
export function summarizeFunnel(days: FunnelDay[], pageOrder: Record<string, readonly string[]> = {}): FormFunnel[] {
  const totals = new Map<string, Record<string, number>>();
  for (const { formId, counts } of days) {
    const total = totals.get(formId) ?? {};
    for (const [name, count] of Object.entries(counts)) total[name] = (total[name] ?? 0) + count;
    totals.set(formId, total);
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([formId, total]) => {
      const seenPages = Object.keys(total)
        .filter((name) => name.startsWith('page_'))
        .map((name) => name.slice(5));
      const order = pageOrder[formId] ?? [];
      const pages = [...order.filter((p) => seenPages.includes(p)), ...seenPages.filter((p) => !order.includes(p)).sort()];
      const names = ['started', ...pages.map((p) => `page_${p}`), 'check_answers', 'sent', 'paid'];
      const steps: FunnelStepCount[] = names.map((name, index) => {
        const count = total[name] ?? 0;
        // A form without a fee is never paid: "paid" at 0 is not a drop-off.
        const previous = index > 0 && !(name === 'paid' && count === 0) ? (total[names[index - 1] as string] ?? 0) : undefined;
        return {
          step: name,
          count,
          ...(previous !== undefined && previous > 0 && { dropOff: Math.max(0, (previous - count) / previous) }),
        };
      });
      const candidates = steps.filter((s) => s.dropOff !== undefined);
      const worst = candidates.reduce<FunnelStepCount | undefined>(
        (best, s) => (best === undefined || (s.dropOff ?? 0) > (best.dropOff ?? 0) ? s : best),
        undefined,
      );
      const byChannel = Object.fromEntries(
        Object.entries(total)
          .filter(([name]) => name.startsWith(CHANNEL_PREFIX))
          .map(([name, count]) => [name.slice(CHANNEL_PREFIX.length), count]),
      );
      return {
        formId,
        steps,
        ...(worst && (worst.dropOff ?? 0) > 0 && { biggestDropOff: worst.step }),
        statusChecks: total.status_checked ?? 0,
        byChannel,
      };
    });
}
