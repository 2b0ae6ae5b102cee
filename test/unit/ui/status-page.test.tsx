/** The status page says what the status means and shows the agency's message, and nothing else of the case. */
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { PublicStatus } from '#domain/submissions';
import { statusPage } from '#ui/pages/StatusPage.tsx';
import { lang } from '../../fixtures/ui/components.tsx';

const status = (extra: Partial<PublicStatus> = {}): PublicStatus => ({
  code: 'ABCD-EFGH-JKMN',
  status: 'needs-information',
  formId: 'birth-certificate-request',
  serviceId: 'birth-certificate',
  submittedAt: '2026-11-30T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  history: [],
  ...extra,
});
const page = (s: PublicStatus) =>
  renderToString(
    statusPage(lang, s, { serviceTitle: undefined, justSubmitted: false, altHref: '/', idempotencyKey: 'k' }).content,
  );

describe('the status page', () => {
  it('shows "action needed" with the message saying what to do', () => {
    const html = page(status({ message: 'Send a copy of your photo ID.' }));
    expect(html).toContain(lang.t('status.meaning.needs-information'));
    expect(html).toMatch(/data-status-message="true">Send a copy of your photo ID\.</);
  });

  it('says what every status means, in plain words of its own', () => {
    const meanings = (
      ['received', 'in-review', 'needs-information', 'approved', 'denied', 'completed', 'withdrawn'] as const
    ).map((s) => {
      const html = page(status({ status: s }));
      expect(html).toContain(lang.t(`status.meaning.${s}`));
      return lang.t(`status.meaning.${s}`);
    });
    expect(new Set(meanings).size).toBe(7);
  });

  it('asks about the staff reply shown, with the employee question, when the message has an id', () => {
    const html = page(status({ message: 'Send a copy of your photo ID.', messageId: 'msg-1' }));
    expect(html).toContain('data-feedback-survey="staff-reply"');
    expect(html).toContain('name="message" value="msg-1"');
    expect(html).toContain('name="employee"');
    expect(html).toContain('href="#feedback-heading"');
  });

  it('asks about checking the status, without the employee question, when no staff reply is shown', () => {
    const html = page(status({ status: 'approved' }));
    expect(html).toContain('data-feedback-survey="status"');
    expect(html).not.toContain('name="employee"');
    expect(html).not.toContain('data-rate-reply');
  });

  it('shows no message box when the agency wrote none', () => {
    expect(page(status({ status: 'approved' }))).not.toContain('data-status-message');
  });
});
