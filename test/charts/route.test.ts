/**
 * GET /charts/<id>.png: the image a chart card points at, served by Tally and drawn in the render pool.
 * First the service and its route on a bare server with a clock the test moves; then the real server,
 * where a chart question's card carries a URL that the channel fetches.
 */
import restify from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, startTally, type RunningTally } from '../../src/app.ts';
import { createRenderPool, type RenderPool } from '../../src/charts/pool.ts';
import { CHART_ROUTE, chartRoute } from '../../src/charts/route.ts';
import { ChartService } from '../../src/charts/service.ts';
import { loadConfig } from '../../src/config.ts';
import { setLogLevel } from '../../src/log.ts';
import type { Store } from '../../src/store/index.ts';
import { messageActivity, postActivity } from '../helpers/channel.ts';
import { countRows } from '../helpers/db.ts';
import { loadHousehold } from '../helpers/household.ts';
import { memoryStore, tempDbFile } from '../helpers/store.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const HOUR = 3_600_000;
const BAR = {
  labels: ['Quillfeather Tearoom', 'Safeway'],
  values: [412.5, 96.4],
  currency: 'USD',
  horizontal: true,
};

/** The pool, counting the renders it is asked for. */
function countingPool(): RenderPool & { renders: number; warms: number } {
  const pool = createRenderPool({ threads: 1 });
  const counted = {
    renders: 0,
    warms: 0,
    render: (spec: Parameters<RenderPool['render']>[0]) => {
      counted.renders += 1;
      return pool.render(spec);
    },
    warm: () => {
      counted.warms += 1;
      pool.warm();
    },
    close: () => pool.close(),
  };
  return counted;
}

describe('the chart route', () => {
  let store: Store;
  let pool: ReturnType<typeof countingPool>;
  let charts: ChartService;
  let server: restify.Server;
  let base: string;
  let now = new Date('2026-03-10T20:00:00Z');

  beforeAll(async () => {
    setLogLevel('error');
    store = await memoryStore();
    pool = countingPool();
    charts = new ChartService({
      store,
      pool,
      images: 'url',
      ttlMs: HOUR,
      baseUrl: () => base,
      now: () => now,
    });
    server = restify.createServer({ handleUncaughtExceptions: false });
    server.get(CHART_ROUTE, chartRoute(charts));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server.close();
    await pool.close();
    store.close();
  });

  it('issues an unguessable URL that names neither the person nor any figure, and serves a PNG for it', async () => {
    const url = await charts.forUser('ana').bar(BAR);
    const id = /^(.+)\/charts\/([A-Za-z0-9_-]+)\.png$/.exec(url);
    expect(id?.[1]).toBe(base);
    // 22 base64url characters: 128 random bits.
    expect(id?.[2]).toHaveLength(22);
    // Nothing but the base and the id: no person, merchant or figure (the id alone is random, so it may
    // hold any letters by chance; what is asserted is that it is all there is, and new each time).
    expect(url).toBe(`${base}/charts/${id?.[2]}.png`);
    const urls = await Promise.all(Array.from({ length: 50 }, () => charts.forUser('ana').bar(BAR)));
    expect(new Set(urls).size).toBe(50);

    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // A blank canvas compresses to a few kB; bars and labels make it far larger.
    expect(png.length).toBeGreaterThan(8_000);
  });

  it('issuing a URL starts no render thread: the fetch does', async () => {
    const [renders, warms] = [pool.renders, pool.warms];
    const url = await charts.forUser('ana').bar({ ...BAR, values: [7, 8] });
    expect([pool.renders, pool.warms]).toEqual([renders, warms]);
    expect((await fetch(url)).status).toBe(200);
    expect(pool.renders).toBe(renders + 1);
  });

  it('draws an image once: a second fetch is served from the cache', async () => {
    const url = await charts.forUser('ana').bar({ ...BAR, values: [1, 2] });
    const id = /\/charts\/(.+)\.png$/.exec(url)?.[1] ?? '';
    const before = pool.renders;
    const first = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(charts.cached(id)).toBe(true);
    const second = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(second.equals(first)).toBe(true);
    expect(pool.renders - before).toBe(1);
  });

  it('answers 404 for an unknown, altered or malformed id, the same way', async () => {
    const url = await charts.forUser('ana').bar(BAR);
    const id = /\/charts\/(.+)\.png$/.exec(url)?.[1] ?? '';
    const altered = `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`;
    for (const path of [
      `/charts/${altered}.png`,
      '/charts/AAAAAAAAAAAAAAAAAAAAAA.png',
      '/charts/ana.png',
      `/charts/${id}x.png`,
    ]) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toBe('not found');
    }
  });

  it('is bound to the person it was issued to: their ids stop working when their data is deleted, no one else’s do', async () => {
    await store.users.recordConsent('ana', now);
    await store.users.recordConsent('ben', now);
    const ana = await charts.forUser('ana').bar(BAR);
    const ben = await charts
      .forUser('ben')
      .line({ labels: ['Jan', 'Feb'], series: [{ name: 'Spending', values: [10, 20] }], currency: 'USD' });
    expect((await fetch(ana)).status).toBe(200);
    expect(countRows(store, 'chart_images', 'user_id = ?', 'ana')).toBeGreaterThan(0);
    await store.users.deleteAll('ana');
    expect(countRows(store, 'chart_images', 'user_id = ?', 'ana')).toBe(0);
    // Cached or not, a deleted person's chart is gone.
    expect((await fetch(ana)).status).toBe(404);
    expect((await fetch(ben)).status).toBe(200);
  });

  it('expires: 404 from the moment its hour is over, cached or not', async () => {
    const url = await charts.forUser('ben').bar(BAR);
    expect((await fetch(url)).status).toBe(200);
    now = new Date(now.getTime() + HOUR - 1000);
    expect((await fetch(url)).status).toBe(200);
    now = new Date(now.getTime() + 1000);
    expect((await fetch(url)).status).toBe(404);
  });

  it('inline mode puts the PNG in the card as a data URI and stores nothing', async () => {
    const inline = new ChartService({ store, pool, images: 'inline', ttlMs: HOUR, baseUrl: () => base });
    const rows = countRows(store, 'chart_images');
    const uri = await inline.forUser('ben').bar(BAR);
    expect(uri.startsWith('data:image/png;base64,')).toBe(true);
    expect(
      Buffer.from(uri.slice('data:image/png;base64,'.length), 'base64').subarray(0, 8).equals(PNG_SIGNATURE),
    ).toBe(true);
    expect(countRows(store, 'chart_images')).toBe(rows);
  });
});

/** The Image elements' URLs anywhere in the reply activities' cards. */
function imageUrls(body: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const el = node as Record<string, unknown>;
      if (el.type === 'Image' && typeof el.url === 'string') found.push(el.url);
      Object.values(el).forEach(walk);
    }
  };
  walk(body);
  return found;
}

describe('chart cards from the running server', () => {
  const temp = tempDbFile();
  let tally: RunningTally;

  beforeAll(async () => {
    setLogLevel('error');
    const seed = await openStore(temp.file);
    await loadHousehold(seed, ['maya']);
    seed.close();
    tally = await startTally(
      loadConfig({ ...process.env, PORT: '0', TALLY_DB: temp.file, LOG_LEVEL: 'error', MicrosoftAppId: '' }),
    );
  });
  afterAll(async () => {
    await tally?.close();
    temp.remove();
  });

  it('a breakdown card points at an image of the asker’s that the channel can fetch', async () => {
    const ask = messageActivity('spending by category last month', {
      user: 'maya',
      conversation: 'c-chart',
      serviceUrl: 'http://127.0.0.1:9',
      expectReplies: true,
    });
    const started = performance.now();
    const { status, body } = await postActivity(tally.port, ask);
    const turnMs = performance.now() - started;
    expect(status).toBe(200);
    const [url, ...more] = imageUrls(body);
    expect(more).toEqual([]);
    expect(url).toMatch(new RegExp(`^http://localhost:${tally.port}/charts/[A-Za-z0-9_-]{22}\\.png$`));
    expect(countRows(tally.store, 'chart_images', 'user_id = ?', 'maya')).toBe(1);

    const res = await fetch((url ?? '').replace('localhost', '127.0.0.1'));
    expect(res.status).toBe(200);
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 8)
        .equals(PNG_SIGNATURE),
    ).toBe(true);
    console.info(`chart answer: ${turnMs.toFixed(1)} ms for the turn (the image is drawn when fetched)`);
  });
});
