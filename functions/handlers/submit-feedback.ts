/**
 * POST /api/feedback: an answer to the A-11 survey after a task (decision 0100). The transaction is looked up
 * from the form's hidden fields; the response is kept anonymously, one per transaction (answering again
 * replaces it). A plain form post gets a 303 to the thanks page; JSON gets what was kept.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbFeedbackStore } from '#adapters/dynamodb-feedback-store';
import { dynamoDbPaymentStore } from '#adapters/dynamodb-payment-store';
import { dynamoDbSubmissionStore } from '#adapters/dynamodb-submission-store';
import { feedbackKeySource } from '#adapters/feedback-key';
import { recordFeedback } from '#domain/feedback';
import { resolveFeedbackTarget } from '#domain/feedback-target';
import { feedbackBackQuery } from '#http/feedback';
import { bodyMessages, readBody, requestLocale, wantsHtml } from '#http/request';
import { json, seeOther } from '#http/responses';
import { strings } from '#http/site';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';
import { apiPath } from '#ui/paths.ts';

const submissions = dynamoDbSubmissionStore(dynamoDb, config.tableName);
const payments = dynamoDbPaymentStore(dynamoDb, config.tableName);
const store = dynamoDbFeedbackStore(dynamoDb, config.tableName);
const feedbackKey = feedbackKeySource({ key: process.env.FEEDBACK_KEY, secretArn: process.env.SECRET_ARN_FEEDBACK_KEY });

const lookups = {
  findSubmission: async (code: string) => (await submissions.findByCode(code))?.submission,
  findPayment: async (paymentId: string) => (await payments.details(paymentId))?.payment,
};

/** The body's fields as strings, whether a form post or a JSON object (anything else is dropped). */
function fieldsOf(event: APIGatewayProxyEventV2): { form: boolean; fields: Record<string, string> } {
  const body = readBody(event, bodyMessages(requestLocale(event)));
  const entries = body.kind === 'form' ? [...body.value] : Object.entries((body.value ?? {}) as Record<string, unknown>);
  const fields = Object.fromEntries(
    entries.filter(([, v]) => typeof v === 'string' || typeof v === 'number').map(([k, v]) => [k, String(v)]),
  );
  return { form: body.kind === 'form', fields };
}

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const { form, fields } = fieldsOf(event);
  const locale = requestLocale(event, fields.lang);
  const target = await resolveFeedbackTarget(fields, locale, { lookups, strings });
  const result = await recordFeedback(
    { context: target.context, transaction: target.transaction, fields, locale },
    { store, key: await feedbackKey(), strings },
  );
  if (form && wantsHtml(event))
    return seeOther(apiPath('showFeedbackThanks', {}, feedbackBackQuery(target.back, locale, result.kind === 'saved')));
  if (result.kind === 'nothing-answered') return json(200, { saved: false });
  const { task, scores, comment, answeredOn, updatedOn } = result.response;
  return json(200, { saved: true, task, scores, ...(comment !== undefined && { comment }), answeredOn, updatedOn });
};

export const handler = withHttp(lambdaHandler);
