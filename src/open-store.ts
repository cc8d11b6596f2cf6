import { CATEGORIES } from './ingest/enrich/categories.ts';
import { Store } from './store/index.ts';

/** Opens the store with the category taxonomy from data/ loaded (what the server and the CLI tools use). */
export async function openStore(file: string): Promise<Store> {
  const store = Store.open(file);
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
