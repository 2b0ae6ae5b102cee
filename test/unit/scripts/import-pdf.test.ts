/**
 * import-pdf on the real government PDFs (copies of ../shared/pdf-forms/ in test/fixtures/pdf/government/, so a
 * clean clone has them) and on the small fixtures in test/fixtures/pdf/
 * (made by make-fixtures.ts, one per place a label can sit), through to the catalog's own checks.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOG_DIR, CatalogError, loadCatalog } from '#catalog/load';
import { FormSchema } from '#catalog/schema';
import { importPdf, writeDraft } from '../../../scripts/import-pdf.ts';
import type { Draft } from '../../../scripts/pdf-import/draft-form.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SHARED = join(ROOT, 'test/fixtures/pdf/government');
const fixture = (name: string) => join(ROOT, 'test/fixtures/pdf', name);
const read = (file: string) => new Uint8Array(readFileSync(file));
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

const labelOf = (draft: Draft, pdfField: string) => draft.fields.find((field) => field.pdfField === pdfField)?.label;
const questionsOf = (draft: Draft) => draft.form.pages.flatMap((page) => page.fields);
const hasShared = existsSync(join(SHARED, 'ps-12.pdf'));

describe.runIf(hasShared)('the Alabama name change petition (ps-12.pdf)', async () => {
  const draft = await importPdf(read(join(SHARED, 'ps-12.pdf')), 'name-change-petition');

  it('reads all 26 fields: 25 text boxes and one radio group', () => {
    expect(draft.fields).toHaveLength(26);
    expect(draft.map.fields.filter((field) => field.kind === 'radio')).toHaveLength(1);
    expect(draft.map.fields.every((field) => field.kind === 'text' || field.kind === 'radio')).toBe(true);
  });

  it('finds a label for every field, from the tooltips the form writes and the words beside the boxes', () => {
    expect(draft.fields.filter((field) => field.source === 'name')).toEqual([]);
    expect(labelOf(draft, 'users1_name_first')).toBe('Your current first name');
    expect(labelOf(draft, 'users1_address_zip')).toBe('Your zip code');
    expect(labelOf(draft, 'reasons_for_change')).toBe('Why you want to change your name');
    expect(labelOf(draft, 'photo_id')).toBe('The attached copy of my photo ID is my (check one)');
    expect(labelOf(draft, 'signature_date')).toBe('Date');
  });

  it('asks once what the paper asks twice (the name in the caption and in the body), filling both', () => {
    const first = draft.map.fields.find((field) => field.question === 'users1NameFirst');
    expect(first?.pdfFields).toEqual(['users1_name_first', 'users1_name_first__2']);
    expect(questionsOf(draft)).toHaveLength(23);
  });

  it("takes the radio buttons' words as the choices and keeps the PDF's own values in the mapping", () => {
    const photo = questionsOf(draft).find((field) => field.name === 'photoId');
    expect(photo?.options?.map((option) => option.label.en)).toEqual(['Driver’s license', 'Non-driver’s photo, ID']);
    expect(Object.values(draft.map.fields.find((field) => field.question === 'photoId')?.options ?? {})).toEqual([
      'driver_license',
      'non_driver_id',
    ]);
  });

  it('guesses kinds of answer from the words: a date, a phone number, a long answer', () => {
    const type = (name: string) => questionsOf(draft).find((field) => field.name === name)?.type;
    expect(type('users1Birthdate')).toBe('date');
    expect(type('users1Phone')).toBe('tel');
    expect(type('reasonsForChange')).toBe('textarea');
  });
});

describe.runIf(hasShared)('the Kansas civil cover sheet', async () => {
  const draft = await importPdf(read(join(SHARED, 'ks_civil_cover_sheet.pdf')), 'civil-cover-sheet');

  it('reads all 53 fields (52 text boxes, one check box) and leaves out the one for the office', () => {
    expect(draft.fields).toHaveLength(52);
    expect(draft.undecided).toContain(
      '"For Office Use Only" (page 1) is "For Office Use Only": left out of the web form (for the office)',
    );
    expect(draft.map.fields.filter((field) => field.kind === 'checkbox').map((field) => field.question)).toEqual(['checkBox7']);
  });

  it('finds the labels left of the boxes, the column headings over the rows, and a check box’s words', () => {
    expect(labelOf(draft, 'NAME')).toBe('Name');
    expect(labelOf(draft, 'CELL PHONE_2')).toBe('Cell phone');
    expect(labelOf(draft, 'DL OR STATE ID NO')).toBe('DL or state ID no');
    expect(labelOf(draft, 'Name 3')).toBe('Name');
    expect(labelOf(draft, '4_2')).toMatch(/^ATTORNEYS \(Firm Name/);
    expect(labelOf(draft, 'Check Box7')).toBe('Adoption');
  });

  it('says which two fields have no label anywhere (their tooltip is "undefined")', () => {
    expect(draft.fields.filter((field) => field.source === 'name').map((field) => field.pdfField)).toEqual([
      'undefined_3',
      'undefined_4',
    ]);
  });

  it('makes the paper’s sections its pages: plaintiff and defendant apart, and no page over 40 questions', () => {
    const titles = draft.form.pages.map((page) => page.title.en);
    expect(titles).toEqual(expect.arrayContaining(['Plaintiff/subject information', 'Defendant/other party information']));
    expect(Math.max(...draft.form.pages.map((page) => page.fields.length))).toBeLessThanOrEqual(40);
  });
});

describe('the fixtures: one place a label can sit each', () => {
  it('reads labels left of the boxes, a drop-down’s and radio buttons’ choices and a required field', async () => {
    const draft = await importPdf(read(fixture('labels-left.pdf')), 'fishing-licence');
    expect(draft.fields.map((field) => [field.label, field.source])).toEqual([
      ['Full name', 'left'],
      ['E-mail address', 'left'],
      ['County', 'left'],
      ['Contact me by', 'left'],
      ['I served in the armed forces', 'right'],
    ]);
    const [name, email, county, contact, veteran] = questionsOf(draft);
    expect(name).toMatchObject({ required: true, maxLength: 60, type: 'text' });
    expect(email).toMatchObject({ required: false, type: 'email' });
    expect(county?.options?.map((option) => option.value)).toEqual(['north', 'south', 'east']);
    expect(contact?.options?.map((option) => option.label.en)).toEqual(['Phone', 'Mail']);
    expect(veteran?.type).toBe('checkbox');
    expect(draft.form.title.en).toBe('Request for a fishing licence');
  });

  it('reads labels under the boxes', async () => {
    const draft = await importPdf(read(fixture('labels-below.pdf')), 'mailing-address');
    expect(draft.fields.map((field) => [field.label, field.source])).toEqual([
      ['First name', 'below'],
      ['Last name', 'below'],
      ['ZIP code', 'below'],
    ]);
  });

  it('reads a label that is only in the tooltip, and a multi-line box as a long answer', async () => {
    const draft = await importPdf(read(fixture('tooltips-only.pdf')), 'renewal');
    expect(draft.fields.map((field) => [field.label, field.source])).toEqual([
      ['Your mailing address', 'tooltip'],
      ['Tell us anything else we should know', 'tooltip'],
    ]);
    expect(questionsOf(draft).map((field) => field.type)).toEqual(['text', 'textarea']);
  });

  it('shows progress as it goes', async () => {
    const messages: string[] = [];
    await importPdf(read(fixture('labels-left.pdf')), 'fishing-licence', (message) => messages.push(message));
    expect(messages).toEqual(['Read the words of page 1 of 1', 'Found 5 fields on 1 page', 'Labelled 5 of 5 fields']);
  });
});

describe('a draft and the catalog', () => {
  it('is a form in the catalog’s multi-page format, which the catalog refuses until the Spanish is written', async () => {
    const draft = await importPdf(read(fixture('labels-left.pdf')), 'fishing-licence');
    expect(FormSchema.safeParse(draft.form).success).toBe(true);
    const root = mkdtempSync(join(tmpdir(), 'import-pdf-'));
    temporary.push(root);
    const catalog = join(root, 'catalog');
    cpSync(CATALOG_DIR, catalog, { recursive: true });
    writeDraft(draft, fixture('labels-left.pdf'), catalog, false);
    let problems: string[] = [];
    try {
      loadCatalog(catalog);
    } catch (error) {
      problems = (error as CatalogError).problems;
    }
    expect(problems).toContain(
      'catalog/forms/fishing-licence.json at title.es: still in English, marked "[translate]" by import-pdf. Write the Spanish text (and drop the mark).',
    );
    expect(problems).toContain(
      'catalog/forms/fishing-licence.json: no service uses this form. Set "form": "fishing-licence" in a service, or delete the file.',
    );
    expect(existsSync(join(catalog, 'pdf-forms', 'fishing-licence.pdf'))).toBe(true);
  });

  it('checks a mapping against its form: a question the form does not ask is named with the fix', () => {
    const root = mkdtempSync(join(tmpdir(), 'import-pdf-'));
    temporary.push(root);
    const catalog = join(root, 'catalog');
    cpSync(CATALOG_DIR, catalog, { recursive: true });
    const file = join(catalog, 'pdf-forms', 'change-of-address-request.json');
    const mapping = JSON.parse(readFileSync(file, 'utf8'));
    mapping.fields[0].question = 'licenceNumber';
    writeFileSync(file, JSON.stringify(mapping));
    expect(() => loadCatalog(catalog)).toThrow(CatalogError);
    try {
      loadCatalog(catalog);
    } catch (error) {
      expect((error as CatalogError).problems[0]).toMatch(
        /^catalog\/pdf-forms\/change-of-address-request.json at fields\[0\].question: the form "change-of-address-request" asks no question "licenceNumber". Use one of: /,
      );
    }
  });
});

describe('a PDF it cannot read', () => {
  const run = (file: string) =>
    spawnSync(process.execPath, [join(ROOT, 'scripts/import-pdf.ts'), file, '--catalog', join(tmpdir(), 'never-written')], {
      encoding: 'utf8',
    });

  it.each([
    ['damaged.pdf', 'it is damaged or not a PDF (pdf-lib could not parse it): open it in a PDF reader and save it again'],
    ['encrypted.pdf', 'it is encrypted (password-protected): ask the agency for a copy without a password'],
    ['no-fields.pdf', 'it has no form fields to fill in (it is not a fillable PDF)'],
  ])('%s: one line saying why, and exit code 1', (name, why) => {
    const result = run(fixture(name));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(
      result.stderr
        .trim()
        .split('\n')
        .filter((line) => !line.startsWith('…')),
    ).toEqual([`import-pdf: cannot import ${fixture(name)}: ${why}`]);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('a missing file: one line too', () => {
    const result = run(fixture('not-there.pdf'));
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      `import-pdf: cannot import ${fixture('not-there.pdf')}: the file cannot be opened: check the path`,
    );
  });
});
