/**
 * Form versions (decision 0085): the registry answers the version a draft or submission is to, from its own
 * compiled module, so a draft started on version 1 still validates against version 1 after version 2 ships.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFor } from '#catalog/form-schema';
import { type Form, FormSchema } from '#catalog/schema';
import { checkAnswers } from '#domain/answers';
import { compileValidator } from '../../../scripts/build-functions.ts';
import { compiledForm, strings } from '../../support/forms.ts';

const dir = mkdtempSync(join(tmpdir(), 'front-door-forms-'));
process.env.FORMS_DIR = dir;
process.env.TABLE_NAME ??= 'unused';

const { form: v1 } = await compiledForm('funeral-assistance-application');
// Version 2 asks one more required question on the first page.
const v2Source = {
  id: v1.id,
  version: 2,
  title: v1.title,
  intro: v1.intro,
  pages: (v1.pages ?? []).map((page, index) => ({
    id: page.id,
    title: page.title,
    ...(page.when && { when: page.when }),
    fields:
      index === 0
        ? [
            ...page.questions.map((name) => v1.fields.find((field) => field.name === name)),
            { name: 'placeOfDeath', type: 'text', label: { en: 'Place of death', es: 'Lugar de fallecimiento' } },
          ]
        : page.questions.map((name) => v1.fields.find((field) => field.name === name)),
  })),
};
const v2 = FormSchema.parse(v2Source) as Form;
const service = { id: 'funeral-assistance', agency: 'human-services', title: v1.title };
const moduleOf = (form: Form) =>
  `${compileValidator(jsonSchemaFor(form))}\nexport const form = ${JSON.stringify(form)};\nexport const service = ${JSON.stringify(service)};\n`;
writeFileSync(join(dir, `${v1.id}.js`), moduleOf(v2));
writeFileSync(join(dir, `${v1.id}@1.js`), moduleOf(v1));

const { findCompiledForm, findEveryVersion } = await import('#adapters/form-registry');

const answersOfVersion1 = {
  deceasedName: { given: 'José', family: 'Díaz' },
  deceasedBirth: '1950-03-02',
  dateOfDeath: '2026-11-20',
  deceasedSsn: '123-45-6789',
  veteran: 'no',
};

describe('finding a form by version', () => {
  it('answers the current version when no version is asked', async () => {
    expect((await findCompiledForm(v1.id))?.form.version).toBe(2);
  });

  it('answers an older published version from its own module, with its own rules', async () => {
    const older = await findCompiledForm(v1.id, 1);
    expect(older?.form.version).toBe(1);
    const firstPage = (form: Form) => new Set(form.pages?.[0]?.questions);
    const onPage = (form: Form, problems: { field: string }[]) => problems.filter((p) => firstPage(form).has(p.field));
    expect(onPage(older!.form, checkAnswers(older!.form, older!.validate, answersOfVersion1, 'en', strings).problems)).toEqual(
      [],
    );
    const current = (await findCompiledForm(v1.id))!;
    expect(onPage(current.form, checkAnswers(current.form, current.validate, answersOfVersion1, 'en', strings).problems)).toEqual(
      [{ field: 'placeOfDeath', message: expect.any(String) }],
    );
  });

  it('answers the current version for a version the build does not know', async () => {
    expect((await findCompiledForm(v1.id, 7))?.form.version).toBe(2);
    expect((await findCompiledForm(v1.id, 0))?.form.version).toBe(2);
  });
});

describe('every version of a form', () => {
  it('answers the current one first, then each earlier published one, newest first', async () => {
    expect((await findEveryVersion(v1.id)).map((compiled) => compiled.form.version)).toEqual([2, 1]);
  });

  it('answers the one version of a form never revised, and nothing for a form that does not exist', async () => {
    const { form } = await compiledForm('death-certificate-request');
    writeFileSync(join(dir, `${form.id}.js`), moduleOf(form));
    expect((await findEveryVersion(form.id)).map((compiled) => compiled.form.version)).toEqual([1]);
    expect(await findEveryVersion('no-such-form')).toEqual([]);
  });
});
