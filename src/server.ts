import restify from 'restify';
import { errorKind, log } from './log.ts';

export interface ServerDeps {
  /** Runs one Bot Framework request. */
  processMessage(req: restify.Request, res: restify.Response): Promise<void>;
  /** Whether the service can answer (database open). */
  healthy(): boolean;
}

/**
 * The HTTP face of Tally: POST /api/messages for channels, GET /healthz for operators. Tracks in-flight
 * turns so shutdown can let them finish.
 */
export function createServer(deps: ServerDeps): { server: restify.Server; drain(timeoutMs: number): Promise<void> } {
  const server = restify.createServer({ name: 'tally', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 4 * 1024 * 1024, mapParams: false }));
  let inFlight = 0;
  let idle: (() => void) | undefined;

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    inFlight += 1;
    try {
      await deps.processMessage(req, res);
    } catch (err) {
      log.error('http.failed', { kind: errorKind(err) });
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    } finally {
      inFlight -= 1;
      if (inFlight === 0) idle?.();
    }
  });

  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    const ok = deps.healthy();
    res.send(ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable' });
  });

  server.on('restifyError', (req: restify.Request, res: restify.Response, err: Error, callback: () => void) => {
    log.warn('http.rejected', { kind: errorKind(err), path: req.path() });
    return callback();
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
