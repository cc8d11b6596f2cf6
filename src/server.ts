import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import restify from 'restify';
import { logRequests } from './http/access-log.ts';
import { BodyError, DEFAULT_BODY_LIMITS, discard, readJsonBody } from './http/body.ts';
import { readinessAnswer, type ProbeAnswer, type ReadinessState } from './health.ts';
import { errorKind, log } from './log.ts';

export interface ServerDeps {
  /** Runs one Bot Framework request; `req.body` holds the JSON object already read. */
  processMessage(req: restify.Request, res: restify.Response): Promise<void>;
  /** The database's state, for GET /healthz (see healthProbe). */
  health(): Promise<ProbeAnswer>;
  /** Whether start-up has finished and shutdown has not begun, for GET /readyz. */
  readiness(): ReadinessState;
  /**
   * With authentication on: why an Authorization header is refused before the body is even read, or
   * undefined to let the request through to the full check.
   */
  screenAuthorization?(header: string | string[] | undefined): string | undefined;
  /** Further routes beside the channel's: the Web Chat page and its Direct Line service. */
  mount?(server: restify.Server): void;
  /** Takes a WebSocket upgrade it serves (Direct Line's stream) and returns true; any other is closed. */
  upgrade?(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
}

/**
 * The HTTP face of Tally: POST /api/messages for channels, GET /healthz and /readyz for operators. Bodies are read by
 * our own streaming reader (restify's bodyParser counts compressed bytes and crashes on a bad gzip stream).
 * Tracks in-flight turns so shutdown can let them finish.
 */
export function createServer(deps: ServerDeps): {
  server: restify.Server;
  drain(timeoutMs: number): Promise<void>;
} {
  // restify's handleUncaughtExceptions runs every request in a (deprecated, slow) domain; handlers here
  // catch their own errors instead, and the process keeps a last-resort handler (see guardProcess).
  const server = restify.createServer({ name: 'tally', handleUncaughtExceptions: false });
  logRequests(server);
  let inFlight = 0;
  let idle: (() => void) | undefined;

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    inFlight += 1;
    try {
      const refused = deps.screenAuthorization?.(req.headers.authorization);
      if (refused) {
        log.warn('http.unauthorized', { reason: refused });
        discard(req);
        return sendJson(res, 401, { error: 'unauthorized' });
      }
      let body: Record<string, unknown>;
      try {
        body = await readJsonBody(req, DEFAULT_BODY_LIMITS);
      } catch (err) {
        if (!(err instanceof BodyError)) throw err;
        log.warn('http.rejected', { reason: err.reason, status: err.status });
        return sendJson(res, err.status, { error: err.reason });
      }
      req.body = body;
      await deps.processMessage(req, res);
    } catch (err) {
      log.error('http.failed', { kind: errorKind(err) });
      if (!res.headersSent) sendJson(res, 500, { error: 'internal-error' });
    } finally {
      inFlight -= 1;
      if (inFlight === 0) idle?.();
    }
  });

  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    const { status, body } = await deps.health();
    sendJson(res, status, body);
  });

  server.get('/readyz', async (_req: restify.Request, res: restify.Response) => {
    const { status, body } = readinessAnswer(deps.readiness());
    sendJson(res, status, body);
  });

  deps.mount?.(server);

  // restify's own refusals (unknown route, wrong method) and anything a handler passed to next(err).
  server.on(
    'restifyError',
    (req: restify.Request, _res: restify.Response, err: Error, callback: () => void) => {
      const route = req.getRoute()?.path;
      log.warn('http.rejected', {
        reason: errorKind(err),
        route: typeof route === 'string' ? route : 'unmatched',
      });
      return callback();
    },
  );

  // restify re-emits the HTTP server's events: an 'error' nobody listens to would throw, and an upgrade
  // nobody takes would leave its socket open.
  server.on('error', (err: Error) => log.error('http.server-error', { kind: errorKind(err) }));
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    let taken = false;
    try {
      taken = deps.upgrade?.(req, socket, head) ?? false;
    } catch (err) {
      log.error('http.upgrade-failed', { kind: errorKind(err) });
    }
    if (!taken) socket.destroy();
  });

  return {
    server,
    drain: (timeoutMs) =>
      new Promise<void>((resolve) => {
        if (inFlight === 0) return resolve();
        const timer = setTimeout(resolve, timeoutMs);
        idle = () => {
          clearTimeout(timer);
          resolve();
        };
      }),
  };
}

/** A small JSON answer written directly, whatever the request's Accept header says. */
export function sendJson(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
