/** What a person can pay for: the amount always from the catalog or the bill. */
import { describe, expect, it } from 'vitest';
import { newConfirmationCode } from '#domain/confirmation-code';
import { findPayableSubmission, NotPayableError } from '#domain/payment-payables';
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
