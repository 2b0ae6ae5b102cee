/**
 * Every internal link, form action and asset leads somewhere: on every page of the real build, and on every
 * page the functions render (each in the states that change its links).
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '#catalog/load';
import type { Bill } from '#domain/payment-bills';
import type { Payment } from '#domain/payment-records';
import type { PublicStatus } from '#domain/submissions';
import { langOf, renderView } from '#http/views';
import { auditPage } from '#ui/pages/agency/AuditPage.tsx';
import { codesFormPage, codesRequestedPage } from '#ui/pages/CodesPages.tsx';
import { errorPage } from '#ui/pages/ErrorPage.tsx';
import { formWithProblemsPage } from '#ui/pages/FormPage.tsx';
import { billLookupPage, billPage, payByCodePage, paymentPage } from '#ui/pages/PaymentPages.tsx';
import { statusPage } from '#ui/pages/StatusPage.tsx';
import type { PageView } from '#ui/pages/view.ts';
import { chooserView, personaView, problemView } from '../../local/identity/sign-in-pages.tsx';
import { DIST_DIR } from '../../local/portal.ts';
import { builtSite, checkLinks, linkProblems } from '../../scripts/check-links.ts';
import { agencyPageViews } from '../fixtures/ui/agency-pages.tsx';

const catalog = loadCatalog();
const service = catalog.services.get('birth-certificate')!;
const form = catalog.forms.get(service.form)!;
const at = '2026-12-01T15:00:00.000Z';
const status: PublicStatus = {
  code: 'K7M2-9QXR-4HPW',
  status: 'received',
  formId: form.id,
  serviceId: service.id,
  submittedAt: at,
  updatedAt: at,
  history: [{ status: 'received', at }],
};
const payment: Payment = {
  id: 'pay_0123456789abcdefghij',
  subject: { kind: 'submission', code: status.code },
  agency: service.agency,
  amount: 2500,
  currency: 'USD',
  description: { en: 'Fee', es: 'Tarifa' },
  refundable: true,
  locale: 'en',
  provider: 'sandbox',
  state: 'paid',
  version: 3,
  createdAt: at,
  updatedAt: at,
  paidAt: at,
  refunded: 0,
};
const bill: Bill = {
  reference: 'PT20260001',
  agency: 'dmv',
  description: { en: 'Parking ticket', es: 'Multa' },
  amount: 4500,
  currency: 'USD',
  check: 'ABC1234',
  refundable: false,
  dueOn: '2026-12-31',
  loadedAt: at,
};
const provider = { id: 'LoginGov', label: 'Login.gov', audience: 'citizen' } as const;

function functionPages(): [string, PageView][] {
  const en = langOf('en');
  const es = langOf('es');
  const key = '00000000-0000-4000-8000-000000000000';
  return [
    ['error', errorPage(es, 'Hay un problema', 'No se encontró.', '/api/status/X?lang=en')],
    [
      'status, just sent, fee unpaid',
      statusPage(en, status, {
        serviceTitle: service.title,
        justSubmitted: true,
        altHref: '/api/status/X?lang=es',
        fee: { amount: 2500, currency: 'USD' },
        idempotencyKey: key,
      }),
    ],
    [
      'status, paid',
      statusPage(
        es,
        { ...status, payment: { id: payment.id, state: 'paid', amount: 2500, currency: 'USD', refunded: 0, updatedAt: at } },
        {
          serviceTitle: service.title,
          justSubmitted: false,
          altHref: '/api/status/X?lang=en',
          fee: { amount: 2500, currency: 'USD' },
          idempotencyKey: key,
        },
      ),
    ],
    [
      'form with mistakes',
      formWithProblemsPage(en, catalog.strings, form, {
        values: {},
        problems: [
          { field: form.fields[0]!.name, message: 'Enter it' },
          { field: 'gone', message: 'Other' },
        ],
        idempotencyKey: key,
        altHref: '/es/',
      }),
    ],
    ['payment, paid', paymentPage(en, { payment, history: [{ at, kind: 'paid' }] }, { from: 'checkout', idempotencyKey: key })],
    [
      'payment, declined',
      paymentPage(es, { payment: { ...payment, state: 'declined' }, history: [] }, { from: undefined, idempotencyKey: key }),
    ],
    [
      'payment, processing',
      paymentPage(
        en,
        { payment: { ...payment, state: 'processing', subject: { kind: 'bill', reference: bill.reference } }, history: [] },
        { from: 'checkout', idempotencyKey: key },
      ),
    ],
    ['bill, unpaid', billPage(en, bill, 'ABC1234', key)],
    [
      'bill, paid',
      billPage(
        es,
        { ...bill, payment: { id: payment.id, state: 'paid', amount: 4500, currency: 'USD', refunded: 0, updatedAt: at } },
        'ABC1234',
        key,
      ),
    ],
    ['bill lookup again', billLookupPage(en, { bill: 'X', check: 'Y' }, { field: 'bill', message: 'Not found' })],
    ['pay by code again', payByCodePage(es, 'X', { field: 'code', message: 'No' })],
    [
      'a staff member’s activity',
      auditPage(es, {
        agency: 'vital-records',
        subject: 'sub',
        entries: [
          {
            id: 'e1',
            at,
            actor: { subject: 'sub', name: 'Vera', agency: 'vital-records' },
            action: 'case.read',
            record: 'K7M2-9QXR-4TVB',
            from: {},
            expiresAt: 0,
          },
        ],
        page: 2,
        nextHref: '/api/agency/vital-records/activity/sub?page=3',
        previousHref: '/api/agency/vital-records/activity/sub',
        retentionDays: 30,
        altHref: '/api/agency/vital-records/activity/sub?lang=en',
      }),
    ],
    ['codes requested', codesRequestedPage(es, '/api/status/codes/sent?lang=en')],
    ['codes, a mistake', codesFormPage(en, '/api/status/codes/sent?lang=es', { value: 'x', error: 'Enter an address' })],
    ['sign-in chooser', chooserView('en', [{ provider, href: '/auth/interaction/abc?idp=LoginGov' }])],
    [
      'sandbox persona picker',
      personaView('es', { via: provider, people: [], action: '/auth/interaction/abc', otherWays: '/auth/interaction/abc?idp=' }),
    ],
    ['sign-in problem', problemView('Sign-in problem', 'Something went wrong.')],
    ...agencyPageViews(en, 'Ana Díaz').map(([name, view]): [string, PageView] => [`staff: ${name}`, view]),
    ...agencyPageViews(es, 'Ana Díaz').map(([name, view]): [string, PageView] => [`staff, Spanish: ${name}`, view]),
  ];
}

describe('links', () => {
  it('on every built page lead to a built page, a built file, a route or an id on the page', () => {
    const { pages, problems } = checkLinks(DIST_DIR);
    expect(pages).toBeGreaterThan(200);
    expect(problems).toEqual([]);
  });

  // The local issuer's own pages (/auth/interaction/…) are served by the local runtime, not built.
  const exists = (pathname: string) => pathname.startsWith('/auth/interaction/') || builtSite(DIST_DIR)(pathname);

  it.each(functionPages())('on the page the functions render for "%s" lead somewhere too', (_, view) => {
    expect(linkProblems('/api/page', renderView('en', view), exists)).toEqual([]);
  });
});
