/**
 * `npm run replay-notifications`: the JSX hook first (the notifier renders e-mails with ui/), then the command —
 * locally (.data/dead-letters/), or with `--aws` the dead-letter queue of a deployed portal (decision 77).
 */
import './jsx-hooks.ts';

if (process.argv.includes('--aws')) await import('./replay-aws.ts');
else await import('./replay-notifications.ts');
