import { CATEGORIES } from './ingest/enrich/categories.ts';
import { openStoreAt, type Store } from './store/index.ts';

/**
 * Opens the store with the category taxonomy from data/ loaded (what the server and the CLI tools use).
 * `location` is a SQLite file, or a `postgres://` URL (TALLY_DATABASE_URL).
 */
export async function openStore(location: string): Promise<Store> {
  const store = await openStoreAt(location);
  await store.catalog.syncCategories(
    CATEGORIES.map((c) => ({
      code: c.detailed,
      primaryCode: c.primary,
      label: c.label,
      description: c.description,
    })),
  );
  return store;
}
