/** The few response shapes the API gives: JSON, an HTML page, a redirect. Never cached: answers are personal. */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

const NO_STORE = { 'cache-control': 'no-store' };

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', ...NO_STORE, ...headers },
    body: JSON.stringify(body),
  };
}

export function html(statusCode: number, body: string): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': 'text/html; charset=utf-8', ...NO_STORE }, body };
}

/** 303 See Other: after a POST the browser GETs the confirmation, so refresh never re-sends the form. */
export function seeOther(location: string): APIGatewayProxyStructuredResultV2 {
  return { statusCode: 303, headers: { location, ...NO_STORE }, body: '' };
}
