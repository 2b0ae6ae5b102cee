/**
 * A PDF of what was sent, made on demand and never stored (decisions 0116, 0117):
 * - POST /api/submissions/{code}/pdf: whoever holds the code and the e-mail address given in the answers;
 * - GET /api/my/submissions/{code}/pdf: the signed-in person who sent it;
 * - GET /api/agency/desk/cases/{code}/pdf: staff of its agency, from the case page (audited).
 * pdf-lib is imported only once the caller may have the copy, so a refusal never reads it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbSubmissionStore } from '#adapters/dynamodb-submission-store';
import { findCompiledForm } from '#adapters/form-registry';
import { translate } from '#catalog/i18n';
import { copyOfCase } from '#domain/cases';
import { submissionForCopy } from '#domain/submission-copy';
import type { Submission } from '#domain/submissions';
import { callerOf } from '#http/caller';
import { caseDeps, fieldsOf, originOf } from '#http/cases';
import { requestLocale } from '#http/request';
import { routeByKey } from '#http/routes';
import { agencyNames, strings } from '#http/site';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';
import { NotFoundError } from '#shared/errors';

const store = dynamoDbSubmissionStore(dynamoDb, config.tableName);

async function allowedSubmission(event: APIGatewayProxyEventV2): Promise<Submission> {
  const locale = requestLocale(event);
  const code = event.pathParameters?.code ?? '';
  const caller = callerOf(event);
  switch (routeByKey(event.routeKey)?.name) {
    case 'casePdfPage':
      return copyOfCase({ caller, code, locale, from: originOf(event) }, caseDeps);
    case 'downloadMySubmissionPdf':
      return submissionForCopy(code, { kind: 'owner', caller }, locale, { store, strings });
    default:
      return submissionForCopy(code, { kind: 'holder', email: fieldsOf(event).email ?? '' }, locale, { store, strings });
  }
}

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const submission = await allowedSubmission(event);
  const compiled = await findCompiledForm(submission.formId);
  if (!compiled) throw new NotFoundError(translate(strings, 'error.formNotFound', locale));
  const agencyPdf = compiled.pdfMap && {
    bytes: new Uint8Array(await readFile(join(config.formsDir, `${compiled.form.id}.pdf`))),
    map: compiled.pdfMap,
  };
  const { submissionPdf } = await import('#adapters/submission-pdf');
  const bytes = await submissionPdf({
    form: compiled.form,
    answers: submission.answers,
    code: submission.code,
    submittedAt: submission.submittedAt,
    locale,
    serviceTitle: compiled.service.title[locale],
    agencyName: agencyNames[submission.agency]?.[locale] ?? submission.agency,
    strings,
    ...(agencyPdf && { agencyPdf }),
  });
  return {
    statusCode: 200,
    isBase64Encoded: true,
    body: Buffer.from(bytes).toString('base64'),
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${submission.code}.pdf"`,
      // Answers: never kept by a browser's or the edge's cache.
      'cache-control': 'no-store',
    },
  };
};

export const handler = withHttp(lambdaHandler);
