/** The upload rules (decision 0110): the policy, the release step's checks, the scan's verdicts, Send's release. */
import { describe, expect, it } from 'vitest';
import type { AttachedFile } from '#catalog/file-kinds';
import { type Field, FieldSchema } from '#catalog/schema';
import {
  acceptedType,
  checkUpload,
  draftWithFiles,
  type FileStorage,
  fileNameOf,
  releasedKey,
  releaseFiles,
  SCAN_RESULTS,
  scanVerdict,
  uploadPolicy,
  uploadPrefix,
} from '#domain/uploads';
import { strings } from '../../support/forms.ts';

const field: Field = FieldSchema.parse({
  name: 'papers',
  type: 'file',
  label: { en: 'Your discharge papers', es: 'Sus papeles de baja' },
  upload: { accept: ['pdf', 'png'], maxMegabytes: 1, maxFiles: 2 },
});
const FILE_ID = 'AAAAAAAAAAAAAAAAAAAAAA';
const prefix = uploadPrefix('DDDDDDDDDDDDDDDDDDDDDD', 'papers', FILE_ID);
const pdf = { size: 2000, firstBytes: new TextEncoder().encode('%PDF-1.7\n') };
const attached = (id: string): AttachedFile => ({
  id,
  name: `${id}.pdf`,
  size: 10,
  kind: 'pdf',
  key: `drafts/x/papers/${id}/a.pdf`,
});

describe("an upload's policy", () => {
  it('holds the prefix, the size range, the content type and the redirect, and names the file by its own name', () => {
    const policy = uploadPolicy({ field, prefix, contentType: 'application/octet-stream', redirect: 'https://portal/back' });
    expect(policy.key).toBe(`${prefix}\${filename}`);
    expect(policy.conditions).toEqual([
      ['starts-with', '$key', prefix],
      ['content-length-range', 1, 1024 * 1024],
    ]);
    expect(policy.fields).toEqual({ 'Content-Type': 'application/octet-stream', success_action_redirect: 'https://portal/back' });
  });

  it('answers 201 instead of a redirect for the script', () => {
    expect(uploadPolicy({ field, prefix, contentType: 'application/pdf' }).fields).toEqual({
      'Content-Type': 'application/pdf',
      success_action_status: '201',
    });
  });

  it('signs only a content type the question accepts', () => {
    expect(acceptedType(field, 'application/pdf')).toBe('application/pdf');
    expect(acceptedType(field, ' IMAGE/PNG ')).toBe('image/png');
    expect(acceptedType(field, 'image/jpeg')).toBeUndefined();
    expect(acceptedType(field, 'application/x-msdownload')).toBeUndefined();
  });
});

describe('the release step', () => {
  const check = (overrides: Partial<Parameters<typeof checkUpload>[0]>) =>
    checkUpload({ field, key: `${prefix}dd214.pdf`, prefix, fileId: FILE_ID, object: pdf, attached: [], ...overrides });

  it('keeps a file of an accepted kind within the size, named as it was on the device', () => {
    expect(check({})).toEqual({
      ok: true,
      file: { id: FILE_ID, name: 'dd214.pdf', size: 2000, kind: 'pdf', key: `${prefix}dd214.pdf` },
    });
  });

  it.each([
    ['too big', { object: { ...pdf, size: 1024 * 1024 + 1 } }, 'tooBig'],
    ['the wrong kind by content', { object: { size: 10, firstBytes: new TextEncoder().encode('MZ\x90') } }, 'wrongKind'],
    ['a kind the question does not take', { object: { size: 10, firstBytes: new Uint8Array([0xff, 0xd8, 0xff]) } }, 'wrongKind'],
    ['one too many', { attached: [attached('B'.repeat(22)), attached('C'.repeat(22))] }, 'tooMany'],
    ['empty', { object: { size: 0, firstBytes: new Uint8Array() } }, 'empty'],
    ['not there', { object: undefined }, 'missing'],
    ['under another prefix', { key: 'drafts/other/papers/x/a.pdf' }, 'badKey'],
  ])('refuses a file %s', (_, overrides, reason) => {
    expect(check(overrides as Partial<Parameters<typeof checkUpload>[0]>)).toMatchObject({ ok: false, reason });
  });

  it('takes the same upload again without counting it twice', () => {
    expect(check({ attached: [attached(FILE_ID), attached('C'.repeat(22))] }).ok).toBe(true);
  });

  it('keeps only the name of a path, without control characters', () => {
    expect(fileNameOf(`${prefix}C:\\Users\\ana\\dd214.pdf`, prefix)).toBe('dd214.pdf');
    expect(fileNameOf(`${prefix}a\u0007b.pdf`, prefix)).toBe('ab.pdf');
    expect(fileNameOf(prefix, prefix)).toBe('file');
  });
});

describe("the scan's tag", () => {
  it('releases only NO_THREATS_FOUND; no tag yet is still scanning; every other value removes the file', () => {
    expect(SCAN_RESULTS.map(scanVerdict)).toEqual(['clean', 'threat', 'unscannable', 'unscannable', 'unscannable']);
    expect(scanVerdict(undefined)).toBe('pending');
    expect(scanVerdict('SOMETHING_NEW')).toBe('unscannable');
  });
});

function fakeStorage(tags: Record<string, string | undefined>) {
  const removed: string[] = [];
  const copied: [string, string, string][] = [];
  const storage: FileStorage = {
    bucket: 'b',
    presignUpload: async () => ({ url: '', fields: {} }),
    keyUnder: async () => undefined,
    inspect: async () => undefined,
    scanTag: async (key) => tags[key],
    remove: async (key) => {
      removed.push(key);
    },
    release: async (from, to, type) => {
      copied.push([from, to, type]);
    },
    openLink: async () => '',
  };
  return { storage, removed, copied };
}

describe('sending releases the files', () => {
  const one = attached('B'.repeat(22));
  const two = { ...attached('C'.repeat(22)), kind: 'png' as const };
  const answers = { papers: [one, two] };

  it('copies every clean file under files/ with its real content type, and the answers point there', async () => {
    const { storage, copied, removed } = fakeStorage({ [one.key]: 'NO_THREATS_FOUND', [two.key]: 'NO_THREATS_FOUND' });
    const outcome = await releaseFiles({ fields: [field], answers, locale: 'en' }, { storage, strings });
    expect(outcome.problems).toEqual([]);
    expect(copied).toEqual([
      [one.key, releasedKey(one.id), 'application/pdf'],
      [two.key, releasedKey(two.id), 'image/png'],
    ]);
    expect((outcome.answers.papers as AttachedFile[]).map((file) => file.key)).toEqual([
      releasedKey(one.id),
      releasedKey(two.id),
    ]);
    expect(removed).toEqual([]);
  });

  it('removes a threat, names it, and releases nothing', async () => {
    const { storage, copied, removed } = fakeStorage({ [one.key]: 'NO_THREATS_FOUND', [two.key]: 'THREATS_FOUND' });
    const outcome = await releaseFiles({ fields: [field], answers, locale: 'en' }, { storage, strings });
    expect(outcome.problems).toEqual([
      {
        field: 'papers',
        message: `Your discharge papers: we removed “${two.name}” because our virus check found a threat in it. Upload a clean copy`,
      },
    ]);
    expect(removed).toEqual([two.key]);
    expect(copied).toEqual([]);
    expect(outcome.removed).toEqual([{ question: 'papers', id: two.id }]);
  });

  it('holds the sending back while a file is still being scanned, deleting nothing', async () => {
    const { storage, copied, removed } = fakeStorage({ [one.key]: 'NO_THREATS_FOUND' });
    const outcome = await releaseFiles({ fields: [field], answers, locale: 'es' }, { storage, strings });
    expect(outcome.problems[0]?.message).toContain('todavía estamos revisando');
    expect(removed).toEqual([]);
    expect(copied).toEqual([]);
  });
});

describe("a draft's files", () => {
  const draft = {
    id: 'DDDDDDDDDDDDDDDDDDDDDD',
    formId: 'f',
    answers: { name: 'Ana' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    expiresAt: 0,
  };
  const now = new Date('2026-03-01T12:00:00.000Z');

  it('are kept as the answer, and the draft lives on for its full time from this change', () => {
    const saved = draftWithFiles(draft, 'papers', [attached('B'.repeat(22))], now);
    expect(saved.answers).toEqual({ name: 'Ana', papers: [attached('B'.repeat(22))] });
    expect(saved.updatedAt).toBe(now.toISOString());
    expect(saved.expiresAt).toBe(Math.floor(now.getTime() / 1000) + 30 * 24 * 60 * 60);
  });

  it('leave no answer when the last one is removed', () => {
    const saved = draftWithFiles({ ...draft, answers: { papers: [attached('B'.repeat(22))] } }, 'papers', [], now);
    expect(saved.answers).toEqual({});
  });
});
