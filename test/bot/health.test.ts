/**
 * GET /healthz (the database's state) and GET /readyz (start-up finished, shutdown not begun): the store's
 * check on a real file, the readiness states, and both endpoints on the real server.
 */
import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, renameSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTally, type RunningTally } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { healthProbe, Readiness, readinessAnswer, STARTUP_STEPS } from '../../src/health.ts';
import { setLogLevel } from '../../src/log.ts';
import { Store } from '../../src/store/index.ts';
import { dbOf } from '../helpers/db.ts';
import { tempDbFile } from '../helpers/store.ts';

beforeAll(() => setLogLevel('silent'));

describe('the store’s health check', () => {
  let temp: ReturnType<typeof tempDbFile>;
  let store: Store;
  beforeEach(() => {
    temp = tempDbFile();
    store = Store.open(temp.file);
  });
  afterEach(() => {
    store.close();
    temp.remove();
  });

  it('is ok on a freshly migrated file, and in memory', async () => {
    expect(await store.health()).toBe('ok');
    const memory = Store.open(':memory:');
    expect(await memory.health()).toBe('ok');
    memory.close();
  });

  it('says closed once the store is closed', async () => {
    store.close();
    expect(await store.health()).toBe('closed');
  });

  it('says read-only when the file loses its write permission, and ok when it gets it back', async () => {
    chmodSync(temp.file, 0o444);
    expect(await store.health()).toBe('read-only');
    chmodSync(temp.file, 0o644);
    expect(await store.health()).toBe('ok');
  });

  it('says missing when the file is deleted under the open connection', async () => {
    rmSync(temp.file);
    expect(await store.health()).toBe('missing');
  });

  it('says replaced when another file now sits at the path', async () => {
    copyFileSync(temp.file, `${temp.file}.copy`);
    renameSync(`${temp.file}.copy`, temp.file);
    expect(await store.health()).toBe('replaced');
  });

  it('says migrations-pending when the schema is behind the code, schema-newer when ahead', async () => {
    const db = dbOf(store);
    const latest = db.prepare('SELECT max(version) FROM schema_migrations').pluck().get() as number;
    const row = db.prepare('SELECT * FROM schema_migrations WHERE version = ?').get(latest) as Record<
      string,
      unknown
    >;
    db.prepare('DELETE FROM schema_migrations WHERE version = ?').run(latest);
    expect(await store.health()).toBe('migrations-pending');
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      latest,
      row.name,
      row.applied_at,
    );
    expect(await store.health()).toBe('ok');
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      latest + 1,
      'from-a-newer-release.sql',
      '2026-03-10T00:00:00Z',
    );
    expect(await store.health()).toBe('schema-newer');
  });

  it('says query-failed when the schema cannot be read', async () => {
    dbOf(store).exec('ALTER TABLE schema_migrations RENAME TO schema_migrations_gone');
    expect(await store.health()).toBe('query-failed');
  });

  it('counts a write lock held by another connection as writable, without waiting for it', async () => {
    const other = new Database(temp.file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      expect(await store.health()).toBe('ok');
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    // The store's own writes still wait for a busy lock as long as before.
    expect(dbOf(store).pragma('busy_timeout', { simple: true })).toBe(5000);
  });
});

describe('readiness', () => {
  it('is starting until every start-up step is done, in any order, then ready', () => {
    const readiness = new Readiness();
    for (const step of [...STARTUP_STEPS].reverse()) {
      expect(readiness.state).toBe('starting');
      readiness.done(step);
    }
    expect(readiness.state).toBe('ready');
  });

  it('is stopping from the start of shutdown, for good, even if start-up had not finished', () => {
    const started = new Readiness();
    STARTUP_STEPS.forEach((step) => started.done(step));
    started.beginShutdown();
    expect(started.state).toBe('stopping');
    started.done('server');
    expect(started.state).toBe('stopping');

    const halfway = new Readiness();
    halfway.done('store');
    halfway.beginShutdown();
    STARTUP_STEPS.forEach((step) => halfway.done(step));
    expect(halfway.state).toBe('stopping');
  });

  it('answers 200 only when ready', () => {
    expect(readinessAnswer('ready')).toEqual({ status: 200, body: { status: 'ready' } });
    expect(readinessAnswer('starting')).toEqual({ status: 503, body: { status: 'starting' } });
    expect(readinessAnswer('stopping')).toEqual({ status: 503, body: { status: 'stopping' } });
  });

  it('a health check that throws answers 503 with no message of its own', async () => {
    const probe = healthProbe(() =>
      Promise.reject(new Error('SQLITE_IOERR: disk I/O error at /home/maya/tally.db')),
    );
    const answer = await probe();
    expect(answer).toEqual({ status: 503, body: { status: 'unavailable', database: 'query-failed' } });
  });
});

describe('the endpoints on the running server', () => {
  let temp: ReturnType<typeof tempDbFile>;
  let tally: RunningTally | undefined;
  const start = () =>
    startTally(
      loadConfig({ ...process.env, PORT: '0', TALLY_DB: temp.file, LOG_LEVEL: 'error', MicrosoftAppId: '' }),
    );
  const get = async (path: string) => {
    const res = await fetch(`http://127.0.0.1:${tally!.port}${path}`);
    const raw = await res.text();
    return { status: res.status, body: JSON.parse(raw) as Record<string, unknown>, raw };
  };
  /** What no probe answer may contain: where the data lives, or a stack. */
  const expectNothingPrivate = (raw: string) => {
    expect(raw).not.toContain(temp.dir);
    expect(raw).not.toMatch(/tally\.db|\n\s+at |Error/);
  };

  beforeEach(async () => {
    temp = tempDbFile();
    tally = await start();
  });
  afterEach(async () => {
    await tally?.close();
    tally = undefined;
    temp.remove();
  });

  it('GET /healthz and /readyz answer 200 once started', async () => {
    expect(await get('/healthz')).toMatchObject({ status: 200, body: { status: 'ok', database: 'ok' } });
    expect(await get('/readyz')).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('GET /healthz answers 503 while the file is read-only, and 200 again after', async () => {
    chmodSync(temp.file, 0o444);
    const broken = await get('/healthz');
    expect(broken).toMatchObject({ status: 503, body: { status: 'unavailable', database: 'read-only' } });
    expectNothingPrivate(broken.raw);
    chmodSync(temp.file, 0o644);
    expect((await get('/healthz')).status).toBe(200);
  });

  it('GET /healthz answers 503 when the file is deleted, and when the store is closed', async () => {
    rmSync(temp.file);
    const missing = await get('/healthz');
    expect(missing).toMatchObject({ status: 503, body: { database: 'missing' } });
    expectNothingPrivate(missing.raw);
    tally!.store.close();
    expect(await get('/healthz')).toMatchObject({ status: 503, body: { database: 'closed' } });
    // Readiness is about start-up and shutdown, not the database.
    expect((await get('/readyz')).status).toBe(200);
  });

  it('GET /readyz answers 503 once close() has begun, while a request in flight is drained', async () => {
    const running = tally!;
    // A message whose body is still arriving: the drain waits for it.
    const pending = request({
      host: '127.0.0.1',
      port: running.port,
      method: 'POST',
      path: '/api/messages',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '1000' },
    });
    pending.on('error', () => undefined);
    pending.write('{"type":"message",');
    await new Promise((r) => setTimeout(r, 200));

    let closed = false;
    const closing = running.close().then(() => (closed = true));
    const during = await get('/readyz');
    expect(during).toMatchObject({ status: 503, body: { status: 'stopping' } });
    expect((await get('/healthz')).status).toBe(200);
    expect(closed).toBe(false);

    pending.destroy();
    await closing;
    expect(closed).toBe(true);
    await expect(fetch(`http://127.0.0.1:${running.port}/readyz`)).rejects.toThrow();
  });
});

afterAll(() => setLogLevel('silent'));
