/**
 * POST /api/my/submissions/{code}/withdrawal: the signed-in citizen withdraws their own application (My account's
 * "Withdraw"). JSON with the new status; a plain form post is sent on to the status page (303).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { withdrawSubmission } from '#domain/withdrawal';
import { callerOf } from '#http/caller';
import { caseDeps, originOf } from '#http/cases';
import { requestLocale, wantsHtml } from '#http/request';
import { json, seeOther } from '#http/responses';
import { withHttp } from '#http/with-http';
import { apiPath } from '#ui/paths.ts';

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const withdrawn = await withdrawSubmission(
    { caller: callerOf(event), code: event.pathParameters?.code ?? '', locale, from: originOf(event) },
    caseDeps,
  );
  const statusUrl = apiPath('showStatus', { code: withdrawn.code });
  if (wantsHtml(event)) return seeOther(`${statusUrl}?lang=${locale}`);
  return json(200, { code: withdrawn.code, status: withdrawn.status, updatedAt: withdrawn.updatedAt, statusUrl });
};

export const handler = withHttp(lambdaHandler);
