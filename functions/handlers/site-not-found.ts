/**
 * The site's own 404 page, in the language of the path that was not found. On AWS, CloudFront sends a site
 * request here (the failover origin of an origin group) when the site bucket answers 403 or 404, so a mistyped
 * address gets the page people know, not S3's XML. Locally, local/server.ts serves the same pages itself.
 * No route-table entry: CloudFront calls it through its function URL, never API Gateway.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { localeOfPath } from '#catalog/i18n';
import { notFoundPages } from '#generated/not-found.js';

export const handler = async (event: Pick<APIGatewayProxyEventV2, 'rawPath'>): Promise<APIGatewayProxyStructuredResultV2> => ({
  statusCode: 404,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    // Short in CloudFront, so a page published at this address later is not hidden behind a cached 404.
    'cache-control': 'public, max-age=0, s-maxage=300',
  },
  body: notFoundPages[localeOfPath(event.rawPath ?? '/')],
});
