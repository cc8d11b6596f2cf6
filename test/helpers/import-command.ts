/**
 * `npm run import` as package.json runs it: the node flags and script of its `import` line, so tests that
 * spawn the command (to kill it, or to read its exit code and output) run exactly what an operator runs.
 */
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  scripts: Record<string, string>;
};

/** The arguments after `node` in the `import` script: its flags, then `src/cli/import.ts`. */
export const IMPORT_COMMAND: readonly string[] = (() => {
  const [node, ...args] = (pkg.scripts.import ?? '').split(/\s+/);
  if (node !== 'node' || args.at(-1) !== 'src/cli/import.ts')
    throw new Error(`package.json "import" is not "node … src/cli/import.ts": ${pkg.scripts.import}`);
  return args;
})();
