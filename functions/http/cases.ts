/** What the workspace's handlers share: the stores, where a request came from (for the audit trail), answers. */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { dynamoDb } from '#adapters/dynamodb';
import { dynamoDbCaseStore } from '#adapters/dynamodb-case-store';
import type { AuditOrigin } from '#domain/audit';
import { CaseConflictError } from '#domain/cases';
import { auditRetentionDays, config } from '#shared/config';
import { viewerIpOf } from './idempotency.ts';
import { bodyMessages, header, readBody, requestLocale } from './request.ts';
import { json } from './responses.ts';
import { routeByKey } from './routes.ts';
import { strings } from './site.ts';

const store = dynamoDbCaseStore(dynamoDb, config.tableName);
const retentionDays = auditRetentionDays();

export const caseDeps = { store, queue: store, strings, now: () => new Date(), retentionDays };

/** Where the request came from, as the edge saw it: the audit trail's "from where". */
export function originOf(event: APIGatewayProxyEventV2): AuditOrigin {
  return { address: viewerIpOf(event), userAgent: header(event, 'user-agent') };
}

/** The fields of a JSON or form body as strings (anything else is dropped). */
export function fieldsOf(event: APIGatewayProxyEventV2): Record<string, string> {
  const body = readBody(event, bodyMessages(requestLocale(event)));
  const entries = body.kind === 'form' ? [...body.value] : Object.entries((body.value ?? {}) as Record<string, unknown>);
  return Object.fromEntries(
    entries.filter(([, v]) => typeof v === 'string' || typeof v === 'number').map(([k, v]) => [k, String(v)]),
  );
}

/** "Someone else changed this case": 409 with the case as it stands now, so the client can show it. */
export async function answeringConflicts(
  work: () => Promise<APIGatewayProxyStructuredResultV2>,
): Promise<APIGatewayProxyStructuredResultV2> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof CaseConflictError)) throw error;
    const { submission, history, messages } = error.current;
    return json(409, {
      error: { code: error.code, message: error.message },
      case: { ...submission, version: submission.version ?? 0, history, messages },
    });
  }
}

/** A staff page route (`credentials: 'session'`): answered with HTML by ./agency-pages.ts, loaded on first use. */
export function isPageRoute(event: APIGatewayProxyEventV2): boolean {
  return routeByKey(event.routeKey)?.credentials === 'session';
}

/** A whole number from 1 (a part's number, rows in a part), or undefined for anything else. */
export function countOf(text: string | undefined): number | undefined {
  return text && /^[1-9]\d{0,5}$/.test(text) ? Number(text) : undefined;
}

/** The queue filter's own query fields (and the language), as a page keeps them in its links. */
export function filterQueryOf(query: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    ['status', 'service', 'mine', 'order', 'lang'].flatMap((k) => (query[k] === undefined ? [] : [[k, query[k] as string]])),
  );
}

/** A version as sent: a whole number, or -1 (which never matches) for anything else. */
export function versionFrom(text: string | undefined): number {
  return text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : -1;
}
