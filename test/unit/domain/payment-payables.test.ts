/** What a person can pay for: the amount always from the catalog or the bill. */
import { describe, expect, it } from 'vitest';
import { translate } from '#catalog/i18n';
import { newConfirmationCode } from '#domain/confirmation-code';
import type { Bill } from '#domain/payment-bills';
import { findPayable, findPayableSubmission, NotPayableError, type PayableDeps } from '#domain/payment-payables';
import type { Payment } from '#domain/payment-records';
import type { Submission, SubmissionStore } from '#domain/submissions';
import { BadRequestError, NotFoundError } from '#shared/errors';
import { strings } from '../../support/forms.ts';

describe('paying for an application', () => {
  const code = newConfirmationCode(() => 7);
  const mistyped = `${code.slice(0, -1)}${code.endsWith('2') ? '3' : '2'}`;
  const submission = { code, formId: 'f', agency: 'vital-records' } as Submission;
  const submissions = (found?: Submission) =>
    ({ findByCode: async () => found && { submission: found, history: [] } }) as unknown as SubmissionStore;
  const service = { title: { en: 'Birth certificate', es: 'Acta' }, agency: 'vital-records' };
  const fee = { amount: 2500, currency: 'USD' as const, description: { en: 'One copy', es: 'Una copia' }, refundable: false };

  it("takes the amount from the service's fee in the catalog", async () => {
    const found = await findPayableSubmission(code.toLowerCase().replaceAll('-', ' '), 'en', {
      submissions: submissions(submission),
      serviceOf: async () => ({ ...service, fee }),
      strings,
    });
    expect(found).toMatchObject({
      amount: 2500,
      currency: 'USD',
      refundable: false,
      description: { en: 'Birth certificate: One copy' },
    });
  });

  it('refuses a service with no fee (409), a mistyped code (400) and an unknown one (404)', async () => {
    const deps = { submissions: submissions(submission), serviceOf: async () => service, strings };
    await expect(findPayableSubmission(code, 'en', deps)).rejects.toThrow(NotPayableError);
    await expect(findPayableSubmission(mistyped, 'en', deps)).rejects.toThrow(BadRequestError);
    await expect(findPayableSubmission(code, 'en', { ...deps, submissions: submissions(undefined) })).rejects.toThrow(
      NotFoundError,
    );
  });
});

describe('what a request to pay names', () => {
  const code = newConfirmationCode(() => 3);
  const submission = { code, formId: 'f', agency: 'vital-records' } as Submission;
  const fee = { amount: 2500, currency: 'USD' as const, description: { en: 'One copy', es: 'Una copia' }, refundable: true };
  const bill: Bill = {
    reference: 'PT20260001',
    agency: 'motor-vehicles',
    description: { en: 'Parking ticket', es: 'Multa' },
    amount: 4500,
    currency: 'USD',
    check: 'ABC1234',
    refundable: false,
    loadedAt: '2026-11-30T10:00:00.000Z',
  };
  const [first, second, third] = [5, 9, 13].map((n) => newConfirmationCode(() => n)) as [string, string, string];
  const earlier = (id: string, subject: Payment['subject']) => ({ id, subject }) as Payment;
  function deps(payments: Record<string, Payment> = {}): PayableDeps {
    return {
      payments: { get: async (id) => payments[id] },
      submissions: {
        findByCode: async (c: string) => (c === code ? { submission, history: [] } : undefined),
      } as unknown as SubmissionStore,
      bills: { get: async (reference) => (reference === bill.reference ? bill : undefined), put: async () => 'saved' },
      serviceOf: async () => ({ title: { en: 'Birth certificate', es: 'Acta' }, agency: 'vital-records', fee }),
      strings,
    };
  }

  it("an application's code: its fee from the catalog", async () => {
    expect(await findPayable({ code }, 'en', deps())).toMatchObject({ subject: { kind: 'submission', code }, amount: 2500 });
  });

  it("a bill's reference and check value: the agency's amount", async () => {
    const found = await findPayable({ bill: 'pt-2026-0001', check: 'abc 1234' }, 'en', deps());
    expect(found).toMatchObject({ subject: { kind: 'bill', reference: 'PT20260001' }, amount: 4500, refundable: false });
  });

  it('a bill without its check value is refused (400)', async () => {
    await expect(findPayable({ bill: 'PT20260001' }, 'en', deps())).rejects.toThrow(BadRequestError);
  });

  it('an earlier payment: what it paid for, application or bill, as it stands now', async () => {
    const known = {
      [first]: earlier(first, { kind: 'submission', code }),
      [second]: earlier(second, { kind: 'bill', reference: 'PT20260001' }),
    };
    expect(await findPayable({ payment: first.toLowerCase().replaceAll('-', ' ') }, 'en', deps(known))).toMatchObject({
      subject: { kind: 'submission', code },
      amount: 2500,
    });
    expect(await findPayable({ payment: second }, 'en', deps(known))).toMatchObject({
      subject: { kind: 'bill', reference: 'PT20260001' },
      amount: 4500,
    });
  });

  it('an earlier payment that is unknown, malformed, or whose bill is gone is not found (404)', async () => {
    const gone = { [third]: earlier(third, { kind: 'bill', reference: 'GONE0001' }) };
    for (const payment of [first, 'not a payment', third])
      await expect(findPayable({ payment }, 'en', deps(gone)), payment).rejects.toThrow(NotFoundError);
  });

  it('the payment wins over a code or a bill sent with it', async () => {
    const known = { [second]: earlier(second, { kind: 'bill', reference: 'PT20260001' }) };
    expect(await findPayable({ payment: second, code }, 'en', deps(known))).toMatchObject({ amount: 4500 });
    expect(await findPayable({ code, bill: 'PT20260001', check: 'ABC1234' }, 'en', deps())).toMatchObject({ amount: 2500 });
  });

  it('nothing named is a 400 that says what to send', async () => {
    await expect(findPayable({}, 'en', deps())).rejects.toThrow(BadRequestError);
  });
});

describe('paying for an application, the details', () => {
  const code = newConfirmationCode(() => 11);
  const submission = { code, formId: 'f', agency: 'vital-records' } as Submission;
  const submissions = {
    findByCode: async (c: string) => (c === code ? { submission, history: [] } : undefined),
  } as unknown as SubmissionStore;
  const fee = { amount: 2500, currency: 'USD' as const, description: { en: 'One copy', es: 'Una copia' }, refundable: true };
  const service = { title: { en: 'Birth certificate', es: 'Acta de nacimiento' }, agency: 'vital-records', fee };
  const find = (raw: string, serviceOf = async () => service as typeof service | undefined) =>
    findPayableSubmission(raw, 'es', { submissions, serviceOf, strings });
  const message = async (promise: Promise<unknown>) =>
    promise.then(
      () => '',
      (error: Error) => error.message,
    );

  it('describes the payment as the service and the fee, in both languages', async () => {
    expect((await find(code)).description).toEqual({ en: 'Birth certificate: One copy', es: 'Acta de nacimiento: Una copia' });
  });

  it('tells a typing mistake from something that is not a code at all, in the language asked', async () => {
    const mistyped = `${code.slice(0, -1)}${code.endsWith('2') ? '3' : '2'}`;
    expect(await message(find(mistyped))).toBe(translate(strings, 'status.codeMistyped', 'es'));
    expect(await message(find('not a code'))).toBe(translate(strings, 'status.codeShape', 'es'));
    expect(await message(find(newConfirmationCode(() => 1)))).toBe(translate(strings, 'status.notFound', 'es'));
  });

  it('has nothing to pay when the form no longer belongs to a service', async () => {
    await expect(find(code, async () => undefined)).rejects.toThrow(translate(strings, 'payment.noFee', 'es'));
  });

  it('names its error for the logs and answers 409', () => {
    expect(new NotPayableError('x')).toMatchObject({ name: 'NotPayableError', code: 'not_payable', statusCode: 409 });
  });

  it('says what to send, in the language asked, when nothing is named', async () => {
    const deps = {
      payments: { get: async () => undefined },
      submissions,
      bills: { get: async () => undefined, put: async () => 'saved' as const },
      serviceOf: async () => service,
      strings,
    };
    expect(await message(findPayable({}, 'es', deps))).toBe(translate(strings, 'payment.whatToPay', 'es'));
  });
});
