// /auth/callback/: finish signing in, then go back where the person started.

import { pages } from '#ui/paths.ts';
import { completeSignIn } from './session.ts';

const root = document.querySelector<HTMLElement>('[data-callback]');
if (root) {
  const outcome = await completeSignIn().catch(() => ({ kind: 'failed' as const, reason: 'error', returnTo: pages.account() }));
  if (outcome.kind === 'signed-in') location.replace(outcome.returnTo);
  else if (outcome.kind === 'failed') {
    root.querySelector<HTMLElement>('[data-callback-working]')?.setAttribute('hidden', '');
    for (const hidden of root.querySelectorAll<HTMLElement>('[data-callback-failed], [data-callback-back]'))
      hidden.hidden = false;
  }
}
