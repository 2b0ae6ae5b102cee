import { describe, expect, it } from 'vitest';
import { bareLabel } from '#catalog/form-messages';
import type { Form } from '#catalog/schema';
import type { Caller } from '#domain/authorization';
import {
  QUEUE_ROW_FIELDS,
  type QueueCase,
  type QueueFilter,
  type QueueRow,
  type QueueStore,
  readQueuePage,
  sortKeyOf,
} from '#domain/case-queue';
import {
  csvRowBytes,
  type ExportForm,
  ExportPartTooLargeError,
  exportColumns,
  exportFilename,
  exportQueue,
  exportRecord,
  exportRow,
  neutraliseCell,
  readExportPart,
} from '#domain/queue-export';
import { STATUSES, type Submission } from '#domain/submissions';
import { csvFile } from '#http/csv';
import { NotFoundError } from '#shared/errors';
import { inMemoryCaseStore } from '../../support/case-fakes.ts';
import { compiledForm, strings } from '../../support/forms.ts';

const SHARDS = 16;
const NOW = new Date('2026-12-01T10:00:00.000Z');
const from = { address: '203.0.113.7', userAgent: 'Mozilla/5.0 test' };
const staff: Caller = { kind: 'person', subject: 'sub-staff', groups: ['staff:vital-records'], name: 'Vera Staff' };

describe('neutralising a cell (CSV injection)', () => {
  for (const start of ['=', '+', '-', '@', '\t', '\r'])
    it(`puts an apostrophe before a cell starting with ${JSON.stringify(start)}`, () => {
      expect(neutraliseCell(`${start}HYPERLINK("http://x")`)).toBe(`'${start}HYPERLINK("http://x")`);
      expect(neutraliseCell(start)).toBe(`'${start}`);
    });

  it('leaves a cell alone when it starts with any other character (every one of the first 65,536)', () => {
    const danger = new Set(['=', '+', '-', '@', '\t', '\r']);
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      if (danger.has(char)) continue;
      const cell = `${char}=1+1`;
      if (neutraliseCell(cell) !== cell) throw new Error(`U+${code.toString(16)} was changed`);
    }
  });

  it('leaves the same characters alone anywhere but first', () => {
    for (const inside of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseCell(`a${inside}b`)).toBe(`a${inside}b`);
  });

  it('leaves empty cells and names alone', () => {
    expect(neutraliseCell('')).toBe('');
    expect(neutraliseCell('José Núñez')).toBe('José Núñez');
    expect(neutraliseCell("'=already")).toBe("'=already");
  });

  it('neutralises a negative number too (a spreadsheet reads -1+1 as a formula)', () => {
    expect(neutraliseCell('-1+1')).toBe("'-1+1");
  });
});

describe('the size a row takes in the answer', () => {
  const hostile = [
    ['plain', 'José Núñez', '1'],
    ['"quoted"', 'a,b', 'line\nbreak', 'cr\r\nlf', '\ttab', 'back\\slash'],
    ['\u0001\u0002\u001f', '😀 emoji', '"'.repeat(50), ''],
    ['', '', ''],
  ];
  for (const row of hostile)
    it(`is never less than what the CSV library writes, JSON-escaped: ${JSON.stringify(row).slice(0, 40)}`, () => {
      // The header row (here: empty) and the byte order mark are counted apart.
      const csv = csvFile([], [row]).replace(/^\uFEFF\r\n/, '');
      const inResponse = Buffer.byteLength(JSON.stringify(csv), 'utf8') - 2;
      expect(csvRowBytes(row)).toBeGreaterThanOrEqual(inResponse);
      // …and not wildly more, so parts are not cut needlessly short.
      expect(csvRowBytes(row)).toBeLessThanOrEqual(inResponse * 2 + 20);
    });
});

let birth: Form;
let death: Form;
async function forms(): Promise<ExportForm[]> {
  const b = await compiledForm('birth-certificate-request');
  const d = await compiledForm('death-certificate-request');
  birth = b.form;
  death = d.form;
  return [
    { serviceId: b.service.id, serviceTitle: b.service.title, form: b.form },
    { serviceId: d.service.id, serviceTitle: d.service.title, form: d.form },
  ];
}

function submission(i: number, extra: Partial<Submission> = {}): Submission {
  const submittedAt = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
  return {
    code: `C${String(i).padStart(6, '0')}`,
    formId: 'birth-certificate-request',
    serviceId: 'birth-certificate',
    agency: 'vital-records',
    status: 'received',
    locale: 'es',
    channel: 'web',
    answers: {
      relationship: 'child',
      parentOnCertificate: 'yes',
      fullName: { given: 'Persona', family: `${i}` },
      dateOfBirth: '2020-01-02',
      placeOfBirth: 'Cañón',
      parentOneName: `Madre ${i}`,
      copies: 2,
      email: `p${i}@example.com`,
    },
    submittedAt,
    updatedAt: submittedAt,
    ...extra,
  };
}

describe('the columns', () => {
  it('are the case’s own, then each question with its form’s label, in the staff member’s language', async () => {
    const columns = exportColumns((await forms()).slice(0, 1), 'es', strings);
    expect(columns.map((c) => c.header)).toEqual([
      'Código de confirmación',
      'Servicio',
      'Estado',
      'Enviada (UTC)',
      'Último cambio (UTC)',
      'Asignada a',
      'Pago',
      'Monto pagado',
      'Monto reembolsado',
      'Moneda',
      // The question as asked, without the "(optional)" the form adds for the person filling it in.
      ...birth.fields.map((f) => bareLabel(f, 'es')),
    ]);
    const row = exportRow(columns, submission(1));
    expect(row.slice(0, 3)).toEqual(['C000001', 'Pedir un acta de nacimiento', 'Recibida']);
    // A choice shows its label, not its stored value; a date as people write it.
    expect(row).toContain('De mi hijo o hija');
    expect(row).toContain('2 de enero de 2020');
    expect(row).toContain('2');
  });

  it('put a repeating page ("add another") in one column: each item with its answers, as the case page words them', async () => {
    const snap = await compiledForm('snap-application');
    const columns = exportColumns(
      [{ serviceId: snap.service.id, serviceTitle: snap.service.title, form: snap.form }],
      'en',
      strings,
    );
    const page = snap.form.pages?.find((candidate) => candidate.group);
    const at = columns.findIndex((column) => column.header === page?.title.en);
    expect(at).toBeGreaterThan(0);
    const members = [
      { memberName: { given: 'Ana', family: 'Díaz' }, memberBirth: '2015-03-04', memberIncome: 12_550 },
      { memberName: { given: 'Leo', family: 'Díaz' } },
    ];
    const row = exportRow(columns, {
      ...submission(1),
      formId: snap.form.id,
      serviceId: snap.service.id,
      answers: { [page?.id ?? '']: members } as unknown as Submission['answers'],
    });
    expect(row[at]).toBe('Person 1: Ana Díaz, March 4, 2015, $125.50; Person 2: Leo Díaz');
  });

  it('prefix each question with its form when several forms are exported, and leave other forms’ cells empty', async () => {
    const columns = exportColumns(await forms(), 'en', strings);
    const headers = columns.map((c) => c.header);
    const fullName = birth.fields.find((field) => field.name === 'fullName')!;
    expect(headers).toContain(`${birth.title.en}: ${bareLabel(fullName, 'en')}`);
    expect(headers).toContain(`${death.title.en}: ${bareLabel(death.fields[0]!, 'en')}`);
    const row = exportRow(columns, submission(1));
    expect(row[headers.indexOf(`${death.title.en}: ${bareLabel(death.fields[0]!, 'en')}`)]).toBe('');
    expect(row[headers.indexOf(`${birth.title.en}: ${bareLabel(fullName, 'en')}`)]).toBe('Persona 1');
  });

  it('keep what earlier versions asked: their own questions in their own columns, answers read as they were asked', async () => {
    const [v2, v1] = await Promise.all([
      compiledForm('business-registration-application'),
      compiledForm('business-registration-application@1'),
    ]);
    const columns = exportColumns(
      [{ serviceId: v2.service.id, serviceTitle: v2.service.title, form: v2.form, earlier: [v1.form] }],
      'es',
      strings,
    );
    const headers = columns.map((column) => column.header);
    const street = v1.form.fields.find((field) => field.name === 'streetAddress')!;
    const streetAt = headers.indexOf(`${bareLabel(street, 'es')} (versión 1)`);
    expect(streetAt).toBeGreaterThan(0);
    // A question both versions ask is one column, under the current version's label.
    const yourName = v2.form.fields.find((field) => field.name === 'yourName')!;
    const nameAt = headers.indexOf(bareLabel(yourName, 'es'));
    expect(headers.filter((header) => header.startsWith(bareLabel(yourName, 'es')))).toHaveLength(1);
    const old = exportRow(columns, {
      ...submission(5),
      formId: v2.form.id,
      serviceId: v2.service.id,
      formVersion: 1,
      answers: { businessName: 'Taller Núñez', streetAddress: '1 Calle Mayor', yourName: 'Ana Núñez' },
    });
    expect(old[streetAt]).toBe('1 Calle Mayor');
    // Version 1 asked for the name as one line of text; version 2 asks for its parts. The line stays whole.
    expect(old[nameAt]).toBe('Ana Núñez');
    const current = exportRow(columns, {
      ...submission(6),
      formId: v2.form.id,
      serviceId: v2.service.id,
      formVersion: 2,
      answers: { businessName: 'Taller Díaz', yourName: { given: 'Leo', family: 'Díaz' } },
    });
    expect(current[streetAt]).toBe('');
    expect(current[nameAt]).toBe('Leo Díaz');
  });

  it('show payment state and amounts, and "Not paid" when nobody paid', async () => {
    const columns = exportColumns((await forms()).slice(0, 1), 'en', strings);
    const paid = exportRow(
      columns,
      submission(2, {
        payment: { id: 'p', state: 'partially-refunded', amount: 2500, refunded: 500, currency: 'usd', updatedAt: '' },
        assignedTo: { subject: 's', name: 'Vera Staff' },
      }),
    );
    expect(paid.slice(5, 10)).toEqual(['Vera Staff', 'Paid, partly refunded', '25.00', '5.00', 'USD']);
    expect(exportRow(columns, submission(3)).slice(6, 10)).toEqual(['Not paid', '', '', '']);
  });

  it('neutralise what a citizen typed', async () => {
    const columns = exportColumns((await forms()).slice(0, 1), 'en', strings);
    const row = exportRow(columns, submission(4, { answers: { parentOneName: '=HYPERLINK("http://evil")', email: '@SUM(1)' } }));
    expect(row).toContain('\'=HYPERLINK("http://evil")');
    expect(row).toContain("'@SUM(1)");
  });
});

function queueOf(cases: Submission[]) {
  // As the queue index holds them: the queue's columns only (decision 0140); the answers come from wholeCases.
  const queued: QueueCase[] = cases.map((s) => ({
    ...(Object.fromEntries(QUEUE_ROW_FIELDS.flatMap((f) => (s[f] === undefined ? [] : [[f, s[f]]]))) as QueueRow),
    sortKey: sortKeyOf(s),
  }));
  let queries = 0;
  const store: QueueStore = {
    shards: SHARDS,
    async queryShard(q) {
      queries++;
      const ordered = queued
        .filter((c) => Number(c.code.slice(1)) % SHARDS === q.shard && c.status === q.status && c.agency === q.agency)
        .sort((a, b) => (q.ascending ? a.sortKey.localeCompare(b.sortKey) : b.sortKey.localeCompare(a.sortKey)))
        .filter((c) => q.after === undefined || (q.ascending ? c.sortKey > q.after : c.sortKey < q.after));
      const looked = ordered.slice(0, q.limit);
      const items = looked.filter(
        (c) => (!q.serviceId || c.serviceId === q.serviceId) && (!q.assignedTo || c.assignedTo?.subject === q.assignedTo),
      );
      return { items, ...(ordered.length > q.limit && { lastKey: looked.at(-1)?.sortKey }) };
    },
    async countByStatus() {
      return Object.fromEntries(STATUSES.map((s) => [s, 0])) as never;
    },
    async oldestOpen() {
      return undefined;
    },
    async findByEmail() {
      return [];
    },
    async wholeCases(codes) {
      return cases.filter((c) => codes.includes(c.code)).reverse();
    },
  };
  return { store, queries: () => queries };
}

async function allParts(store: QueueStore, filter: QueueFilter, limits: { rows: number; bytes: number }) {
  const columns = exportColumns(await forms(), 'en', strings);
  const parts: string[][] = [];
  let cursor: Parameters<typeof readExportPart>[2];
  for (let guard = 0; guard < 1000; guard++) {
    const part = await readExportPart('vital-records', filter, cursor, store, columns, limits);
    expect(part.header[0]).toBe('Confirmation code');
    parts.push(part.rows.map((r) => r[0] as string));
    if (!part.next) return parts;
    cursor = part.next;
  }
  throw new Error('the export never ended');
}

describe('reading the export in parts', () => {
  const cases = Array.from({ length: 333 }, (_, i) =>
    submission(i, i % 3 === 0 ? { serviceId: 'death-certificate', formId: 'death-certificate-request' } : {}),
  );
  const oldest: QueueFilter = { status: 'received', order: 'oldest' };

  it('gives every case once, in the queue’s order, across parts of at most the row limit', async () => {
    const { store } = queueOf(cases);
    const parts = await allParts(store, oldest, { rows: 50, bytes: 10_000_000 });
    expect(parts.every((p) => p.length <= 50)).toBe(true);
    expect(parts).toHaveLength(7);
    expect(parts.flat()).toEqual(cases.map((c) => c.code));
  });

  it('keeps the filter (one service, newest first)', async () => {
    const { store } = queueOf(cases);
    const parts = await allParts(store, { ...oldest, order: 'newest', serviceId: 'death-certificate' }, { rows: 20, bytes: 1e7 });
    expect(parts.flat()).toEqual(
      cases
        .filter((c) => c.serviceId === 'death-certificate')
        .map((c) => c.code)
        .reverse(),
    );
  });

  it('stops a part at a whole row before it grows past the byte limit', async () => {
    const { store } = queueOf(cases);
    const parts = await allParts(store, oldest, { rows: 5000, bytes: 4000 });
    expect(parts.length).toBeGreaterThan(5);
    expect(parts.flat()).toEqual(cases.map((c) => c.code));
  });

  it('takes each row from the whole case (the table), not the queue index, which holds no answers', async () => {
    const { store } = queueOf(cases);
    const shown = await readQueuePage('vital-records', oldest, undefined, store);
    expect(shown.items[0]).not.toHaveProperty('answers');
    const columns = exportColumns(await forms(), 'en', strings);
    const part = await readExportPart('vital-records', oldest, undefined, store, columns, { rows: 3, bytes: 1e7 });
    expect(part.rows).toEqual(cases.slice(0, 3).map((c) => exportRow(columns, c)));
    expect(part.rows[1]).toContain('Madre 1'); // a birth certificate request's answer
  });

  it('reads each case about once, not once per shard', async () => {
    const { store, queries } = queueOf(cases);
    await allParts(store, oldest, { rows: 5000, bytes: 1e7 });
    // 333 cases, 40 per shard a round: one round reads everything, a second finds the shards done.
    expect(queries()).toBeLessThanOrEqual(SHARDS * 2);
  });

  it('ends a part asked for by its range at its last case, whatever the row limit', async () => {
    const { store } = queueOf(cases);
    const columns = exportColumns(await forms(), 'en', strings);
    const after = { key: sortKeyOf(cases[9] as Submission), direction: 'next' as const };
    const part = await readExportPart('vital-records', oldest, after, store, columns, {
      rows: 5000,
      bytes: 1e7,
      until: sortKeyOf(cases[19] as Submission),
    });
    expect(part.rows.map((r) => r[0])).toEqual(cases.slice(10, 20).map((c) => c.code));
    expect(part.next).toBeUndefined();
    const newest = await readExportPart('vital-records', { ...oldest, order: 'newest' }, undefined, store, columns, {
      rows: 5000,
      bytes: 1e7,
      until: sortKeyOf(cases[330] as Submission),
    });
    expect(newest.rows.map((r) => r[0])).toEqual(['C000332', 'C000331', 'C000330']);
  });

  it('gives a file with only the header row for an empty queue', async () => {
    const { store } = queueOf([]);
    expect(await allParts(store, oldest, { rows: 50, bytes: 1e7 })).toEqual([[]]);
  });
});

describe('exporting the queue', () => {
  const cases = Array.from({ length: 30 }, (_, i) => submission(i));
  function deps() {
    const fake = inMemoryCaseStore();
    const { store: queue } = queueOf(cases);
    return {
      fake,
      deps: {
        queue,
        store: fake.store,
        strings,
        now: () => NOW,
        retentionDays: 30,
        formsOf: async (_agency: string, serviceId?: string) =>
          (await forms()).filter((f) => serviceId === undefined || f.serviceId === serviceId),
      },
    };
  }
  const filter: QueueFilter = { status: 'received', order: 'oldest', serviceId: 'birth-certificate' };

  it('gives the agency’s staff a named file and audits who exported which filter, from where', async () => {
    const { fake, deps: d } = deps();
    const exported = await exportQueue({ caller: staff, agency: 'vital-records', filter, part: 1, locale: 'en', from }, d);
    expect(exported.rows).toHaveLength(30);
    expect(exported.header).toContain(birth.fields[0]?.label.en);
    expect(exported.header).not.toContain(death.fields[0]?.label.en);
    expect(exported.filename).toBe('vital-records-received-birth-certificate-2026-12-01.csv');
    expect(fake.audit).toEqual([
      expect.objectContaining({
        action: 'queue.export',
        record: 'QUEUE#vital-records?status=received&order=oldest&service=birth-certificate',
        actor: { subject: 'sub-staff', name: 'Vera Staff', agency: 'vital-records' },
        detail: { part: '1', rows: '30' },
        from,
        at: NOW.toISOString(),
      }),
    ]);
  });

  const refused: [string, Caller][] = [
    ['staff of another agency', { kind: 'person', subject: 'o', groups: ['staff:revenue'] }],
    ['a citizen', { kind: 'person', subject: 'c', groups: ['citizen'] }],
    ['an administrator who is not the agency’s staff', { kind: 'person', subject: 'a', groups: ['admin'] }],
    ['a machine', { kind: 'machine', clientId: 'm', scopes: ['frontdoor/bills'] }],
    ['nobody', { kind: 'anonymous' }],
  ];
  for (const [who, caller] of refused)
    it(`tells ${who} the queue does not exist, and writes nothing`, async () => {
      const { fake, deps: d } = deps();
      await expect(exportQueue({ caller, agency: 'vital-records', filter, part: 1, locale: 'en', from }, d)).rejects.toThrow(
        NotFoundError,
      );
      expect(fake.audit).toEqual([]);
    });

  it('refuses a part asked for by its range that does not fit one file, saying how many rows do, and audits nothing', async () => {
    const { fake, deps: d } = deps();
    const until = sortKeyOf(cases[29] as Submission);
    // A whole range of 30 cases that would take more than the byte budget: nothing is handed over in pieces.
    const big = cases.map((c) => ({ ...c, answers: { ...c.answers, parentOneName: 'x'.repeat(200_000) } }));
    const { store: queue } = queueOf(big);
    const error = await exportQueue(
      { caller: staff, agency: 'vital-records', filter, part: 2, of: 3, until, locale: 'en', from },
      { ...d, queue },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportPartTooLargeError);
    expect((error as ExportPartTooLargeError).fits).toBe(19);
    expect((error as ExportPartTooLargeError).message).toBe(
      'This part does not fit in one file. Ask for parts of at most 19 cases (size).',
    );
    expect(fake.audit).toEqual([]);
  });

  it('names a part asked for from the parts page "part n of m", and audits its range', async () => {
    const { fake, deps: d } = deps();
    const after = { key: sortKeyOf(cases[9] as Submission), direction: 'next' as const };
    const until = sortKeyOf(cases[19] as Submission);
    const exported = await exportQueue(
      { caller: staff, agency: 'vital-records', filter, cursor: after, part: 2, of: 3, until, locale: 'en', from },
      d,
    );
    expect(exported.rows).toHaveLength(10);
    expect(exported.filename).toBe('vital-records-received-birth-certificate-2026-12-01-part-2-of-3.csv');
    expect(fake.audit[0]?.detail).toEqual({ part: '2', of: '3', until, after: after.key, rows: '10' });
  });

  it('names parts in the file name and the filter in the audit record', () => {
    const f: QueueFilter = { status: 'in-review', order: 'newest', assignedTo: 'sub' };
    expect(exportFilename('revenue', f, NOW, 1, true)).toBe('revenue-in-review-mine-2026-12-01-part-1.csv');
    expect(exportFilename('revenue', f, NOW, 3, false)).toBe('revenue-in-review-mine-2026-12-01-part-3.csv');
    expect(exportFilename('revenue', f, NOW, 1, false, 4)).toBe('revenue-in-review-mine-2026-12-01-part-1-of-4.csv');
    expect(exportFilename('revenue', f, NOW, 1, false, 1)).toBe('revenue-in-review-mine-2026-12-01.csv');
    expect(exportRecord('revenue', f)).toBe('QUEUE#revenue?status=in-review&order=newest&mine=yes');
  });
});
