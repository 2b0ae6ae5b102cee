import type { Route } from '../../functions/http/routes.ts';

export interface Throttle {
  /** Requests per second, steady. */
  rateLimit: number;
  /** Requests at once. */
  burstLimit: number;
}

/**
 * Every route gets an explicit limit, so one busy or abused route cannot use up the account's API Gateway
 * quota (10,000 requests/s shared by every API in the region) and starve the others. Writes are lower than
 * reads: each submission is a DynamoDB transaction, and the queue index is spread for ~16,000 writes/s.
 * Agencies raise a route's limit for a deadline day in agency.config.json ("throttling").
 */
export const DEFAULT_THROTTLES: Record<'read' | 'write', Throttle> = {
  read: { rateLimit: 2000, burstLimit: 4000 },
  write: { rateLimit: 1000, burstLimit: 2000 },
};

export const routeKey = (route: Pick<Route, 'method' | 'path'>) => `${route.method} ${route.path}`;

export function routeThrottle(route: Route, overrides: Readonly<Record<string, Throttle>>): Throttle {
  return overrides[routeKey(route)] ?? route.throttle ?? DEFAULT_THROTTLES[route.method === 'GET' ? 'read' : 'write'];
}
