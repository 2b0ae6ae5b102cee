/** GET /api/search?q=…&lang=…: site search on a plain GET, so the header's search works without JavaScript. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { searchEntries } from '#catalog/search';
import { htmlPage, otherLanguageHref } from '#http/pages';
import { requestLocale, wantsHtml } from '#http/request';
import { json } from '#http/responses';
import { assets } from '#http/site';
import { withHttp } from '#http/with-http';
import { apiPath } from '#ui/paths.ts';

/** Longer queries are cut: nobody types more, and scoring time stays flat. */
const MAX_QUERY = 200;

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const locale = requestLocale(event);
  // Read on the first search, not at start-up: the index grows with the catalog (decision 118).
  const { searchIndex } = await import('#generated/search.js');
  const query = (event.queryStringParameters?.q ?? '').slice(0, MAX_QUERY);
  const entries = searchIndex[locale];
  const results = searchEntries(entries, query);
  if (!wantsHtml(event)) return json(200, { query, results: results.map(({ entry }) => entry) });
  return htmlPage(200, locale, ({ searchPage, langOf }) =>
    searchPage(langOf(locale), {
      query,
      results,
      altHref: otherLanguageHref(apiPath('searchSite', {}, query ? { q: query } : {}), locale),
      images: assets.images,
      lifeEvents: entries.filter((entry) => entry.kind === 'lifeEvent').map(({ title, href }) => ({ title, href })),
    }),
  );
};

export const handler = withHttp(lambdaHandler);
