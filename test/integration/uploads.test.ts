/**
 * Uploads through the real local front door and the local S3 (s3rver, the real SDK), as a browser without
 * JavaScript sends them: the presigned POST the page carries (its policy decoded), a file posted straight to the
 * bucket and the bucket's redirect to the release step, which refuses what the policy would have refused on AWS
 * (too big, the wrong kind by content, too many) and deletes it; the stand-in scanner's EICAR verdict removing the
 * file and telling the person; the files released on "Send"; and staff opening them, each open audited.
 */
import { HeadObjectCommand, ListObjectsV2Command, PutObjectTaggingCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILENAME_VARIABLE } from '#domain/uploads';
import { apiPath } from '#ui/paths.ts';
import { EICAR } from '../../local/s3-local.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { type StaffSession, signInToStaffPages, staffGet } from '../support/staff-session.ts';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.close();
});

const FORM = 'veteran-designation-request';
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 1)]);

async function post(path: string, body: Record<string, string>) {
  return fetch(portal.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams(body),
  });
}

async function answer(path: string, body: Record<string, string>): Promise<string> {
  const response = await post(path, body);
  expect(response.status, await response.clone().text()).toBe(303);
  return response.headers.get('location') ?? '';
}

/** The first two pages answered: the file page's address. */
async function toFilePage(): Promise<string> {
  const second = await answer(`/api/forms/${FORM}/drafts?lang=en`, {
    licenseNumber: 'D12345678',
    'dateOfBirth-month': '4',
    'dateOfBirth-day': '28',
    'dateOfBirth-year': '1986',
    email: 'ana@example.com',
  });
  const filePage = await answer(second, {
    branch: 'navy',
    'dischargeDate-month': '6',
    'dischargeDate-day': '1',
    'dischargeDate-year': '2010',
  });
  expect(filePage).toContain('/pages/discharge-papers');
  return filePage;
}

const decode = (text: string) =>
  text
    .replaceAll('&amp;', '&')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>');

/** The upload form on the page: where it posts and its hidden fields, in order. */
function uploadFormOf(html: string): { url: string; fields: [string, string][] } {
  const form = /<form[^>]*data-upload-form[^>]*>([\s\S]*?)<\/form>/.exec(html);
  expect(form, 'the page has an upload form').toBeTruthy();
  const url = decode(/action="([^"]+)"/.exec(form![0])![1]!);
  const fields = [...form![1]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map(
    (match) => [decode(match[1]!), decode(match[2]!)] as [string, string],
  );
  return { url, fields };
}

/** What a browser does with the upload form: a multipart POST to the bucket, the file last. */
async function upload(pagePath: string, name: string, content: Buffer, type = 'application/pdf') {
  const page = await fetch(portal.url + pagePath, { headers: { accept: 'text/html' } });
  const { url, fields } = uploadFormOf(await page.text());
  const body = new FormData();
  for (const [field, value] of fields) body.append(field, value);
  body.append('file', new Blob([new Uint8Array(content)], { type }), name);
  const stored = await fetch(url, { method: 'POST', body, redirect: 'manual' });
  expect(stored.status).toBe(303);
  const release = stored.headers.get('location') ?? '';
  expect(release.startsWith(portal.url)).toBe(true);
  await portal.uploads.settle();
  return fetch(release, { headers: { accept: 'text/html' }, redirect: 'manual' });
}

async function keysUnder(prefix: string): Promise<string[]> {
  const listed = await portal.uploads.client.send(new ListObjectsV2Command({ Bucket: portal.uploads.bucket, Prefix: prefix }));
  return (listed.Contents ?? []).map((object) => object.Key ?? '');
}

describe('the upload form a file page carries', () => {
  it("is a presigned POST whose policy holds the upload's prefix, the size range, the content type and the redirect", async () => {
    const pagePath = await toFilePage();
    const html = await (await fetch(portal.url + pagePath, { headers: { accept: 'text/html' } })).text();
    const { url, fields } = uploadFormOf(html);
    expect(url).toBe(`${portal.uploads.endpoint}/${portal.uploads.bucket}`);
    const named = Object.fromEntries(fields);
    const draftId = /drafts\/([^/]+)\/pages/.exec(pagePath)?.[1];
    expect(named.key).toMatch(new RegExp(`^drafts/${draftId}/dischargePapers/[A-Za-z0-9_-]{22}/\\$\\{filename\\}$`));
    const policy = JSON.parse(Buffer.from(named.Policy ?? '', 'base64').toString('utf8')) as {
      expiration: string;
      conditions: unknown[];
    };
    const prefix = (named.key ?? '').replace(FILENAME_VARIABLE, '');
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['starts-with', '$key', prefix],
        ['content-length-range', 1, 10 * 1024 * 1024],
        { 'Content-Type': 'application/octet-stream' },
        { bucket: portal.uploads.bucket },
        { success_action_redirect: named.success_action_redirect },
      ]),
    );
    expect(named.success_action_redirect).toContain(`${portal.url}/api/forms/${FORM}/drafts/${draftId}/uploads/dischargePapers/`);
    const minutes = (Date.parse(policy.expiration) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(25);
    expect(minutes).toBeLessThanOrEqual(30);
    // The file input comes after every field S3 must read first, and the form works without JavaScript.
    expect(html.indexOf('name="file"')).toBeGreaterThan(html.indexOf('name="Policy"'));
    expect(html).toMatch(/<form[^>]*enctype="multipart\/form-data"/);
  });
});

describe('the release step', () => {
  it('keeps a PDF, shows its name and no link, and the scan marks it checked', async () => {
    const pagePath = await toFilePage();
    const released = await upload(pagePath, 'dd214 scan.pdf', PDF);
    expect(released.status).toBe(303);
    const page = await (
      await fetch(portal.url + (released.headers.get('location') ?? ''), { headers: { accept: 'text/html' } })
    ).text();
    expect(page).toContain('dd214 scan.pdf');
    expect(page).toMatch(/data-file-state="checked"/);
    expect(page).not.toContain(`${portal.uploads.endpoint}/${portal.uploads.bucket}/drafts`);
  });

  it('refuses a file larger than the question takes, deletes it and names the question', async () => {
    const pagePath = await toFilePage();
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)]);
    const refused = await upload(pagePath, 'huge.pdf', big);
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('Your DD-214 or other discharge papers: “huge.pdf” is larger than 10 MB. Choose a smaller file');
    const draftId = /drafts\/([^/]+)\/pages/.exec(pagePath)?.[1];
    expect(await keysUnder(`drafts/${draftId}/`)).toEqual([]);
  });

  it('refuses a program renamed .pdf: the content decides, not the name or the type the browser claims', async () => {
    const pagePath = await toFilePage();
    const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 0x90)]);
    const refused = await upload(pagePath, 'papers.pdf', program, 'application/pdf');
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('“papers.pdf” is not a PDF, JPG or PNG file');
    const draftId = /drafts\/([^/]+)\/pages/.exec(pagePath)?.[1];
    expect(await keysUnder(`drafts/${draftId}/`)).toEqual([]);
  });

  it('refuses a fourth file when the question takes three, even through an upload form signed before', async () => {
    const pagePath = await toFilePage();
    // A page opened in another tab before the three went up still holds a signed form.
    const early = uploadFormOf(await (await fetch(portal.url + pagePath, { headers: { accept: 'text/html' } })).text());
    for (const name of ['one.pdf', 'two.png', 'three.pdf'])
      expect((await upload(pagePath, name, name.endsWith('png') ? PNG : PDF, 'image/png')).status).toBe(303);
    const full = await (await fetch(portal.url + pagePath, { headers: { accept: 'text/html' } })).text();
    expect(full).toContain('data-files-full');
    expect(full).not.toContain('data-upload-form');
    const body = new FormData();
    for (const [field, value] of early.fields) body.append(field, value);
    body.append('file', new Blob([new Uint8Array(PDF)]), 'four.pdf');
    const stored = await fetch(early.url, { method: 'POST', body, redirect: 'manual' });
    await portal.uploads.settle();
    const refused = await fetch(stored.headers.get('location') ?? '', { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('you can attach at most 3 files');
    const draftId = /drafts\/([^/]+)\/pages/.exec(pagePath)?.[1];
    expect((await keysUnder(`drafts/${draftId}/`)).map((key) => key.split('/').at(-1)).sort()).toEqual([
      'one.pdf',
      'three.pdf',
      'two.png',
    ]);
  });
});

describe('the way the script uploads (JSON)', () => {
  it('signs one file of an accepted type, takes it with 201, and releases it', async () => {
    const pagePath = await toFilePage();
    const draftId = /drafts\/([^/]+)\/pages/.exec(pagePath)?.[1] ?? '';
    const ask = (body: unknown) =>
      fetch(portal.url + apiPath('presignUpload', { formId: FORM, draftId }, { lang: 'en' }), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
    const refused = await ask({ question: 'dischargePapers', name: 'setup.exe', type: 'application/x-msdownload' });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      error: {
        code: 'invalid_answers',
        fields: [{ field: 'dischargePapers', message: expect.stringContaining('“setup.exe” is not a PDF, JPG or PNG file') }],
      },
    });
    const signed = await ask({ question: 'dischargePapers', name: 'dd214.pdf', type: 'application/pdf' });
    expect(signed.status).toBe(200);
    const presigned = (await signed.json()) as { url: string; fields: Record<string, string>; release: string };
    expect(presigned.fields['Content-Type']).toBe('application/pdf');
    expect(presigned.fields.success_action_status).toBe('201');
    const policy = JSON.parse(Buffer.from(presigned.fields.Policy ?? '', 'base64').toString('utf8')) as { conditions: unknown[] };
    expect(policy.conditions).toContainEqual({ 'Content-Type': 'application/pdf' });
    const body = new FormData();
    for (const [field, value] of Object.entries(presigned.fields)) body.append(field, value);
    body.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'dd214.pdf');
    expect((await fetch(presigned.url, { method: 'POST', body })).status).toBe(201);
    await portal.uploads.settle();
    const released = await fetch(portal.url + presigned.release, { headers: { accept: 'application/json' } });
    expect(released.status).toBe(200);
    expect(await released.json()).toMatchObject({ file: { name: 'dd214.pdf', size: PDF.length, kind: 'pdf' }, page: pagePath });
  });
});

describe('the malware scan', () => {
  it('removes a file carrying the EICAR test string and tells the person on the form', async () => {
    const pagePath = await toFilePage();
    const infected = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(EICAR), Buffer.from('\n%%EOF\n')]);
    const refused = await upload(pagePath, 'infected.pdf', infected);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain(
      'Your DD-214 or other discharge papers: we removed “infected.pdf” because our virus check found a threat in it. Upload a clean copy',
    );
    const draftId = /drafts\/([^/]+)\/pages/.exec(pagePath)?.[1];
    expect(await keysUnder(`drafts/${draftId}/`)).toEqual([]);
    const html = await (await fetch(portal.url + pagePath, { headers: { accept: 'text/html' } })).text();
    expect(html).toContain('data-no-files');
    // Nothing to send: the question still needs a file.
    const next = await post(pagePath, { _continue: '1' });
    expect(next.status).toBe(422);
    expect(await next.text()).toContain('Upload your DD-214 or other discharge papers');
  });

  it.each([
    ['THREATS_FOUND', 'found a threat in it'],
    ['UNSUPPORTED', 'could not read it'],
    ['FAILED', 'could not read it'],
  ])('removes a kept file when the scan later says %s, and says so on the page', async (verdict, words) => {
    const pagePath = await toFilePage();
    expect((await upload(pagePath, 'late.pdf', PDF)).status).toBe(303);
    const draftId = /drafts\/([^/]+)\/pages/.exec(pagePath)?.[1];
    const [key] = await keysUnder(`drafts/${draftId}/`);
    // GuardDuty's verdict arriving after the release step kept the file.
    await portal.uploads.client.send(
      new PutObjectTaggingCommand({
        Bucket: portal.uploads.bucket,
        Key: key,
        Tagging: { TagSet: [{ Key: 'GuardDutyMalwareScanStatus', Value: verdict }] },
      }),
    );
    const html = await (await fetch(portal.url + pagePath, { headers: { accept: 'text/html' } })).text();
    expect(html).toContain(`we removed “late.pdf” because our virus check ${words}`);
    expect(html).toContain('data-no-files');
    expect(await keysUnder(`drafts/${draftId}/`)).toEqual([]);
  });

  it('holds "Send" back while a file is still being scanned, and sends nothing', async () => {
    const pagePath = await toFilePage();
    await upload(pagePath, 'slow.pdf', PDF);
    const draftId = /drafts\/([^/]+)\/pages/.exec(pagePath)?.[1];
    const [key] = await keysUnder(`drafts/${draftId}/`);
    // Not scanned yet: no verdict tag on it.
    await portal.uploads.client.send(
      new PutObjectTaggingCommand({ Bucket: portal.uploads.bucket, Key: key, Tagging: { TagSet: [] } }),
    );
    const check = await answer(pagePath, { _continue: '1' });
    const checkPage = await (await fetch(portal.url + check, { headers: { accept: 'text/html' } })).text();
    const idempotency = /name="_idempotency" value="([^"]+)"/.exec(checkPage)?.[1] ?? '';
    const held = await post(apiPath('submitForm', { formId: FORM }, { lang: 'en' }), {
      _draft: draftId ?? '',
      _idempotency: idempotency,
    });
    expect(held.status).toBe(422);
    expect(await held.text()).toContain('we are still checking “slow.pdf” for viruses. Wait a minute, then send again');
    expect(await keysUnder(`drafts/${draftId}/`)).toHaveLength(1);
    expect((await portal.items()).some((item) => item.type === 'submission' && JSON.stringify(item).includes('slow.pdf'))).toBe(
      false,
    );
  });
});

describe('sending and staff opening the files', () => {
  let staff: StaffSession;
  let code: string;
  let fileLinks: string[];

  beforeAll(async () => {
    const pagePath = await toFilePage();
    await upload(pagePath, 'dd214.pdf', PDF);
    await upload(pagePath, 'photo.png', PNG, 'image/png');
    const check = await answer(pagePath, { _continue: '1' });
    const checkPage = await (await fetch(portal.url + check, { headers: { accept: 'text/html' } })).text();
    expect(checkPage).toContain('dd214.pdf, photo.png');
    const draftId = /name="_draft" value="([^"]+)"/.exec(checkPage)?.[1] ?? '';
    const idempotency = /name="_idempotency" value="([^"]+)"/.exec(checkPage)?.[1] ?? '';
    const sent = await answer(apiPath('submitForm', { formId: FORM }, { lang: 'en' }), {
      _draft: draftId,
      _idempotency: idempotency,
    });
    code = /\/status\/([^?]+)/.exec(sent)?.[1] ?? '';
    expect(code).not.toBe('');
    staff = await signInToStaffPages(portal.url, { persona: 'staff.motor-vehicles', idp: 'ExampleStaff' });
    const casePage = await (await staffGet(portal.url, staff, apiPath('casePage', { code }, { lang: 'en' }))).text();
    fileLinks = [...casePage.matchAll(/href="([^"]+)" data-case-file="([^"]+)"/g)].map((match) => decode(match[1]!));
  });

  it('moves the clean files where staff can open them, and the case page lists both', async () => {
    expect(fileLinks).toHaveLength(2);
    expect((await keysUnder('files/')).length).toBeGreaterThanOrEqual(2);
  });

  it('opens each through a link that works for a minute, with the file as sent, and audits every open', async () => {
    const before = (await portal.items()).filter((item) => item.action === 'case.file').length;
    const opened = await staffGet(portal.url, staff, fileLinks[0]!);
    expect(opened.status).toBe(303);
    const link = new URL(opened.headers.get('location') ?? '');
    expect(link.origin).toBe(portal.uploads.endpoint);
    expect(link.searchParams.get('X-Amz-Expires')).toBe('60');
    const file = await fetch(link);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    expect(file.headers.get('content-disposition')).toContain('dd214.pdf');
    await staffGet(portal.url, staff, fileLinks[1]!);
    const audited = (await portal.items()).filter((item) => item.action === 'case.file');
    expect(audited.length - before).toBe(2);
    expect(audited[0]).toMatchObject({ record: code, detail: { question: 'dischargePapers' } });
    // In the staff member's activity too (gsi2), like every other audited act; never the file's name.
    expect(String(audited[0]?.gsi2pk)).toMatch(/^ACTOR#motor-vehicles#/);
    expect(JSON.stringify(audited)).not.toContain('dd214.pdf');
    const head = await portal.uploads.client.send(
      new HeadObjectCommand({ Bucket: portal.uploads.bucket, Key: new URL(link).pathname.split('/').slice(2).join('/') }),
    );
    expect(head.ContentType).toBe('application/pdf');
  });

  it('refuses staff of another agency, and audits nothing for them', async () => {
    const other = await signInToStaffPages(portal.url, { persona: 'staff.vital-records', idp: 'ExampleStaff' });
    const before = (await portal.items()).filter((item) => item.action === 'case.file').length;
    const refused = await staffGet(portal.url, other, fileLinks[0]!);
    expect(refused.status).toBe(404);
    expect((await portal.items()).filter((item) => item.action === 'case.file').length).toBe(before);
  });
});

describe("the lifecycle rule for drafts' files", () => {
  it("deletes a draft's files after the draft could no longer be sent, and never a sent form's", async () => {
    const sentBefore = await keysUnder('files/');
    const pagePath = await toFilePage();
    await upload(pagePath, 'left.pdf', PDF);
    const later = new Date(Date.now() + 32 * 24 * 60 * 60 * 1000);
    const removed = await portal.uploads.expireDraftFiles(later);
    expect(removed.some((key) => key.endsWith('/left.pdf'))).toBe(true);
    expect(await keysUnder('files/')).toEqual(sentBefore);
  });
});
