/**
 * Notifications locally (prints figures, asserts nothing; `npm run bench -- notifications` runs only this): the
 * whole `npm start` portal (DynamoDB Local and its stream poller, the notifier, the local SES), then for each of
 * BENCH_NOTIFY_COUNT (100) applications, two times measured from the HTTP answer to the e-mail readable in the local
 * inbox: the submission's confirmation e-mail and a staff status change's e-mail. The stream poller reads every
 * 100 ms (Lambda's DynamoDB event source polls about four times a second), which bounds the figures from below.
 */
import { randomUUID } from 'node:crypto';
import { startPortal } from '../local/portal.ts';
import { birthCertificateAnswers } from '../test/support/form-answers.ts';
import { signIn } from '../test/support/sign-in.ts';
import { apiPath } from '../ui/paths.ts';

const COUNT = Number(process.env.BENCH_NOTIFY_COUNT ?? 100);
const portal = await startPortal({ port: 0, log: () => undefined });
const staff = (await signIn(portal.url, { persona: 'staff.vital-records', idp: 'ExampleStaff' })).tokens.access_token;

async function readable(address: string, subjectStart: string, since: number): Promise<number> {
  for (;;) {
    const found = (await portal.notifications.ses.emails()).some(
      (email) => email.destination.to.includes(address) && email.subject.startsWith(subjectStart),
    );
    if (found) return performance.now() - since;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const submitted: number[] = [];
const changed: number[] = [];
try {
  for (let i = 0; i < COUNT; i++) {
    const address = `bench-${randomUUID()}@example.com`;
    const sent = await fetch(`${portal.url}${apiPath('submitForm', { formId: 'birth-certificate-request' })}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        answers: birthCertificateAnswers({ email: address }),
      }),
    });
    const { code } = (await sent.json()) as { code: string };
    submitted.push(await readable(address, 'We received your application', performance.now()));
    const started = performance.now();
    const change = await fetch(`${portal.url}${apiPath('changeCaseStatus', { code })}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${staff}` },
      body: JSON.stringify({ status: 'in-review', version: '0' }),
    });
    if (change.status !== 200) throw new Error(`status change answered ${change.status}`);
    changed.push(await readable(address, 'Your application has a new status', started));
  }
} finally {
  await portal.stop();
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
const row = (name: string, values: number[]) =>
  `| ${name} | ${values.length} | ${quantile(values, 0.5).toFixed(0)} ms | ${quantile(values, 0.95).toFixed(0)} ms | ${Math.max(...values).toFixed(0)} ms |`;
console.log('\nNotifications, locally: from the HTTP answer to the e-mail readable in the local SES inbox');
console.log('| change | count | median | p95 | max |\n| --- | --- | --- | --- | --- |');
console.log(row('application received → confirmation e-mail', submitted));
console.log(row('staff status change → status e-mail', changed));
process.exit(0);
