/**
 * Entry point for `npm start`. Before anything else is loaded it turns on V8's compile cache, so later
 * start-ups reuse the compiled code of Tally and its dependencies instead of compiling them again (about a
 * third of start-up is loading modules). The cache lives in `.cache/v8` (git-ignored); the first start after
 * an install or build writes it, and `NODE_DISABLE_COMPILE_CACHE=1` turns it off. Only then is the app
 * imported: static imports would all be loaded before this module's body runs.
 */
import module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

module.enableCompileCache?.(join(dirname(fileURLToPath(import.meta.url)), '..', '.cache', 'v8'));
await import('./main.ts');
