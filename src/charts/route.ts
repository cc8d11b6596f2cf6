/**
 * `GET /charts/<id>.png`: the chart image a card points at. Unknown, malformed and expired ids all get
 * the same 404, so an answer says nothing about which ids exist. The access log records the route
 * pattern, never the id.
 */
import type { ServerResponse } from 'node:http';
import type restify from 'restify';
import { errorKind, log } from '../log.ts';
import { PoolBusyError } from './pool.ts';
import type { ChartService } from './service.ts';

export const CHART_ROUTE = '/charts/:id.png';

export function chartRoute(
  charts: ChartService,
): (req: restify.Request, res: restify.Response) => Promise<void> {
  return async (req, res) => {
    const id = typeof req.params?.id === 'string' ? req.params.id : '';
    try {
      const image = await charts.image(id);
      if (!image) return plain(res, 404, 'not found');
      const seconds = Math.max(0, Math.floor((image.expiresAt.getTime() - Date.now()) / 1000));
      res.writeHead(200, {
        'Content-Type': 'image/png',
        'Content-Length': image.png.length,
        // Personal data: shared caches must not keep it, and a browser not past the id's expiry.
        'Cache-Control': `private, max-age=${seconds}`,
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(image.png);
    } catch (err) {
      if (err instanceof PoolBusyError) {
        log.warn('chart.busy', {});
        return plain(res, 503, 'busy', { 'Retry-After': '1' });
      }
      log.error('chart.failed', { kind: errorKind(err) });
      if (!res.headersSent) plain(res, 500, 'internal error');
    }
  };
}

function plain(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}
