import type { Route } from '../../functions/http/routes.ts';

/**
 * The route table's functions are deployed in one nested stack per area of the API (decision 146), so the app
 * stack does not grow by a function's role, policy, log group and permission for every new handler, and no stack
 * nears CloudFormation's 500 resources. The routes and their integrations stay in the app stack with the API.
 *
 * A function goes to the first area below that any of its routes falls in (by path): one that also serves a staff
 * page lives with the workspace, one that also serves anonymous routes with the public ones. Moving a function to
 * another area (a route added or moved) replaces it on the next deploy: a new function and log group, the old log
 * group kept (docs/deploying.md).
 */
const WORKSPACE = '/api/agency/';
const ACCOUNT = '/api/my/';

export interface FunctionArea {
  /** The nested stack's construct id is `<id>Functions`: never rename one (its functions would be replaced). */
  id: string;
  description: string;
  serves(path: string): boolean;
}

export const FUNCTION_AREAS: readonly FunctionArea[] = [
  {
    id: 'Workspace',
    description: "the staff workspace's functions (/api/agency/)",
    serves: (path) => path.startsWith(WORKSPACE),
  },
  {
    id: 'Public',
    description: 'the functions of the routes anyone may call',
    serves: (path) => !path.startsWith(WORKSPACE) && !path.startsWith(ACCOUNT),
  },
  { id: 'Account', description: "the functions of people's own pages (/api/my/)", serves: (path) => path.startsWith(ACCOUNT) },
];

/** The area of the function serving these routes (one handler's). */
export function functionArea(routes: readonly Pick<Route, 'path'>[]): FunctionArea {
  const area = FUNCTION_AREAS.find((candidate) => routes.some((route) => candidate.serves(route.path)));
  if (!area) throw new Error('A function needs at least one route');
  return area;
}

/**
 * The part of `execute-api:…:<api>/<stage>/<method><path>` a function's invoke permission names: the route's path
 * when it serves one path, else the paths' common beginning and `*`. API Gateway puts the route's path as written
 * (`{code}` included) in the ARN it invokes with.
 */
export function invokePathPattern(paths: readonly string[]): string {
  const [first, ...rest] = paths;
  if (first === undefined) throw new Error('A function needs at least one route');
  if (rest.every((path) => path === first)) return first;
  let prefix = first;
  for (const path of rest) while (!path.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return `${prefix}*`;
}
