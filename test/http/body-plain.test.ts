/**
 * A body sent without a content coding is read straight off the request: the same object, limits,
 * timeout and refusals as the decoding path, here over a real HTTP connection.
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BodyError,
  bodyBytesRead,
  DEFAULT_BODY_LIMITS,
  readJsonBody,
  type BodyLimits,
} from '../../src/http/body.ts';

let server: Server | undefined;
afterEach(
  () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

type Outcome = { value?: Record<string, unknown>; status?: number; reason?: string; bytes: number };

/** Serves one request, reading its body with `limits`; `send` writes the request's body. */
function readOne(limits: BodyLimits, send: (req: ReturnType<typeof request>) => void): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    server = createServer((req: IncomingMessage, res) => {
      readJsonBody(req, limits).then(
        (value) => resolve({ value, bytes: bodyBytesRead(req) }),
        (err: unknown) => {
          if (!(err instanceof BodyError)) return reject(err);
          resolve({ status: err.status, reason: err.reason, bytes: bodyBytesRead(req) });
        },
      );
      res.on('error', () => undefined);
      setTimeout(() => res.end(), 50);
    });
    server.listen(0, '127.0.0.1', () => {
      const { port } = server?.address() as AddressInfo;
      const req = request({
        port,
        host: '127.0.0.1',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      });
      req.on('error', () => undefined);
      send(req);
    });
  });
}

describe('reading a body sent as it is', () => {
  it('reads a JSON object sent in several chunks and counts its bytes', async () => {
    const text = JSON.stringify({
      type: 'message',
      text: 'how much on coffee in june',
      pad: 'x'.repeat(70_000),
    });
    const outcome = await readOne(DEFAULT_BODY_LIMITS, (req) => {
      req.write(text.slice(0, 1000));
      setTimeout(() => req.end(text.slice(1000)), 20);
    });
    expect(outcome.value?.text).toBe('how much on coffee in june');
    expect(outcome.bytes).toBe(Buffer.byteLength(text));
  });

  it('refuses a body past the limit with 413 as soon as it passes it', async () => {
    const outcome = await readOne({ ...DEFAULT_BODY_LIMITS, maxBytes: 1000 }, (req) => {
      req.write(`{"pad":"${'x'.repeat(2000)}`);
      setTimeout(() => req.end('"}'), 20);
    });
    expect(outcome).toMatchObject({ status: 413, reason: 'too-large' });
  });

  it('gives up on a body that trickles past the time allowed with 408', async () => {
    const outcome = await readOne({ ...DEFAULT_BODY_LIMITS, timeoutMs: 100 }, (req) => {
      req.write('{"type":');
    });
    expect(outcome).toMatchObject({ status: 408, reason: 'timeout' });
  });

  it('says a body cut off by the client was aborted', async () => {
    const outcome = await readOne(DEFAULT_BODY_LIMITS, (req) => {
      req.write('{"type":');
      setTimeout(() => req.destroy(), 20);
    });
    expect(outcome).toMatchObject({ status: 400, reason: 'aborted' });
  });

  it('refuses what is not JSON, as the decoding path does', async () => {
    const outcome = await readOne(DEFAULT_BODY_LIMITS, (req) => req.end('{"type": mess'));
    expect(outcome).toMatchObject({ status: 400, reason: 'invalid-json' });
  });
});
