import { CategoryLookup } from '../category-lookup.ts';
import type { CatalogPort } from '../port.ts';
import type { CategoryRow } from '../types.ts';
import type { PgDb } from './db.ts';

/**
 * Categories and merchant names on PostgreSQL: shared lookup tables. Categories are held in memory once
 * loaded; merchant ids are cached as they are met (a name's id never changes once it exists).
 */
export class PgCatalog extends CategoryLookup implements CatalogPort {
  private merchantIdsByName = new Map<string, number>();
  private merchantNamesById = new Map<number, string>();

  constructor(private readonly db: PgDb) {
    super();
  }

  async syncCategories(rows: Omit<CategoryRow, 'id'>[]): Promise<void> {
    if (rows.length) {
      await this.db.query(
        `INSERT INTO categories (code, primary_code, label, description)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
         ON CONFLICT (code) DO UPDATE SET primary_code = excluded.primary_code, label = excluded.label,
           description = excluded.description`,
        [
          rows.map((r) => r.code),
          rows.map((r) => r.primaryCode),
          rows.map((r) => r.label),
          rows.map((r) => r.description),
        ],
      );
    }
    await this.reloadCategories();
  }

  forgetMerchants(): void {
    this.merchantIdsByName.clear();
    this.merchantNamesById.clear();
  }

  /** Ids for merchant names, each created on first sight, in one round trip for the names not cached. */
  async merchantIds(names: readonly string[]): Promise<Map<string, number>> {
    const missing = [...new Set(names.filter((n) => !this.merchantIdsByName.has(n)))];
    if (missing.length) {
      await this.db.query(
        'INSERT INTO merchants (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING',
        [missing],
      );
      const rows = await this.db.rows<{ id: number; name: string }>(
        'SELECT id, name FROM merchants WHERE name = ANY($1::text[])',
        [missing],
      );
      for (const r of rows) this.remember(r.id, r.name);
    }
    return new Map(names.map((n) => [n, this.merchantIdsByName.get(n) as number]));
  }

  async merchantId(name: string): Promise<number> {
    return (await this.merchantIds([name])).get(name) as number;
  }

  /** Names for merchant ids, reading the ones not cached in one round trip. */
  async merchantNames(ids: readonly number[]): Promise<Map<number, string>> {
    const missing = [...new Set(ids.filter((id) => !this.merchantNamesById.has(id)))];
    if (missing.length) {
      const rows = await this.db.rows<{ id: number; name: string }>(
        'SELECT id, name FROM merchants WHERE id = ANY($1::bigint[])',
        [missing],
      );
      for (const r of rows) this.remember(r.id, r.name);
    }
    return new Map(ids.map((id) => [id, this.merchantNamesById.get(id) ?? '']));
  }

  private remember(id: number, name: string): void {
    this.merchantIdsByName.set(name, id);
    this.merchantNamesById.set(id, name);
  }

  private async reloadCategories(): Promise<void> {
    const rows = await this.db.rows<CategoryRow & Record<string, unknown>>(
      'SELECT id, code, primary_code AS "primaryCode", label, description FROM categories ORDER BY id',
    );
    this.holdCategories(rows);
  }
}
