/**
 * Every rule-pack finding the portal accepts, in one place, each with the reason a security reviewer can
 * check. docs/deploying.md explains each id (a test keeps the two in step).
 */
import type { Route } from '../functions/http/routes.ts';
import type { Portal } from './portal.ts';

export function acknowledgeRules(_portal: Portal, _routes: readonly Route[]): void {}
