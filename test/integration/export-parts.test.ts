/**
 * The export's parts page (decision 0067) over real HTTP against the local portal: every part of the queue
 * filter listed with its cases and a download link; the parts, downloaded with the workspace's cookie, hold
 * every case once, also when a case leaves the filter between two downloads. `size` (cases a part) is the knob
 * that lets 7 cases make 3 parts here instead of 5,001 cases making 2.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath } from '#ui/paths.ts';
import { paymentHelpers } from '../support/payments.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { signIn } from '../support/sign-in.ts';
import { type StaffSession, signInToStaffPages, staffGet } from '../support/staff-session.ts';

let portal: TestPortal;
let staff: StaffSession;
let otherStaff: StaffSession;
let bearer: string;
const codes: string[] = [];
const PARTS = apiPath('exportPartsPage', { agency: 'vital-records' });

beforeAll(async () => {
  portal = await startTestPortal();
  [staff, otherStaff] = await Promise.all([
    signInToStaffPages(portal.url, { persona: 'staff.vital-records', idp: 'ExampleStaff' }),
    signInToStaffPages(portal.url, { persona: 'staff.revenue', idp: 'ExampleStaff' }),
  ]);
  bearer = (await signIn(portal.url, { persona: 'staff.vital-records', idp: 'ExampleStaff' })).tokens.access_token;
  const { apply } = paymentHelpers(() => portal);
  for (let i = 0; i < 7; i++) codes.push(await apply());
});
afterAll(async () => {
  await portal?.close();
});

const fromHtml = (href: string) => href.replaceAll('&amp;', '&');

/** The parts page's links, in order. */
function partLinks(page: string): string[] {
  return [...page.matchAll(/<a [^>]*href="([^"]+)"[^>]*data-export-part="(\d+)"/g)].map((m) => fromHtml(m[1] as string));
}

async function download(href: string) {
  const response = await staffGet(portal.url, staff, href);
  expect(response.status).toBe(200);
  const rows = parse(await response.text(), { bom: true, columns: true }) as Record<string, string>[];
  return { filename: response.headers.get('content-disposition'), codes: rows.map((r) => r['Confirmation code']) };
}

describe('the parts page of a queue export', () => {
  it('is linked from the queue page, with the queue’s filter', async () => {
    const queue = await (await staffGet(portal.url, staff, apiPath('agencyQueuePage', { agency: 'vital-records' }))).text();
    const href = /href="([^"]+)"[^>]*data-export-parts-link/.exec(queue)?.[1];
    expect(fromHtml(href ?? '')).toBe(
      apiPath('exportPartsPage', { agency: 'vital-records' }, { status: 'received', order: 'oldest', lang: 'en' }),
    );
  });

  it('lists every part: part n of m, which cases, a download link each', async () => {
    const response = await staffGet(portal.url, staff, `${PARTS}?status=received&size=3`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain(
      '7 cases match this filter (Received). A spreadsheet file holds up to 3 of them, so the download comes in 3 parts.',
    );
    for (const [part, range] of [
      [1, '1 to 3'],
      [2, '4 to 6'],
      [3, '7 to 7'],
    ] as const) {
      expect(page).toContain(`>Part ${part} of 3</th>`);
      expect(page).toContain(`>${range}</td>`);
      expect(page).toContain(`>Download part ${part} of 3 (CSV)</a>`);
    }
    expect(partLinks(page)).toHaveLength(3);
  });

  it('says it in Spanish too', async () => {
    const page = await (await staffGet(portal.url, staff, `${PARTS}?size=3&lang=es`)).text();
    expect(page).toContain('<html lang="es"');
    expect(page).toContain('>Parte 2 de 3</th>');
    expect(page).toContain('>Descargar la parte 3 de 3 (CSV)</a>');
  });

  it('gives parts that together hold every case once, named part n of m', async () => {
    const page = await (await staffGet(portal.url, staff, `${PARTS}?size=3`)).text();
    const parts = await Promise.all(partLinks(page).map(download));
    expect(parts.map((p) => p.codes.length)).toEqual([3, 3, 1]);
    expect(parts.flatMap((p) => p.codes).sort()).toEqual([...codes].sort());
    expect(parts[1]?.filename).toMatch(/^attachment; filename="vital-records-received-\d{4}-\d{2}-\d{2}-part-2-of-3\.csv"$/);
  });

  it('lists a long export a few parts a page, with a link to the next parts (decision 0127), every case once', async () => {
    const first = await (await staffGet(portal.url, staff, `${PARTS}?size=1`)).text();
    expect(first).toContain('here are parts 1 to 4, and the link after them lists the next ones');
    expect(first).toContain('>Part 1</th>');
    expect(first).toContain('>Download part 4 (CSV)</a>');
    const next = /<a [^>]*href="([^"]+)"[^>]*data-export-parts-next/.exec(first)?.[1];
    expect(next).toBeDefined();
    const second = await (await staffGet(portal.url, staff, fromHtml(next ?? ''))).text();
    expect(second).toContain('7 cases match this filter (Received), in 7 parts. Here are the last ones, parts 5 to 7.');
    expect(second).toContain('>Download part 7 of 7 (CSV)</a>');
    expect(second).not.toContain('data-export-parts-next');
    const links = [...partLinks(first), ...partLinks(second)];
    expect(links).toHaveLength(7);
    const parts = await Promise.all(links.map(download));
    expect(parts.map((p) => p.codes.length)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(parts.flatMap((p) => p.codes).sort()).toEqual([...codes].sort());
    // JSON says where the next page starts, as the page's link does.
    const json = (await (await staffGet(portal.url, staff, `${PARTS}?size=1`, { accept: 'application/json' })).json()) as {
      total?: number;
      parts: { of?: number }[];
      next?: { cursor: string; part: number };
    };
    expect(json.total).toBeUndefined();
    expect(json.parts).toHaveLength(4);
    expect(json.next?.part).toBe(5);
    expect(fromHtml(next ?? '')).toContain(`cursor=${json.next?.cursor}`);
  });

  it('keeps each part to its own cases when a case leaves the filter between two downloads', async () => {
    const page = await (await staffGet(portal.url, staff, `${PARTS}?size=3`)).text();
    const [first, second, third] = partLinks(page);
    const before = await download(second ?? '');
    // Someone moves the first part's first case on: the other parts must not shift by one.
    const leaving = (await download(first ?? '')).codes[0] ?? '';
    const moved = await fetch(`${portal.url}${apiPath('changeCaseStatus', { code: leaving })}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ status: 'in-review', version: '0' }),
    });
    expect(moved.status).toBe(200);
    expect((await download(second ?? '')).codes).toEqual(before.codes);
    expect((await download(third ?? '')).codes).toHaveLength(1);
    expect((await download(first ?? '')).codes).toHaveLength(2);
  });

  it('says so plainly when the filter has nothing, or fits one file', async () => {
    const none = await (await staffGet(portal.url, staff, `${PARTS}?status=denied`)).text();
    expect(none).toContain('No cases match this filter (Not approved), so there is nothing to download.');
    expect(partLinks(none)).toEqual([]);
    const one = await (await staffGet(portal.url, staff, PARTS)).text();
    expect(one).toMatch(/\d cases match this filter \(Received\)\. They fit in one file\./);
    expect(partLinks(one)).toHaveLength(1);
  });

  it('shows another agency’s staff nothing (404)', async () => {
    const response = await staffGet(portal.url, otherStaff, `${PARTS}?size=3`);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).not.toContain('data-export-part');
    for (const code of codes) expect(body).not.toContain(code);
  });
});
