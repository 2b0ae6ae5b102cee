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

export function html(statusCode: number, body: string, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': 'text/html; charset=utf-8', ...NO_STORE, ...headers }, body };
}

/**
 * For the page a plain form post is answered with when its answers have mistakes. A browser keeps the answer to
 * a POST only if it may store it; with no-store, Back to that page (after the next post succeeded) is Chrome's
 * ERR_CACHE_MISS, "Confirm form resubmission". `private` keeps it out of every shared cache (CloudFront caches
 * nothing under /api/), and `no-cache` means it is never reused except for Back and Forward. The page holds only
 * what this person just typed into this browser.
 */
export const BACK_TO_THIS_PAGE = { 'cache-control': 'private, no-cache' };

/** 303 See Other: after a POST the browser GETs the confirmation, so refresh never re-sends the form. */
export function seeOther(location: string): APIGatewayProxyStructuredResultV2 {
  return { statusCode: 303, headers: { location, ...NO_STORE }, body: '' };
}
