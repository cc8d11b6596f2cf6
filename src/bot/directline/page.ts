import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type restify from 'restify';
import { ROOT } from '../../config.ts';
import { log } from '../../log.ts';
import { sendJson } from '../../server.ts';

/** Where `scripts/build-web.mjs` writes the page and its bundle (gitignored: the build makes them). */
export const WEB_DIR = join(ROOT, 'dist', 'web');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Everything comes from this origin: scripts and styles from the bundle (Web Chat injects its styles at
 * run time), chart images as data: URLs, files to upload read from blob: URLs, the Direct Line API and its
 * WebSocket on this host. No CDN, no fonts from elsewhere.
 */
function contentSecurityPolicy(imageOrigins: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...imageOrigins].join(' '),
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface PageOptions {
  /** The built page (`dist/web`). */
  dir: string;
  /** Where card images may come from besides this origin (chart images at Tally's public URL). */
  imageOrigins(): string[];
}

interface Cached {
  mtimeMs: number;
  body: Buffer;
  gzipped?: Buffer;
}

/** GET / (the chat page) and GET /web/:file (its bundle), from `dir`. */
export function servePage(server: restify.Server, { dir, imageOrigins }: PageOptions): void {
  const cache = new Map<string, Cached>();
  const send = async (
    req: restify.Request,
    res: restify.Response,
    name: string,
    headers: Record<string, string>,
  ) => {
    const file = await load(cache, join(dir, name));
    if (!file) {
      if (name === 'index.html') log.warn('web.not-built', { dir: 'dist/web' });
      return sendJson(res, name === 'index.html' ? 503 : 404, {
        error: name === 'index.html' ? 'page-not-built' : 'not-found',
      });
    }
    const type = TYPES[extname(name)] ?? 'application/octet-stream';
    const wantsGzip =
      /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && file.body.length > 1024;
    if (wantsGzip) file.gzipped ??= await promisify(gzip)(file.body);
    const body = wantsGzip && file.gzipped ? file.gzipped : file.body;
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': String(body.length),
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept-Encoding',
      ...(body === file.gzipped ? { 'Content-Encoding': 'gzip' } : {}),
      ...headers,
    });
    res.end(body);
  };

  server.get('/', async (req: restify.Request, res: restify.Response) =>
    send(req, res, 'index.html', {
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': contentSecurityPolicy(imageOrigins().flatMap(originOf)),
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
    }),
  );

  server.get('/web/:file', async (req: restify.Request, res: restify.Response) => {
    const name = String(req.params?.file ?? '');
    if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(name) || name === 'index.html')
      return sendJson(res, 404, { error: 'not-found' });
    // Bundles are named by their content, so they never change under a name.
    await send(req, res, name, { 'Cache-Control': 'public, max-age=31536000, immutable' });
  });
}

async function load(cache: Map<string, Cached>, path: string): Promise<Cached | undefined> {
  let mtimeMs: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return undefined;
    mtimeMs = info.mtimeMs;
  } catch {
    return undefined;
  }
  const cached = cache.get(path);
  if (cached && cached.mtimeMs === mtimeMs) return cached;
  const fresh = { mtimeMs, body: await readFile(path) };
  cache.set(path, fresh);
  return fresh;
}

/** The origin of a URL, as a CSP source; nothing for anything that is not http(s). */
function originOf(url: string): string[] {
  try {
    const { protocol, origin } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? [origin] : [];
  } catch {
    return [];
  }
}
