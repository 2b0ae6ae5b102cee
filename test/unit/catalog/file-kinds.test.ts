import { describe, expect, it } from 'vitest';
import { filesOf, kindOfContent, kindsInWords, sizeInWords } from '#catalog/file-kinds';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((value) => (typeof value === 'string' ? [...value].map((c) => c.charCodeAt(0)) : [value])));

describe("a file's kind, from its first bytes", () => {
  it.each([
    ['a PDF', bytes('%PDF-1.7\n'), 'pdf'],
    ['a JPEG photo', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF'), 'jpeg'],
    ['a PNG image', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d), 'png'],
    ['a little-endian TIFF scan', bytes('II', 0x2a, 0, 8, 0, 0, 0), 'tiff'],
    ['a big-endian TIFF scan', bytes('MM', 0, 0x2a, 0, 0, 0, 8), 'tiff'],
    ['an iPhone photo (HEIC)', bytes(0, 0, 0, 0x18, 'ftypheic', 0, 0, 0, 0), 'heic'],
  ])('knows %s', (_, content, kind) => {
    expect(kindOfContent(content)).toBe(kind);
  });

  it.each([
    ['a Windows program', bytes('MZ', 0x90, 0)],
    ['a ZIP or Word document', bytes('PK', 3, 4)],
    ['an HTML page', bytes('<!DOCTYPE html>')],
    ['an MP4 video (an ftyp box, not a photo brand)', bytes(0, 0, 0, 0x18, 'ftypisom', 0, 0, 0, 0)],
    ['"PDF" written lower case', bytes('%pdf-1.7')],
    ['a PDF signature not at the start', bytes(' %PDF-1.7')],
    ['an empty file', bytes()],
  ])('refuses %s', (_, content) => {
    expect(kindOfContent(content)).toBeUndefined();
  });
});

describe('how kinds and sizes are said', () => {
  it('lists kinds as people list them', () => {
    expect(kindsInWords(['pdf'], 'or')).toBe('PDF');
    expect(kindsInWords(['pdf', 'jpeg'], 'or')).toBe('PDF or JPG');
    expect(kindsInWords(['pdf', 'jpeg', 'png'], 'o')).toBe('PDF, JPG o PNG');
  });

  it('says sizes in KB and MB, as each language writes numbers', () => {
    expect(sizeInWords(10, 'en')).toBe('1 KB');
    expect(sizeInWords(850 * 1024, 'en')).toBe('850 KB');
    expect(sizeInWords(2.45 * 1024 * 1024, 'en')).toBe('2.5 MB');
    // Spanish in the US (es-US) writes a decimal point, as the portal's amounts of money do.
    expect(sizeInWords(2.45 * 1024 * 1024, 'es')).toBe('2.5 MB');
    expect(sizeInWords(1500 * 1024 * 1024, 'es')).toBe('1,500 MB');
  });

  it('reads the files out of an answer, and nothing out of anything else', () => {
    const file = { id: 'a'.repeat(22), name: 'a.pdf', size: 1, kind: 'pdf', key: 'files/x' };
    expect(filesOf([file, 'text', null])).toEqual([file]);
    expect(filesOf('a.pdf')).toEqual([]);
    expect(filesOf(undefined)).toEqual([]);
  });
});
