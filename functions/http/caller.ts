/**
 * Who is calling, from the claims API Gateway's JWT authorizer hands the function in
 * `requestContext.authorizer.jwt.claims` (the local runtime puts them in the same place and shape).
 * API Gateway has already checked the token's signature, issuer, audience/client and times; this only
 * reads what it vouched for. Array claims arrive stringified, e.g. `"[citizen staff:dmv]"`.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ANONYMOUS, type Caller } from '#domain/authorization';

type ClaimValue = string | number | boolean | string[];

export function claimsOf(event: APIGatewayProxyEventV2): Record<string, ClaimValue> | undefined {
  const context = event.requestContext as { authorizer?: { jwt?: { claims?: Record<string, ClaimValue> } } };
  return context.authorizer?.jwt?.claims;
}

/** `"[a b]"` (API Gateway's rendering of a JSON array), a real array, or one value → a list. */
export function claimList(value: ClaimValue | undefined): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map(String);
  const text = String(value).trim();
  const inner = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  return inner.split(/[\s,]+/).filter(Boolean);
}

export function callerOf(event: APIGatewayProxyEventV2): Caller {
  const claims = claimsOf(event);
  const subject = claims?.sub === undefined ? undefined : String(claims.sub);
  // Only access tokens speak for a caller (API Gateway's scope check already refuses ID tokens).
  if (!claims || !subject || (claims.token_use !== undefined && claims.token_use !== 'access')) return ANONYMOUS;
  const clientId = claims.client_id === undefined ? undefined : String(claims.client_id);
  // A client-credentials token (another channel) names the client as its subject and has no user.
  if (claims.username === undefined && clientId !== undefined && subject === clientId) {
    return { kind: 'machine', clientId, scopes: claimList(claims.scope).flatMap((s) => s.split(' ')) };
  }
  return {
    kind: 'person',
    subject,
    groups: claimList(claims['cognito:groups']),
    ...(claims.email !== undefined && { email: String(claims.email) }),
    ...(claims.name !== undefined && { name: String(claims.name) }),
  };
}
