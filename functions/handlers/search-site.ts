/** GET /api/search?q=…&lang=…: site search on a plain GET, so the header's search works without JavaScript. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { searchEntries } from '#catalog/search';
import { searchIndex } from '#generated/search.js';
import { langOf, otherLanguageHref, renderView } from '#http/pages';
import { requestLocale, wantsHtml } from '#http/request';
import { html, json } from '#http/responses';
import { assets } from '#http/site';
import { withHttp } from '#http/with-http';
import { searchPage } from '#ui/pages/SearchPage.tsx';
import { apiPath } from '#ui/paths.ts';

/** Longer queries are cut: nobody types more, and scoring time stays flat. */
const MAX_QUERY = 200;

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  const query = (event.queryStringParameters?.q ?? '').slice(0, MAX_QUERY);
  const entries = searchIndex[locale];
  const results = searchEntries(entries, query);
  if (!wantsHtml(event)) return json(200, { query, results: results.map(({ entry }) => entry) });
  const view = searchPage(langOf(locale), {
    query,
    results,
    altHref: otherLanguageHref(apiPath('searchSite', {}, query ? { q: query } : {}), locale),
    images: assets.images,
    lifeEvents: entries.filter((entry) => entry.kind === 'lifeEvent').map(({ title, href }) => ({ title, href })),
  });
  return html(200, renderView(locale, view));
};

export const handler = withHttp(lambdaHandler);
