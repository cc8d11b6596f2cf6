/**
 * Where attachments may be downloaded from, and the deadline every download keeps, against real local
 * HTTP servers on 127.0.0.1 (one that answers, one that trickles, one that never answers).
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fetchAttachment,
  mayDownload,
  withDeadline,
  type AttachmentPolicy,
} from '../../src/bot/attachments.ts';
import { AttachmentError } from '../../src/conversation/link.ts';
import { setLogLevel } from '../../src/log.ts';

const EMULATOR: AttachmentPolicy = {
  microsoftAppId: '',
  maxUploadBytes: 1024 * 1024,
  downloadTimeoutMs: 2_000,
};

describe('mayDownload: the origin policy', () => {
  const cases: [string, string, string, boolean, boolean][] = [
    // [what, file url, service url, authenticated, allowed]
    [
      'the Emulator’s own service',
      'http://127.0.0.1:5000/v3/attachments/1',
      'http://127.0.0.1:5000/',
      false,
      true,
    ],
    [
      'localhost and 127.0.0.1 as the same machine',
      'http://localhost:5000/a',
      'http://127.0.0.1:5000/',
      false,
      true,
    ],
    ['IPv6 loopback', 'http://[::1]:5000/a', 'http://[::1]:5000/', false, true],
    ['another port on this machine', 'http://127.0.0.1:6000/a', 'http://127.0.0.1:5000/', false, false],
    ['an internal host named as the service', 'http://10.0.0.5/a', 'http://10.0.0.5/', false, false],
    [
      'a public host named as the service',
      'https://files.example.com/a',
      'https://files.example.com/',
      false,
      false,
    ],
    [
      'a file elsewhere than the loopback service',
      'http://10.0.0.5:5000/a',
      'http://127.0.0.1:5000/',
      false,
      false,
    ],
    ['a URL with credentials', 'http://user:pw@127.0.0.1:5000/a', 'http://127.0.0.1:5000/', false, false],
    ['a file: URL', 'file:///etc/passwd', 'http://127.0.0.1:5000/', false, false],
    ['not a URL', 'not a url', 'http://127.0.0.1:5000/', false, false],
    [
      'the channel’s own https service',
      'https://smba.trafficmanager.net/amer/v3/attachments/1',
      'https://smba.trafficmanager.net/amer/',
      true,
      true,
    ],
    [
      'plain http with an app id',
      'http://smba.trafficmanager.net/a',
      'http://smba.trafficmanager.net/',
      true,
      false,
    ],
    [
      'another host with an app id',
      'https://evil.example.com/a',
      'https://smba.trafficmanager.net/amer/',
      true,
      false,
    ],
    [
      'another port with an app id',
      'https://smba.trafficmanager.net:8443/a',
      'https://smba.trafficmanager.net/',
      true,
      false,
    ],
    [
      'Tally’s own loopback Direct Line service with an app id',
      'http://127.0.0.1:5000/a',
      'http://127.0.0.1:5000/',
      true,
      true,
    ],
    [
      'a loopback file for a channel service with an app id',
      'http://127.0.0.1:5000/a',
      'https://smba.trafficmanager.net/amer/',
      true,
      false,
    ],
  ];
  it.each(cases)('%s', (_what, url, serviceUrl, authenticated, allowed) => {
    expect(mayDownload(url, serviceUrl, authenticated)).toBe(allowed);
  });
});

/** A local server whose handler is chosen per path. */
async function startFiles(
  routes: Record<string, (res: ServerResponse) => void>,
): Promise<{ base: string; server: Server }> {
  const server = createServer((req, res) => {
    const route = routes[req.url ?? ''];
    if (route) route(res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { base: `http://127.0.0.1:${port}`, server };
}

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (err) {
    return err instanceof AttachmentError ? err.reason : `other:${String(err)}`;
  }
}

describe('fetchAttachment', () => {
  let files: { base: string; server: Server };
  const timers: NodeJS.Timeout[] = [];

  beforeAll(async () => {
    setLogLevel('error');
    files = await startFiles({
      '/statement.csv': (res) =>
        res.writeHead(200, { 'Content-Type': 'text/csv' }).end('date,amount\n2026-03-01,-12.50\n'),
      '/big-declared': (res) => res.writeHead(200, { 'Content-Length': String(2 * 1024 * 1024) }).end(),
      '/big-streamed': (res) => {
        res.writeHead(200);
        const chunk = Buffer.alloc(64 * 1024, 97);
        for (let i = 0; i < 40; i++) res.write(chunk);
        res.end();
      },
      // Headers at once, then one byte every 50 ms for ever: only a deadline on the body ends it.
      '/trickle': (res) => {
        res.writeHead(200, { 'Content-Type': 'text/csv' });
        const timer = setInterval(() => res.write('x'), 50);
        timers.push(timer);
        res.on('close', () => clearInterval(timer));
      },
      // Accepts the request and never answers.
      '/silent': () => undefined,
      '/redirect': (res) => res.writeHead(302, { Location: 'http://10.0.0.5/secret' }).end(),
    });
  });
  afterAll(async () => {
    for (const t of timers) clearInterval(t);
    files.server.closeAllConnections();
    await new Promise((resolve) => files.server.close(resolve));
  });

  const file = (path: string) => ({
    name: 'statement.csv',
    contentType: 'text/csv',
    contentUrl: `${files.base}${path}`,
  });

  it('downloads from the loopback service the activity came from', async () => {
    const bytes = await fetchAttachment(file('/statement.csv'), `${files.base}/`, EMULATOR);
    expect(bytes.toString('utf8')).toBe('date,amount\n2026-03-01,-12.50\n');
  });

  it('refuses a loopback file when the activity names a different service', async () => {
    expect(await reasonOf(fetchAttachment(file('/statement.csv'), 'http://10.0.0.5/', EMULATOR))).toBe(
      'not-allowed',
    );
  });

  it('refuses a loopback file for a channel’s https service once an app id is set', async () => {
    expect(
      await reasonOf(
        fetchAttachment(file('/statement.csv'), 'https://smba.trafficmanager.net/amer/', {
          ...EMULATOR,
          microsoftAppId: 'app',
        }),
      ),
    ).toBe('not-allowed');
  });

  it('takes uploads from Tally’s own loopback Direct Line service with an app id', async () => {
    const body = await fetchAttachment(file('/statement.csv'), `${files.base}/`, {
      ...EMULATOR,
      microsoftAppId: 'app',
    });
    expect(body.length).toBeGreaterThan(0);
  });

  it('decodes data: URLs within the limit and refuses larger ones before decoding', async () => {
    const small = Buffer.from('date,amount\n').toString('base64');
    expect(
      (
        await fetchAttachment(
          { name: 'a.csv', contentType: 'text/csv', contentUrl: `data:text/csv;base64,${small}` },
          undefined,
          EMULATOR,
        )
      ).toString(),
    ).toBe('date,amount\n');
    const big = Buffer.alloc(EMULATOR.maxUploadBytes + 10, 97).toString('base64');
    expect(
      await reasonOf(
        fetchAttachment(
          { name: 'a.csv', contentType: 'text/csv', contentUrl: `data:text/csv;base64,${big}` },
          undefined,
          EMULATOR,
        ),
      ),
    ).toBe('too-large');
  });

  it('refuses a body over the limit, declared or streamed', async () => {
    expect(await reasonOf(fetchAttachment(file('/big-declared'), `${files.base}/`, EMULATOR))).toBe(
      'too-large',
    );
    expect(await reasonOf(fetchAttachment(file('/big-streamed'), `${files.base}/`, EMULATOR))).toBe(
      'too-large',
    );
  });

  it('does not follow a redirect to another host', async () => {
    expect(await reasonOf(fetchAttachment(file('/redirect'), `${files.base}/`, EMULATOR))).toBe(
      'unreachable',
    );
  });

  it('cuts off a body that trickles past the deadline, at the deadline', async () => {
    const started = Date.now();
    expect(
      await reasonOf(
        fetchAttachment(file('/trickle'), `${files.base}/`, { ...EMULATOR, downloadTimeoutMs: 400 }),
      ),
    ).toBe('unreachable');
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(390);
    expect(took).toBeLessThan(1_000);
  });

  it('cuts off a server that never answers, at the deadline', async () => {
    const started = Date.now();
    expect(
      await reasonOf(
        fetchAttachment(file('/silent'), `${files.base}/`, { ...EMULATOR, downloadTimeoutMs: 300 }),
      ),
    ).toBe('unreachable');
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('keeps the deadline for 30 trickling downloads at once while the event loop is busy', async () => {
    // Busy work in 20 ms slices on the same event loop, as turns rendering charts would do.
    let busy = true;
    const load = (async () => {
      while (busy) {
        const until = Date.now() + 20;
        while (Date.now() < until) Math.sqrt(Math.random());
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const started = Date.now();
    const downloads = Array.from({ length: 30 }, () =>
      reasonOf(fetchAttachment(file('/trickle'), `${files.base}/`, { ...EMULATOR, downloadTimeoutMs: 500 })),
    );
    const reasons = await Promise.all(downloads);
    const took = Date.now() - started;
    busy = false;
    await load;
    expect(new Set(reasons)).toEqual(new Set(['unreachable']));
    expect(took).toBeLessThan(1_500);
  });

  it('withDeadline gives up at the deadline even when the work ignores its signal', async () => {
    const started = Date.now();
    const never = withDeadline(200, () => new Promise<never>(() => undefined));
    expect(await reasonOf(never)).toBe('unreachable');
    expect(Date.now() - started).toBeLessThan(700);
  });
});
