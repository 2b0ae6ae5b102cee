/**
 * The survey's English statements are OMB Circular A-11 section 280's, word for word, with its
 * "[Program/Service name]" filled in (decision 0100 cites the source). A change to the wording fails here.
 */
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { FeedbackSurvey } from '#ui/form/FeedbackSurvey.tsx';
import { lang } from '../../fixtures/ui/components.tsx';

const NAME = 'Office of Vital Records';
const A11 = {
  satisfaction: `I am satisfied with the service I received from ${NAME}.`,
  trust: `This interaction increased my confidence in ${NAME}.`,
  effectiveness: 'My need was addressed.',
  ease: 'It was easy to complete what I needed to do.',
  efficiency: 'It took a reasonable amount of time to do what I needed to do.',
  transparency: 'I understood what was being asked of me throughout the process.',
  employee: 'Employees I interacted with were helpful.',
};

const legends = (html: string) =>
  [...html.matchAll(/data-feedback-question="(\w+)"><legend class="usa-legend">([^<]+?) <span/g)].map(([, q, text]) => [q, text]);

describe('the A-11 §280 wording', () => {
  it('asks the statements word for word after a staff reply, employee helpfulness included', () => {
    const html = renderToString(
      <FeedbackSurvey lang={lang} target={{ task: 'staff-reply', code: 'ABCD-EFGH-JKMN', message: 'm1' }} agencyName={NAME} />,
    );
    expect(Object.fromEntries(legends(html))).toEqual(A11);
    expect(html).toContain(`Any additional feedback for ${NAME}? (optional)`);
  });

  it('leaves the employee statement out where no person was involved', () => {
    const html = renderToString(
      <FeedbackSurvey lang={lang} target={{ task: 'status', code: 'ABCD-EFGH-JKMN' }} agencyName={NAME} />,
    );
    const { employee: _employee, ...asked } = A11;
    expect(Object.fromEntries(legends(html))).toEqual(asked);
  });
});
