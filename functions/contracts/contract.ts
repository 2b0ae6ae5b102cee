/**
 * What a route answers, declared once next to its handler (functions/contracts/<handler>.ts, one entry per route
 * name the handler serves). The OpenAPI document (./openapi.ts) is built from the route table plus these; the
 * contract test and the fuzzer check real answers against it. Only the build and the tests read these files:
 * no function bundles them.
 *
 * What every route answers anyway is added by the generator, not declared here: 500 (internal error), 403 (the
 * origin check), 401 and 403 on routes that need a caller, 503 when the table does not answer (routes with table
 * access), and 400/413/415 on routes with a request body.
 */
import { z } from 'zod';
import type { RouteName } from '#ui/paths.ts';

export { z };

/** One answer of a route for one status code. */
export interface Answer {
  /** One line: when this answer is given. */
  description: string;
  /** The JSON body (`Accept: application/json`, or a JSON request). */
  json?: z.ZodType;
  /** The same status also answers an HTML page in the site's look (browsers, plain form posts). */
  html?: boolean;
  /** A redirect: the Location header says where. */
  redirect?: boolean;
  /** A file to download instead of JSON or a page: its media type (e.g. `text/csv`). */
  file?: string;
  /** Response headers besides content-type and cache-control. */
  headers?: Record<string, string>;
}

/** A query or header parameter. */
export interface Parameter {
  description: string;
  required?: boolean;
  schema?: z.ZodType;
}

export interface RouteContract {
  /** The body the route reads. `answers` stands for the form's own answers schema (from the catalog). */
  request?: {
    description: string;
    required?: boolean;
    json?: z.ZodType | 'form-answers';
    /** A plain HTML form post (application/x-www-form-urlencoded): its fields. */
    form?: z.ZodType;
  };
  query?: Record<string, Parameter>;
  headers?: Record<string, Parameter>;
  /** Every answer the handler itself gives: successes, redirects and the errors particular to the route. */
  responses: Record<number, Answer>;
}

/** A handler's contracts: one per route-table entry it serves, keyed by the route's name. */
export type Contracts = Partial<Record<RouteName, RouteContract>>;

/** The error body every PortalError below 500 is answered with (functions/http/with-http.ts). */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe('A stable machine-readable code, e.g. `not_found`, `invalid_answers`'),
      message: z.string().describe('Plain language, in the language asked for, safe to show a person'),
      fields: z
        .array(
          z.object({
            field: z.string().describe('The question (field name) the problem is with'),
            message: z.string(),
          }),
        )
        .optional()
        .describe('For `invalid_answers`: one entry per answer to correct'),
    }),
    requestId: z.string().optional().describe('On a 500 only: quote it when reporting the problem'),
  })
  .meta({ id: 'Error' });

/** An error answer of the route (JSON error body, and an HTML page for browsers). */
export function error(description: string): Answer {
  return { description, json: ErrorBody, html: true };
}

/** A file download (a CSV export): its media type, and when it is given. */
export function download(description: string, mediaType: string, headers?: Record<string, string>): Answer {
  return { description, file: mediaType, headers: { 'content-disposition': 'attachment, with the file name', ...headers } };
}

/** A page in the site's look (the workspace's pages, a form's page). */
export function page(description: string): Answer {
  return { description, html: true };
}

/** A 303 to another page (plain form posts). */
export function seeOther(description: string): Answer {
  return { description, redirect: true };
}

export const timestamp = z.string().describe('ISO 8601 date and time (UTC)');
export const cents = z.number().int().describe('In cents');
