/**
 * The CX dashboard (decision 0102): for staff of one agency only, what the survey, the funnel and the status
 * history say about the agency's services over a date range. Anyone else is told there is nothing here (404),
 * so the page does not even confirm which agencies exist.
 */
import { translate } from '#catalog/i18n';
import type { Locale, Strings } from '#catalog/schema';
import { BadRequestError, NotFoundError } from '#shared/errors';
import { type Caller, canActForAgency } from './authorization.ts';
import { type ChannelVolume, type ChannelVolumeReader, summarizeChannelVolume } from './channel-volume.ts';
import { type QuarterScores, scoresByQuarter } from './cx-scores.ts';
import { type TrendWeek, weeklyTrend } from './cx-trend.ts';
import { type DecisionStore, type DecisionSummary, summarizeDecisions } from './decision-times.ts';
import type { FeedbackResponse, FeedbackStore } from './feedback.ts';
import { type FormFunnel, type FunnelCounter, summarizeFunnel } from './funnel.ts';

export interface CxRange {
  from: string;
  to: string;
  serviceId?: string | undefined;
  channel?: string | undefined;
}

export interface CxDashboard {
  agency: string;
  range: CxRange;
  scores: QuarterScores[];
  /** Satisfaction and trust week by week over the range (cx-trend.ts). */
  trend: TrendWeek[];
  funnel: FormFunnel[];
  /**
   * Median and 90th percentile from sending to the first decision, for the agency and each service, over the
   * decisions made within the range (exact: one record per decision, decision 0103).
   */
  timeToDecision: DecisionSummary;
  /** Forms sent per channel over the range (from the funnel's counters: web or API). */
  byChannel: Record<string, number>;
  /**
   * Every contact on the timeline over the range, per channel and direction, for the agency and each service
   * (decision 0126); `service` and `channel` filter it.
   */
  channelVolume: ChannelVolume;
  /** The latest comments (already scrubbed), newest first, with the quarter and service they belong to. */
  comments: { answeredOn: string; serviceId: string; channel: string; task: string; comment: string }[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 400;
export const LATEST_COMMENTS = 20;

/** The range from the query: ?from=&to= (days), by default the 90 days up to today; at most ~13 months. */
export function parseCxRange(query: Record<string, string | undefined>, now: Date, locale: Locale, strings: Strings): CxRange {
  const valid = (day: string) => DAY.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`));
  const to = query.to || now.toISOString().slice(0, 10);
  // `to` first: the default `from` is counted back from it.
  if (!valid(to)) throw new BadRequestError(translate(strings, 'cx.problem.to', locale));
  const from = query.from || new Date(Date.parse(`${to}T00:00:00Z`) - 89 * 86_400_000).toISOString().slice(0, 10);
  if (!valid(from)) throw new BadRequestError(translate(strings, 'cx.problem.from', locale));
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (span < 0 || span > MAX_DAYS) throw new BadRequestError(translate(strings, 'cx.problem.range', locale));
  const id = (value: string | undefined) => (value && /^[a-z0-9-]{1,64}$/.test(value) ? value : undefined);
  return { from, to, serviceId: id(query.service), channel: id(query.channel) };
}

/** Staff of the agency (an administrator too, when they are in the agency's staff group); everyone else: 404. */
export function assertMayReadCx(caller: Caller, agency: string, locale: Locale, strings: Strings): void {
  if (!canActForAgency(caller, agency)) throw new NotFoundError(translate(strings, 'cx.notFound', locale));
}

/** The responses the range's service and channel filters keep. */
export function filterResponses(responses: readonly FeedbackResponse[], range: CxRange): FeedbackResponse[] {
  return responses.filter(
    (r) => (!range.serviceId || r.serviceId === range.serviceId) && (!range.channel || r.channel === range.channel),
  );
}

export async function buildCxDashboard(
  input: { caller: Caller; agency: string; range: CxRange; locale: Locale },
  deps: {
    feedback: FeedbackStore;
    funnel: FunnelCounter;
    decisions: DecisionStore;
    channels: ChannelVolumeReader;
    strings: Strings;
    /** Each form's pages in order, for the funnel (the form engine provides them). */
    pageOrder?: Record<string, readonly string[]>;
  },
): Promise<CxDashboard> {
  assertMayReadCx(input.caller, input.agency, input.locale, deps.strings);
  const { agency, range } = input;
  const [responses, funnelDays, decisions, channelDays] = await Promise.all([
    deps.feedback.listResponses(agency, range.from, range.to),
    deps.funnel.read(agency, range.from, range.to),
    deps.decisions.listDecisions(agency, range.from, range.to),
    deps.channels.read(agency, range.from, range.to),
  ]);
  const kept = filterResponses(responses, range);
  const funnel = summarizeFunnel(funnelDays, deps.pageOrder);
  const byChannel: Record<string, number> = {};
  for (const form of funnel)
    for (const [channel, count] of Object.entries(form.byChannel)) byChannel[channel] = (byChannel[channel] ?? 0) + count;
  const comments = kept
    .filter((r) => r.comment !== undefined)
    .sort((a, b) => b.updatedOn.localeCompare(a.updatedOn))
    .slice(0, LATEST_COMMENTS)
    .map((r) => ({
      answeredOn: r.answeredOn,
      serviceId: r.serviceId,
      channel: r.channel,
      task: r.task,
      comment: r.comment ?? '',
    }));
  return {
    agency,
    range,
    scores: scoresByQuarter(kept),
    trend: weeklyTrend(kept, range.from, range.to),
    funnel,
    timeToDecision: summarizeDecisions(decisions, range),
    byChannel,
    channelVolume: summarizeChannelVolume(channelDays, range),
    comments,
  };
}
