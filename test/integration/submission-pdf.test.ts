/**
 * "A PDF of what was sent" over real HTTP against the local portal (DynamoDB Local, the local issuer, the staff
 * pages' cookie): who may have the copy, what it says (read back with unpdf), the agency's own PDF filled in,
 * and the staff download audited.
 */
import { PDFBool, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newConfirmationCode } from '#domain/confirmation-code';
import { apiPath } from '#ui/paths.ts';
import { BIRTH_CERTIFICATE_ANSWERS } from '../support/payments.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { signIn } from '../support/sign-in.ts';
import { type StaffSession, signInToStaffPages, staffGet } from '../support/staff-session.ts';

let portal: TestPortal;
let anaToken: string;
let benToken: string;
let dmvStaff: StaffSession;
let vitalStaff: StaffSession;
let birthCode: string;
let addressCode: string;

const ADDRESS_ANSWERS = {
  licenseNumber: 'D12345678',
  dateOfBirth: '1990-03-07',
  streetAddress: '12 Elm Street',
  city: 'Springfield',
  zipCode: '55501',
  moveDate: new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10),
  updateVehicles: 'yes',
  email: 'Ana@Example.com',
};

async function send(formId: string, answers: unknown, token?: string): Promise<string> {
  const route = token ? 'submitMyForm' : 'submitForm';
  const response = await fetch(`${portal.url}${apiPath(route, { formId })}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ answers }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { code: string }).code;
}

/** The copy a holder of the code asks for with the confirmation page's form (a plain form post). */
function askAsHolder(code: string, email: string, lang = 'en') {
  return fetch(`${portal.url}${apiPath('downloadSubmissionPdf', { code }, { lang })}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams({ email }).toString(),
  });
}

/**
 * The PDF's words as a reader extracts them (unpdf), its title, its document language and whether it is tagged
 * (pdf-lib; test/unit/adapters/submission-pdf.test.ts reads the tags themselves).
 */
async function pdfText(
  response: Response,
): Promise<{ text: string; pages: number; title?: string; lang?: string; tagged: boolean }> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  expect(response.headers.get('cache-control')).toBe('no-store');
  const bytes = new Uint8Array(await response.arrayBuffer());
  const doc = await PDFDocument.load(bytes);
  const lang = doc.catalog.lookupMaybe(PDFName.of('Lang'), PDFString)?.decodeText();
  const markInfo = doc.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  const tagged =
    markInfo?.lookupMaybe(PDFName.of('Marked'), PDFBool)?.asBoolean() === true && doc.catalog.has(PDFName.of('StructTreeRoot'));
  const pdf = await getDocumentProxy(bytes.slice());
  const { text } = await extractText(pdf, { mergePages: true });
  return { text: text.replace(/\s+/g, ' '), pages: pdf.numPages, title: doc.getTitle(), lang, tagged };
}

beforeAll(async () => {
  portal = await startTestPortal();
  anaToken = (await signIn(portal.url, { persona: 'ana.rivera', idp: 'LoginGov' })).tokens.access_token;
  benToken = (await signIn(portal.url, { persona: 'ben.okafor', idp: 'Google' })).tokens.access_token;
  dmvStaff = await signInToStaffPages(portal.url, { persona: 'staff.motor-vehicles', idp: 'ExampleStaff' });
  vitalStaff = await signInToStaffPages(portal.url, { persona: 'staff.vital-records', idp: 'ExampleStaff' });
  birthCode = await send('birth-certificate-request', BIRTH_CERTIFICATE_ANSWERS, anaToken);
  addressCode = await send('change-of-address-request', ADDRESS_ANSWERS);
});
afterAll(async () => {
  await portal?.close();
});

describe('the confirmation page', () => {
  it('offers the copy through a form that asks for the e-mail address, in the page language', async () => {
    const page = await (
      await fetch(`${portal.url}${apiPath('showStatus', { code: birthCode }, { submitted: '1', lang: 'es' })}`, {
        headers: { accept: 'text/html' },
      })
    ).text();
    expect(page).toContain(`action="${apiPath('downloadSubmissionPdf', { code: birthCode }, { lang: 'es' })}"`);
    expect(page).toContain('name="email"');
    expect(page).toContain('Descargar un PDF de mis respuestas');
  });
});

describe('a copy for whoever holds the code and the e-mail address', () => {
  it('is a tagged PDF of the answers in words, with the code and the date, titled and in English', async () => {
    const { text, title, lang, tagged } = await pdfText(await askAsHolder(birthCode, 'ana@example.com'));
    expect(tagged).toBe(true);
    expect(lang).toBe('en-US');
    expect(text).toContain(birthCode);
    expect(text).toContain('Ana Díaz');
    expect(text).toContain('May 1, 2019');
    expect(text).toContain('Your answers');
    expect(text).toContain('Sent on');
    expect(String(title)).toContain('what you sent');
  });

  it('is in Spanish when asked in Spanish, tagged too', async () => {
    const { text, title, lang, tagged } = await pdfText(await askAsHolder(birthCode, ' ANA@example.com ', 'es'));
    expect(tagged).toBe(true);
    expect(lang).toBe('es-US');
    expect(text).toContain('Sus respuestas');
    expect(text).toContain('1 de mayo de 2019');
    expect(String(title)).toContain('lo que envió');
  });

  it('is refused with the same words for a wrong e-mail address as for a code that does not exist', async () => {
    const wrong = await askAsHolder(birthCode, 'someone@example.com');
    expect(wrong.status).toBe(404);
    const wrongBody = await wrong.text();
    expect(wrongBody).not.toContain('Ana Díaz');
    const other = await askAsHolder(newConfirmationCode(), 'ana@example.com');
    expect(other.status).toBe(404);
    const message = (html: string) => html.match(/We found no application[^<]*/)?.[0];
    expect(message(wrongBody)).toBeDefined();
    expect(message(await other.text())).toBe(message(wrongBody));
  });

  it('asks for the e-mail address when none is given', async () => {
    const response = await askAsHolder(birthCode, '');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Enter the e-mail address you gave in the form');
  });
});

describe('the agency’s own PDF, for a form it also has on paper', () => {
  it('is the paper form filled in from the answers, then a page with the code and date', async () => {
    const { text, pages, tagged } = await pdfText(await askAsHolder(addressCode, 'ana@example.com'));
    expect(pages).toBe(2);
    // Filled with pdf-lib, which cannot write tags (decision 0132).
    expect(tagged).toBe(false);
    expect(text).toContain('Change of address (form MV-12)');
    expect(text).toContain('D12345678');
    expect(text).toContain('03/07/1990');
    expect(text).toContain('12 Elm Street');
    expect(text).toContain('Springfield');
    expect(text).toContain(addressCode);
  });
});

describe('a copy for the signed-in person who sent it', () => {
  const mine = (code: string, token?: string) =>
    fetch(`${portal.url}${apiPath('downloadMySubmissionPdf', { code })}`, {
      headers: { accept: 'application/pdf', ...(token && { authorization: `Bearer ${token}` }) },
    });

  it('is theirs to download', async () => {
    const { text } = await pdfText(await mine(birthCode, anaToken));
    expect(text).toContain('Ana Díaz');
  });

  it('is not anyone else’s, and needs a sign-in', async () => {
    expect((await mine(birthCode, benToken)).status).toBe(404);
    expect((await mine(addressCode, anaToken)).status).toBe(404);
    expect((await mine(birthCode)).status).toBe(401);
  });

  it('is linked from My account’s list', async () => {
    const response = await fetch(`${portal.url}${apiPath('listMySubmissions', {})}`, {
      headers: { accept: 'application/json', authorization: `Bearer ${anaToken}` },
    });
    const { submissions } = (await response.json()) as { submissions: { code: string; pdfUrl?: string }[] };
    expect(submissions.find((s) => s.code === birthCode)?.pdfUrl).toBe(apiPath('downloadMySubmissionPdf', { code: birthCode }));
  });
});

describe('a copy for staff, from the case page', () => {
  it('is linked from the case page', async () => {
    const page = await (await staffGet(portal.url, dmvStaff, apiPath('casePage', { code: addressCode }, { lang: 'en' }))).text();
    expect(page).toContain(`href="${apiPath('casePdfPage', { code: addressCode }, { lang: 'en' })}"`);
  });

  it("is the agency's filled PDF for its own staff, and the download is audited", async () => {
    const before = (await portal.items()).filter((i) => i.pk === `AUDIT#${addressCode}` && i.action === 'case.pdf');
    const { text } = await pdfText(await staffGet(portal.url, dmvStaff, apiPath('casePdfPage', { code: addressCode })));
    expect(text).toContain('D12345678');
    const after = (await portal.items()).filter((i) => i.pk === `AUDIT#${addressCode}` && i.action === 'case.pdf');
    expect(after.length).toBe(before.length + 1);
  });

  it('is refused to staff of another agency, who leave no copy and no audit entry', async () => {
    const response = await staffGet(portal.url, vitalStaff, apiPath('casePdfPage', { code: addressCode }));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).not.toBe('application/pdf');
  });
});
