/**
 * Builds the chat page: web/main.ts and everything it imports (Web Chat, React) bundled by esbuild into
 * dist/web/, named by content hash, with web/index.html pointing at the bundle. Nothing is fetched from a
 * CDN at run time; the page loads only what this writes.
 *
 *   node scripts/build-web.mjs            build (fails when esbuild is missing)
 *   node scripts/build-web.mjs --optional skip quietly when esbuild is not installed (production installs)
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { argv, exit, stderr, stdout } from 'node:process';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'web');
const out = join(root, 'dist', 'web');
const optional = argv.includes('--optional');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  if (optional) {
    stdout.write('build-web: esbuild is not installed (a production install); the chat page was not built\n');
    exit(0);
  }
  stderr.write('build-web: esbuild is not installed; run npm install\n');
  exit(1);
}

const started = Date.now();
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const result = await esbuild.build({
  entryPoints: { main: join(source, 'main.ts') },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2020'],
  outdir: out,
  entryNames: '[name]-[hash]',
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});

const entry = Object.entries(result.metafile.outputs).find(([, output]) =>
  output.entryPoint?.endsWith('main.ts'),
);
if (!entry) throw new Error('build-web: esbuild wrote no bundle for web/main.ts');
const [bundlePath, bundle] = entry;
const html = await readFile(join(source, 'index.html'), 'utf8');
if (!html.includes('/web/main.js')) throw new Error('build-web: web/index.html must load /web/main.js');
await writeFile(join(out, 'index.html'), html.replace('/web/main.js', `/web/${basename(bundlePath)}`));

const kb = Math.round(bundle.bytes / 1024);
stdout.write(
  `build-web: ${relative(root, join(out, basename(bundlePath)))} (${kb} KB) in ${Date.now() - started} ms\n`,
);
