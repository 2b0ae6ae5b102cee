import { describe, expect, it } from 'vitest';
import {
  CODES_PER_HOUR,
  type CodesRequest,
  type CodesRequestStore,
  codesEmail,
  InvalidCodesRequestError,
  requestMyCodes,
  sendMyCodes,
} from '#domain/code-requests';
import { newConfirmationCode } from '#domain/confirmation-code';
import type { OutgoingEmail } from '#domain/notifications';
import type { Submission } from '#domain/submissions';
import { strings } from '../../support/forms.ts';

const NOW = new Date('2026-12-01T10:15:00.000Z');

const submission = (submittedAt: string): Submission => ({
  code: newConfirmationCode(),
  formId: 'f',
  serviceId: 'birth-certificate',
  agency: 'vital-records',
  status: 'received',
  locale: 'en',
  channel: 'web',
  answers: {},
  submittedAt,
  updatedAt: submittedAt,
  applicantEmail: 'ana@example.com',
});

function fakes(found: Submission[] = []) {
  const requests: [CodesRequest, string, number][] = [];
  const forgotten: string[] = [];
  const sent: OutgoingEmail[] = [];
  const store: CodesRequestStore = {
    async request(request, hour, limit) {
      requests.push([request, hour, limit]);
      return requests.filter(([r, h]) => r.address === request.address && h === hour).length > limit ? 'limited' : 'accepted';
    },
    submissionsByEmail: async (address) => found.filter((s) => s.applicantEmail === address),
    forget: async (id) => void forgotten.push(id),
  };
  const deps = {
    store,
    strings,
    mailer: {
      async send(email: OutgoingEmail) {
        sent.push(email);
        return { messageId: 'm' };
      },
    },
    serviceTitle: () => 'Vital Records',
    statusUrl: (code: string) => `https://portal.example.gov/api/status/${code}`,
    statusPageUrl: () => 'https://portal.example.gov/status/',
  };
  return { store, deps, requests, forgotten, sent };
}

let id = 0;
const newId = () => `r-${++id}`;

describe('asking for the codes', () => {
  it('takes the address in lower case, for the hour, with the limit; past the limit the answer is the same kind', async () => {
    const { store, requests } = fakes();
    const outcomes = [];
    for (let i = 0; i < CODES_PER_HOUR + 1; i++)
      outcomes.push(
        await requestMyCodes({ email: ' Ana@Example.com ', locale: 'en' }, { store, strings, now: () => NOW, newId }),
      );
    expect(requests[0]?.[0]).toMatchObject({ address: 'ana@example.com', locale: 'en', requestedAt: NOW.toISOString() });
    expect(requests[0]?.[1]).toBe('2026-12-01T10');
    expect(requests[0]?.[2]).toBe(CODES_PER_HOUR);
    expect(outcomes).toEqual([...Array(CODES_PER_HOUR).fill('accepted'), 'limited']);
  });

  it('refuses what is not an address, naming the field, and records nothing', async () => {
    const { store, requests } = fakes();
    for (const email of ['', 'ana', 'ana@example', 'a b@example.com', 42])
      await expect(requestMyCodes({ email, locale: 'es' }, { store, strings, now: () => NOW, newId })).rejects.toThrow(
        InvalidCodesRequestError,
      );
    expect(requests).toHaveLength(0);
  });
});

describe('sending the codes', () => {
  it('e-mails every code made with the address, newest first as the store gives them, each with its status link', async () => {
    const older = submission('2026-11-01T10:00:00.000Z');
    const newer = submission('2026-11-20T10:00:00.000Z');
    const { deps, sent, forgotten } = fakes([newer, older]);
    const request = { id: 'r', address: 'ana@example.com', locale: 'en' as const, requestedAt: NOW.toISOString() };
    expect(await sendMyCodes(request, deps)).toBe('sent');
    expect(sent[0]?.to).toBe('ana@example.com');
    expect(sent[0]?.codes?.map((c) => c.code)).toEqual([newer.code, older.code]);
    expect(sent[0]?.codes?.[0]?.href).toBe(`https://portal.example.gov/api/status/${newer.code}`);
    expect(forgotten).toEqual(['r']);
  });

  it('sends nothing to an address that made no submission, and still forgets the request', async () => {
    const { deps, sent, forgotten } = fakes([]);
    const request = { id: 'r2', address: 'nobody@example.com', locale: 'es' as const, requestedAt: NOW.toISOString() };
    expect(await sendMyCodes(request, deps)).toBe('none');
    expect(sent).toHaveLength(0);
    expect(forgotten).toEqual(['r2']);
    expect(codesEmail(request, [], deps)).toBeUndefined();
  });
});
