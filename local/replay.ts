/** `npm run replay-notifications`: the JSX hook first (the notifier renders e-mails with ui/), then the command. */
import './jsx-hooks.ts';

await import('./replay-notifications.ts');
