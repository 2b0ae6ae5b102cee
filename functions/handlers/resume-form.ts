/**
 * Come back to a saved form (decision 0082): GET /api/resume (?code= from the e-mailed link fills the code in) asks
 * for the resume code and the date of birth; POST checks them (five wrong tries lock the code) and answers 303 to
 * the page the person left. The code alone opens nothing.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbDraftStore } from '#adapters/dynamodb-draft-store';
import { answersFromEntries } from '#catalog/form-values';
import { translate } from '#catalog/i18n';
import { resumeByCode } from '#domain/draft-resume';
import { findDraft } from '#domain/drafts';
import { htmlPage, otherLanguageHref } from '#http/pages';
import { bodyMessages, readBody, requestLocale, wantsHtml } from '#http/request';
import { BACK_TO_THIS_PAGE, json, seeOther } from '#http/responses';
import { strings } from '#http/site';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';
import { BadRequestError, InvalidAnswersError } from '#shared/errors';
import { apiPath } from '#ui/paths.ts';
import { leftPagePath } from './save-for-later.ts';

const store = dynamoDbDraftStore(dynamoDb, config.tableName);

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const render = (status: number, values: Record<string, string | undefined>, problems: InvalidAnswersError['problems']) =>
    htmlPage(
      status,
      locale,
      ({ resumePage, langOf }) =>
        resumePage(langOf(locale), {
          action: apiPath('resumeForm', {}, { lang: locale }),
          altHref: otherLanguageHref(apiPath('showResumeForm', {}, values.code ? { code: values.code } : {}), locale),
          values,
          problems,
        }),
      BACK_TO_THIS_PAGE,
    );

  if (event.requestContext.http.method === 'GET') {
    const code = event.queryStringParameters?.code?.slice(0, 20);
    return render(200, { ...(code && { code }) }, []);
  }
  const body = readBody(event, bodyMessages(locale));
  const fields = body.kind === 'form' ? body.value : undefined;
  let code: string;
  let dateOfBirth: string | undefined;
  if (fields) {
    code = fields.get('code') ?? '';
    dateOfBirth = answersFromEntries([{ name: 'dateOfBirth', type: 'memorableDate' }], fields).dateOfBirth as string | undefined;
  } else {
    const value = body.value as Record<string, unknown> | null;
    if (typeof value !== 'object' || value === null) throw new BadRequestError(translate(strings, 'error.jsonShape', locale));
    code = typeof value.code === 'string' ? value.code : '';
    dateOfBirth = typeof value.dateOfBirth === 'string' ? value.dateOfBirth : undefined;
  }
  try {
    const record = await resumeByCode({ code, dateOfBirth, locale }, { store, strings });
    const draft = await findDraft(store, record.draftId, record.formId, new Date());
    // The draft was sent (its code then leads to the status page) or is gone: the same refusal as a wrong code.
    if (!draft || draft.resumeCode !== record.code)
      throw new InvalidAnswersError(translate(strings, 'form.errorSummaryTitle', locale), [
        { field: 'code', message: translate(strings, 'resume.noMatch', locale) },
      ]);
    const next = draft.sentAs
      ? apiPath('showStatus', { code: draft.sentAs }, { lang: locale })
      : leftPagePath(record.formId, draft, locale);
    if (fields && wantsHtml(event)) return seeOther(next);
    return json(200, { next }, { location: next });
  } catch (error) {
    if (error instanceof InvalidAnswersError && fields && wantsHtml(event))
      return render(422, { ...Object.fromEntries(fields) }, error.problems);
    throw error;
  }
};

export const handler = withHttp(lambdaHandler);
