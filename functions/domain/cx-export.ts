/**
 * The quarterly A-11 report (decision 0102): one row per quarter, service, channel and question, with the count
 * at each point of the scale, in the shape of the "CX collection details" an agency reports each quarter
 * (survey_type likert_scale, volume_of_respondents, the question's wording). Written as CSV by a library.
 */
import { translate } from '#catalog/i18n';
import type { Strings } from '#catalog/schema';
import { scoresByQuarter } from './cx-scores.ts';
import type { FeedbackResponse } from './feedback.ts';

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

export function a11Rows(responses: readonly FeedbackResponse[], strings: Strings): (string | number)[][] {
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
          translate(strings, `feedback.q.${score.question}`, 'en', { agency: group[0]?.agency ?? '' }),
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
