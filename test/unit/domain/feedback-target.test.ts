import { describe, expect, it } from 'vitest';
import { newConfirmationCode } from '#domain/confirmation-code';
import { BILL_SERVICE, resolveFeedbackTarget, type TargetLookups } from '#domain/feedback-target';
import { InvalidAnswersError } from '#shared/errors';
import { strings } from '../../support/forms.ts';

const code = newConfirmationCode();
const answered = newConfirmationCode();
const paymentId = newConfirmationCode();
const billPaymentId = newConfirmationCode();
const lookups: TargetLookups = {
  findSubmission: async (c) =>
    c === code
      ? { agency: 'dmv', serviceId: 'renew', channel: 'web', statusMessageId: 'm1' }
      : c === answered
        ? { agency: 'dmv', serviceId: 'renew', channel: 'web', statusMessageId: 'm2' }
        : undefined,
  findPayment: async (id) =>
    id === paymentId
      ? { agency: 'dmv', subject: { kind: 'submission', code } }
      : id === billPaymentId
        ? { agency: 'courts', subject: { kind: 'bill', reference: 'PK123' } }
        : undefined,
};
const resolve = (fields: Record<string, string>) => resolveFeedbackTarget(fields, 'en', { lookups, strings });

describe('which transaction a survey answer is about', () => {
  it('takes the service, agency and channel from the submission, whatever was posted', async () => {
    const target = await resolve({ task: 'status', code: code.toLowerCase().replaceAll('-', ''), agency: 'forged' });
    expect(target).toEqual({
      context: { task: 'status', agency: 'dmv', serviceId: 'renew', channel: 'web' },
      transaction: code,
      back: { kind: 'status', code },
    });
  });

  it("counts a payment under its submission's service, a bill's under the bill service", async () => {
    expect((await resolve({ task: 'pay', payment: paymentId })).context).toEqual({
      task: 'pay',
      agency: 'dmv',
      serviceId: 'renew',
      channel: 'web',
    });
    const bill = await resolve({ task: 'pay', payment: billPaymentId });
    expect(bill.context).toMatchObject({ agency: 'courts', serviceId: BILL_SERVICE });
    expect(bill.back).toEqual({ kind: 'payment', paymentId: billPaymentId });
  });

  it('makes each staff reply its own transaction', async () => {
    expect((await resolve({ task: 'staff-reply', code, message: 'm1' })).transaction).toBe(`${code}#m1`);
    expect((await resolve({ task: 'staff-reply', code: answered, message: 'm2' })).transaction).toBe(`${answered}#m2`);
  });

  it.each([
    [{ task: 'nope', code }, 'task'],
    [{ code }, 'task'],
    [{ task: 'status', code: newConfirmationCode() }, 'code'],
    [{ task: 'apply', code: 'hello' }, 'code'],
    [{ task: 'pay', payment: newConfirmationCode() }, 'payment'],
    [{ task: 'staff-reply', code }, 'message'],
    [{ task: 'staff-reply', code, message: 'a b' }, 'message'],
    // A reply the case does not show its citizen (made up, or another case's): not a transaction to answer for.
    [{ task: 'staff-reply', code, message: 'm2' }, 'message'],
  ])('refuses %o naming the field', async (fields, field) => {
    const attempt = resolve(fields as Record<string, string>);
    await expect(attempt).rejects.toThrow(InvalidAnswersError);
    await expect(attempt).rejects.toMatchObject({ problems: [{ field }] });
  });
});
