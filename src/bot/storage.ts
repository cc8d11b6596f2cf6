import type { Storage, StoreItems } from 'botbuilder';
import type { StateStore } from '../store/state.ts';

/** Bot Framework state kept in Tally's SQLite database, so a restart loses no conversation. */
export class SqliteStorage implements Storage {
  constructor(private readonly state: StateStore) {}

  async read(keys: string[]): Promise<StoreItems> {
    const found = await this.state.read(keys);
    const items: StoreItems = {};
    for (const [key, { value, etag }] of found) items[key] = { ...(value as object), eTag: etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const map = new Map<string, { value: unknown; etag?: string }>();
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = (item ?? {}) as { eTag?: string };
      map.set(key, { value, etag: eTag });
    }
    const conflicts = await this.state.write(map);
    if (conflicts.length) throw new Error(`state changed by another turn (${conflicts.length} key(s))`);
  }

  async delete(keys: string[]): Promise<void> {
    await this.state.delete(keys);
  }
}
