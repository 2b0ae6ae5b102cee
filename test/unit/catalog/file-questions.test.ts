/** The file question type in the catalog: what the build accepts, and the friendly errors it gives otherwise. */
import { describe, expect, it } from 'vitest';
import { answerText } from '#catalog/answer-text';
import { jsonSchemaFor } from '#catalog/form-schema';
import { answersFromEntries } from '#catalog/form-values';
import { FormSchema } from '#catalog/schema';

const text = (en: string) => ({ en, es: `${en} (es)` });
const name = { name: 'fullName', type: 'text', label: text('Full name') };
const papers = {
  name: 'papers',
  type: 'file',
  label: text('Your discharge papers'),
  upload: { accept: ['pdf', 'jpeg'], maxMegabytes: 5, maxFiles: 2 },
};
const form = (pages: unknown) => ({ id: 'with-files', title: text('Form'), intro: text('Intro'), pages });
const messages = (input: unknown) => {
  const result = FormSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('a file question in the catalog', () => {
  it('is accepted on a page of its own after the first', () => {
    expect(
      messages(
        form([
          { id: 'you', title: text('You'), fields: [name] },
          { id: 'proof', title: text('Proof'), fields: [papers] },
        ]),
      ),
    ).toEqual([]);
  });

  it('needs "upload", with a hint of what to write', () => {
    const { upload: _, ...bare } = papers;
    expect(
      messages(
        form([
          { id: 'you', title: text('You'), fields: [name] },
          { id: 'p', title: text('P'), fields: [bare] },
        ]),
      ),
    ).toEqual([
      'pages.1.fields.0.upload: A file question needs "upload", like {"accept": ["pdf", "jpeg", "png"], "maxMegabytes": 10, "maxFiles": 3}',
    ]);
  });

  it('names the kinds it knows, and the limits on size and count', () => {
    const wrong = { ...papers, upload: { accept: ['exe'], maxMegabytes: 100, maxFiles: 20 } };
    const found = messages(
      form([
        { id: 'you', title: text('You'), fields: [name] },
        { id: 'p', title: text('P'), fields: [wrong] },
      ]),
    );
    expect(found).toContain('pages.1.fields.0.upload.accept.0: Use kinds of file from: pdf, jpeg, png, heic, tiff');
    expect(found).toContain(
      'pages.1.fields.0.upload.maxMegabytes: A file can be at most 25 MB: ask for smaller files or a scan at a lower resolution',
    );
    expect(found).toContain(
      'pages.1.fields.0.upload.maxFiles: A question can take at most 10 files: split it into several questions',
    );
  });

  it('refuses "upload" on another type', () => {
    expect(messages(form([{ id: 'you', title: text('You'), fields: [{ ...name, upload: papers.upload }] }]))).toEqual([
      'pages.0.fields.0.upload: Only file questions take "upload"',
    ]);
  });

  it('refuses a one-page form, the first page, a page shared with other questions, and a repeating page', () => {
    expect(messages({ id: 'one', title: text('F'), intro: text('I'), fields: [name, papers] })).toEqual([
      `fields.1.type: "papers" is a file question: list the form's questions in "pages" and give it a page of its own after the first`,
    ]);
    expect(messages(form([{ id: 'p', title: text('P'), fields: [papers] }]))).toEqual([
      'pages.0.fields.0.type: "papers" is a file question on the first page: move it to a page of its own after the first',
    ]);
    expect(
      messages(
        form([
          { id: 'you', title: text('You'), fields: [name] },
          { id: 'p', title: text('P'), fields: [{ ...name, name: 'other' }, papers] },
        ]),
      ),
    ).toEqual(['pages.1.fields.1.type: "papers" is a file question on a page with other questions: give it a page of its own']);
    const repeat = { min: 0, max: 2, itemName: text('item'), addLabel: text('Add'), summary: 'papers' };
    expect(
      messages(
        form([
          { id: 'you', title: text('You'), fields: [name] },
          { id: 'p', title: text('P'), repeat, fields: [papers] },
        ]),
      ),
    ).toContain(
      'pages.1.fields.0.type: "papers" is a file question on a repeating page: files are asked once, on a page of their own',
    );
  });

  it('can be named by a condition only to ask whether it is answered', () => {
    const later = {
      id: 'more',
      title: text('More'),
      when: { question: 'papers', equals: 'x' },
      fields: [{ ...name, name: 'note' }],
    };
    expect(
      messages(form([{ id: 'you', title: text('You'), fields: [name] }, { id: 'p', title: text('P'), fields: [papers] }, later])),
    ).toEqual(['pages.2.when: "papers" has several answers: a condition can only ask whether it is answered']);
  });
});

describe("a file question's answer", () => {
  const parsed = FormSchema.parse(
    form([
      { id: 'you', title: text('You'), fields: [name] },
      { id: 'proof', title: text('Proof'), fields: [papers] },
    ]),
  );
  const schema = jsonSchemaFor(parsed) as { properties: Record<string, Record<string, unknown>> };

  it('is a list of files the schema bounds: at least one, at most maxFiles, each within the size and kinds', () => {
    expect(schema.properties.papers).toMatchObject({
      type: 'array',
      minItems: 1,
      maxItems: 2,
      items: {
        properties: { size: { maximum: 5 * 1024 * 1024 }, kind: { enum: ['pdf', 'jpeg'] } },
        required: ['id', 'name', 'size', 'kind', 'key'],
        additionalProperties: false,
      },
    });
  });

  it('never comes from a form post', () => {
    expect(answersFromEntries(parsed.fields, [['papers', 'files/anything']], true)).toEqual({});
  });

  it('is said as the names of the files, never a link', () => {
    const files = [
      { id: 'a'.repeat(22), name: 'dd214.pdf', size: 10, kind: 'pdf', key: 'files/aaaa' },
      { id: 'b'.repeat(22), name: 'back.jpg', size: 10, kind: 'jpeg', key: 'files/bbbb' },
    ];
    expect(answerText(parsed.fields[1]!, files, { locale: 'en', t: (key) => key })).toBe('dd214.pdf, back.jpg');
  });
});
