import type { Store } from './port.ts';

/**
 * Opens the store a location names: a `postgres://` (or `postgresql://`) URL is a PostgreSQL server,
 * anything else a SQLite file (":memory:" for tests). The PostgreSQL driver is loaded only when used.
 */
export async function openStoreAt(location: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    const { PostgresStore } = await import('./postgres/index.ts');
    return PostgresStore.open(location);
  }
  const { SqliteStore } = await import('./index.ts');
  return SqliteStore.open(location);
}
