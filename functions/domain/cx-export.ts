/**
 * The quarterly A-11 report (decision 0102): one row per quarter, service, channel and question, with the count
 * at each point of the scale, in the shape of the "CX collection details" an agency reports each quarter
 * (survey_type likert_scale, volume_of_respondents, the question's wording). Written as CSV by a library.
 */
import { translate } from '#catalog/i18n';
import type { Strings } from '#catalog/schema';
import { neutraliseCell } from './csv-cells.ts';
import { scoresByQuarter } from './cx-scores.ts';
import type { FeedbackResponse } from './feedback.ts';
import { FEEDBACK_QUESTIONS } from './feedback-survey.ts';

export const A11_COLUMNS = [
  'quarter',
  'agency',
  'service',
  'channel',
  'survey_type',
  'question',
  'question_text',
  'volume_of_respondents',
  'strongly_disagree',
  'disagree',
  'neutral',
  'agree',
  'strongly_agree',
  'mean',
  'agree_share',
] as const;

/** `nameOf` gives the agency's name as the survey showed it in the statements (A-11's "[Program/Service name]"). */
export function a11Rows(
  responses: readonly FeedbackResponse[],
  strings: Strings,
  nameOf: (agency: string) => string = (agency) => agency,
): (string | number)[][] {
  const groups = new Map<string, FeedbackResponse[]>();
  for (const r of responses) {
    const key = `${r.serviceId}\n${r.channel}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const rows: (string | number)[][] = [];
  for (const [key, group] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const [service = '', channel = ''] = key.split('\n');
    for (const quarter of scoresByQuarter(group))
      for (const score of quarter.questions)
        rows.push([
          quarter.quarter,
          group[0]?.agency ?? '',
          service,
          channel,
          'likert_scale',
          score.question,
          translate(strings, `feedback.q.${score.question}`, 'en', { agency: nameOf(group[0]?.agency ?? '') }),
          score.responses,
          score.distribution[1],
          score.distribution[2],
          score.distribution[3],
          score.distribution[4],
          score.distribution[5],
          Math.round(score.mean * 100) / 100,
          Math.round(score.agreeShare * 1000) / 1000,
        ]);
  }
  return rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

/** The raw-response download (decision 0105): one row per response, every score, the comment as stored (scrubbed). */
export const RESPONSE_COLUMNS = [
  'answered_on',
  'updated_on',
  'service',
  'channel',
  'task',
  ...FEEDBACK_QUESTIONS,
  'comment',
] as const;

/**
 * The responses as rows, oldest first: never the token, the person or the code (a response has none of them).
 * Each cell is neutralised like the queue export's, because a comment is text someone typed and a spreadsheet
 * would run `=HYPERLINK(…)` as a formula.
 */
export function responseRows(responses: readonly FeedbackResponse[]): string[][] {
  return [...responses]
    .sort(
      (a, b) =>
        a.answeredOn.localeCompare(b.answeredOn) ||
        a.serviceId.localeCompare(b.serviceId) ||
        a.updatedOn.localeCompare(b.updatedOn),
    )
    .map((r) =>
      [
        r.answeredOn,
        r.updatedOn,
        r.serviceId,
        r.channel,
        r.task,
        ...FEEDBACK_QUESTIONS.map((q) => (r.scores[q] === undefined ? '' : String(r.scores[q]))),
        r.comment ?? '',
      ].map(neutraliseCell),
    );
}
