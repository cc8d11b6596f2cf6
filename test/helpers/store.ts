/** Empty databases for tests: in memory, or in a temporary file when a test needs to re-open it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/app.ts';
import type { Store } from '../../src/store/index.ts';

/** A fresh in-memory store with the category taxonomy loaded. */
export function memoryStore(): Promise<Store> {
  return openStore(':memory:');
}

/** A temporary folder with a database path in it; `remove()` deletes the folder and everything in it. */
export function tempDbFile(prefix = 'tally-test-'): { dir: string; file: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, file: join(dir, 'tally.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
