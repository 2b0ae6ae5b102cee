/**
 * POST /api/agency/desk/unlinked/{agency}/{contact}/link: staff link an unlinked contact to one of the agency's cases
 * (by its confirmation code) or to a person (domain/staff-timeline.ts; audited). A 303 back to the list saying where
 * it went; the list again (422) naming the field to fix; "already linked" when someone else got there first.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { LinkContactError, linkContact } from '#domain/staff-timeline';
import { callerOf } from '#http/caller';
import { fieldsOf, originOf } from '#http/cases';
import { staffTimelineDeps, unlinkedPageAnswer } from '#http/people-pages';
import { requestLocale } from '#http/request';
import { seeOther } from '#http/responses';
import { withHttp } from '#http/with-http';
import { apiPath } from '#ui/paths.ts';

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const agency = event.pathParameters?.agency ?? '';
  const contact = event.pathParameters?.contact ?? '';
  const fields = fieldsOf(event);
  try {
    const result = await linkContact(
      {
        caller: callerOf(event),
        agency,
        contact,
        target: { ...(fields.code && { code: fields.code }), ...(fields.person && { person: fields.person }) },
        locale,
        from: originOf(event),
      },
      staffTimelineDeps,
    );
    // Someone else linked it meanwhile: back to the list, which says so.
    if (result.outcome === 'gone') return seeOther(apiPath('unlinkedContactsPage', { agency }, { lang: locale, gone: '1' }));
    const linked = result.caseCode ?? result.person ?? '';
    return seeOther(apiPath('unlinkedContactsPage', { agency }, { lang: locale, linked }));
  } catch (error) {
    if (!(error instanceof LinkContactError)) throw error;
    return unlinkedPageAnswer(event, {
      statusCode: 422,
      problem: { key: contact, message: error.message, code: fields.code ?? '' },
    });
  }
};

export const handler = withHttp(lambdaHandler);
