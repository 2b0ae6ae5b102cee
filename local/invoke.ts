/**
 * `npm run fn -- <handler> <event.json>` (local/invoke-handler.ts). As for `npm start`, the .tsx hook comes first
 * and everything else after it, by a dynamic import.
 */
import './jsx-hooks.ts';

await import('./invoke-handler.ts');
