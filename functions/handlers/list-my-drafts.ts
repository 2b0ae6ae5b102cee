/**
 * A signed-in person's own drafts (decision 0082): GET /api/my/drafts lists them for My account (form, last saved,
 * kept until, and where "Continue" posts); POST /api/my/drafts/{draftId}/continue gives this browser a new draft
 * key cookie (the pages are plain links, which cannot carry the token) and answers with the page they left.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbDraftStore } from '#adapters/dynamodb-draft-store';
import { translate } from '#catalog/i18n';
import { listMyDrafts, mayOpenDraft, newOwnerKey, ownerKeyHash } from '#domain/draft-resume';
import { findDraft, isDraftId } from '#domain/drafts';
import { callerOf } from '#http/caller';
import { draftKeyCookie } from '#http/draft-key';
import { requestLocale } from '#http/request';
import { json } from '#http/responses';
import { formTitleOf, loadCatalogIndex, strings } from '#http/site';
import { withHttp } from '#http/with-http';
import { config } from '#shared/config';
import { NotFoundError, UnauthorizedError } from '#shared/errors';
import { apiPath } from '#ui/paths.ts';
import { leftPagePath } from './save-for-later.ts';

const store = dynamoDbDraftStore(dynamoDb, config.tableName);

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const caller = callerOf(event);
  if (caller.kind !== 'person') throw new UnauthorizedError(translate(strings, 'error.signIn', locale));
  const draftId = event.pathParameters?.draftId;
  if (draftId === undefined) {
    const drafts = await listMyDrafts(caller.subject, { drafts: store, now: () => new Date() });
    await loadCatalogIndex();
    return json(200, {
      drafts: drafts.map((draft) => ({
        ...draft,
        formTitle: formTitleOf(draft.formId, locale) ?? draft.formId,
        continueUrl: apiPath('continueMyDraft', { draftId: draft.draftId }, { lang: locale }),
      })),
    });
  }
  const found = isDraftId(draftId) ? await store.find(draftId) : undefined;
  const draft = found && (await findDraft(store, found.id, found.formId, new Date()));
  // Someone else's draft, or one never signed in: the same "not found" as no draft at all.
  if (!draft?.owner || !mayOpenDraft(draft, { kind: 'subject', subject: caller.subject }) || draft.sentAs)
    throw new NotFoundError(translate(strings, 'form.draftNotFound', locale));
  const key = newOwnerKey();
  await store.save({ ...draft, ownerKeyHash: ownerKeyHash(key) });
  const next = leftPagePath(draft.formId, draft, locale);
  return { ...json(200, { next }, { location: next }), cookies: [draftKeyCookie(draft.id, key)] };
};

export const handler = withHttp(lambdaHandler);
