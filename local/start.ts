/**
 * `npm start`: the whole portal on one machine (local/start-portal.ts). This first step lets plain Node load the
 * presentation layer's .tsx files: the hook must be in place before any module that imports one is loaded, and
 * every static import is loaded before any code runs, so the rest comes in by a dynamic import.
 */
import './jsx-hooks.ts';

await import('./start-portal.ts');
