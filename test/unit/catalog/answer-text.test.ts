/** An answer in words: one rule for "Check your answers", the staff case page and the queue's CSV export. */
import { describe, expect, it } from 'vitest';
import { answerRows, answerText } from '#catalog/answer-text';
import { langFor } from '#ui/lang.ts';
import { compiledForm, strings } from '../../support/forms.ts';

const es = langFor(strings, 'es');
const en = langFor(strings, 'en');

describe('answerText', () => {
  it('says each kind of answer as people write it, and nothing when there is none', async () => {
    const { form } = await compiledForm('snap-application');
    const field = (name: string) => form.fields.find((f) => f.name === name)!;
    const money = form.fields.find((f) => f.type === 'money')!;
    expect(answerText(money, 12_550, en)).toBe('$125.50');
    expect(answerText(field('applicantName'), { given: 'Ana', middle: 'M', family: 'Díaz' }, en)).toBe('Ana M Díaz');
    const address = form.fields.find((f) => f.type === 'address')!;
    expect(
      answerText(address, { street1: '1 Main St', street2: 'Apt 2', city: 'Springfield', state: 'IL', zip: '62701' }, en),
    ).toBe('1 Main St, Apt 2, Springfield, IL 62701');
    const yesNo = form.fields.find((f) => f.type === 'yesNo')!;
    expect(answerText(yesNo, 'yes', es)).toBe('Sí');
    const checkboxes = form.fields.find((f) => f.type === 'checkboxes')!;
    const [first, second] = checkboxes.options ?? [];
    expect(answerText(checkboxes, [first?.value, second?.value], es)).toBe(`${first?.label.es}, ${second?.label.es}`);
    for (const nothing of [undefined, null, '']) expect(answerText(money, nothing, en)).toBe('');
  });
});

describe('answerRows', () => {
  it('lists each question, then each item of a repeating page, then answers the form no longer asks', async () => {
    const { form } = await compiledForm('snap-application');
    const page = (form.pages ?? []).find((candidate) => candidate.group);
    if (!page) throw new Error('the SNAP form has a repeating page');
    const rows = answerRows(
      form,
      {
        applicantName: { given: 'Ana', family: 'Díaz' },
        [page.id]: [{ memberName: { given: 'Leo', family: 'Díaz' }, memberBirth: '2015-03-04' }],
        retiredQuestion: 'kept',
      },
      es,
    );
    expect(rows[0]).toEqual({ name: 'applicantName', label: 'Su nombre', value: 'Ana Díaz' });
    expect(rows.find((row) => row.value === 'Leo Díaz')?.label).toMatch(/^Persona 1: /);
    expect(rows.find((row) => row.name === `${page.id}.0.memberBirth`)?.value).toBe('4 de marzo de 2015');
    expect(rows.at(-1)).toEqual({ name: 'retiredQuestion', label: 'retiredQuestion', value: 'kept' });
    expect(rows.filter((row) => row.value.includes('[object'))).toEqual([]);
  });
});
