/**
 * GET /api/openapi.json: the API's OpenAPI 3.1 document. Built with the site (scripts/build.ts) from the route
 * table, the catalog's forms and functions/contracts/, and imported already serialised: the function does no
 * work at start-up or per request.
 */
import { openApiJson } from '#generated/openapi.js';
import { withHttp } from '#http/with-http';

const lambdaHandler = async () => ({
  statusCode: 200,
  // Not personal, the same for everyone, and changed only by a deploy.
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' },
  body: openApiJson,
});

export const handler = withHttp(lambdaHandler);
