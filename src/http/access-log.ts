import type { IncomingMessage, ServerResponse } from 'node:http';
import type restify from 'restify';
import { log } from '../log.ts';
import { bodyBytesRead } from './body.ts';

/**
 * One structured line per request: method, route (the pattern, never the URL or its query), status,
 * duration, bytes in and out. No bodies, no headers, no ids of people, no tokens.
 */
export function logRequests(server: restify.Server): void {
  server.pre((req: restify.Request, res: restify.Response, next: restify.Next) => {
    const started = process.hrtime.bigint();
    const counted = countBytesOut(res);
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const route = req.getRoute()?.path;
      log.info('http.request', {
        method: req.method,
        route: typeof route === 'string' ? route : 'unmatched',
        status: res.statusCode,
        ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
        bytesIn: bodyBytesRead(req as IncomingMessage),
        bytesOut: counted(),
        aborted: res.writableFinished ? undefined : true,
      });
    };
    res.once('finish', done);
    res.once('close', done);
    next();
  });
}

/** Counts the body bytes a response writes; returns a reader for the count. */
function countBytesOut(res: ServerResponse): () => number {
  let bytes = 0;
  const add = (chunk: unknown, encoding?: unknown) => {
    if (typeof chunk === 'string')
      bytes += Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
    else if (chunk instanceof Uint8Array) bytes += chunk.length;
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    add(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== 'function') add(chunk, rest[0]);
    return end(chunk, ...rest);
  }) as ServerResponse['end'];
  return () => bytes;
}
