/** GET /api/my/submissions: "My account" — the signed-in person's own submissions, newest first. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbSubmissionStore } from '#adapters/dynamodb-submission-store';
import { findCompiledForm } from '#adapters/form-registry';
import { translate } from '#catalog/i18n';
import { nextStatuses } from '#domain/case-workflow';
import { listMySubmissions } from '#domain/submissions';
import { callerOf } from '#http/caller';
import { langOf } from '#http/pages';
import { requestLocale } from '#http/request';
import { json } from '#http/responses';
import { strings } from '#http/site';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';
import { apiPath } from '#ui/paths.ts';
import { statusLabel } from '#ui/status-label.ts';

const store = dynamoDbSubmissionStore(dynamoDb, config.tableName);

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const submissions = await listMySubmissions(callerOf(event), { store });
  const items = await Promise.all(
    submissions.map(async (submission) => {
      const compiled = await findCompiledForm(submission.formId);
      return {
        ...submission,
        serviceTitle: compiled?.service.title[locale] ?? submission.serviceId,
        statusLabel: statusLabel(langOf(locale), submission.status),
        // The status page's own words for it; `message` (what the agency said with it) comes with the summary.
        statusMeaning: translate(strings, `status.meaning.${submission.status}`, locale),
        statusUrl: apiPath('showStatus', { code: submission.code }),
        pdfUrl: apiPath('downloadMySubmissionPdf', { code: submission.code }),
        ...(nextStatuses(submission.status, 'citizen').includes('withdrawn') && {
          withdrawUrl: apiPath('withdrawMySubmission', { code: submission.code }),
        }),
        ...(submission.payment
          ? {
              paymentLabel: translate(strings, `payment.state.${submission.payment.state}`, locale),
              paymentUrl: apiPath('showPayment', { paymentId: submission.payment.id }),
            }
          : // A fee not paid yet is paid from the status page (its payment section); a free service says so.
            compiled?.service.fee
            ? {
                paymentLabel: translate(strings, 'payment.state.unpaid', locale),
                paymentUrl: apiPath('showStatus', { code: submission.code }),
              }
            : { paymentLabel: translate(strings, 'lifeEvent.noFee', locale) }),
      };
    }),
  );
  return json(200, { submissions: items }, { 'cache-control': 'no-store' });
};

export const handler = withHttp(lambdaHandler);
