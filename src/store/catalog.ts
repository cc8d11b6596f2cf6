import { CategoryLookup } from './category-lookup.ts';
import type { Db } from './db.ts';
import type { CatalogPort } from './port.ts';
import type { CategoryRow } from './types.ts';

/** Categories and merchant names: shared lookup tables, cached in memory. Neither holds anyone's data. */
export class Catalog extends CategoryLookup implements CatalogPort {
  private merchantIds = new Map<string, number>();
  private merchantNames = new Map<number, string>();

  constructor(private readonly db: Db) {
    super();
    this.reloadCategories();
  }

  /** Adds or updates categories from the taxonomy file; existing ids never change. */
  async syncCategories(rows: Omit<CategoryRow, 'id'>[]): Promise<void> {
    const upsert = this.db.prepare(
      `INSERT INTO categories (code, primary_code, label, description) VALUES (?, ?, ?, ?)
       ON CONFLICT (code) DO UPDATE SET primary_code = excluded.primary_code, label = excluded.label,
         description = excluded.description`,
    );
    this.db.transaction(() => {
      for (const r of rows) upsert.run(r.code, r.primaryCode, r.label, r.description);
    })();
    this.reloadCategories();
  }

  /**
   * Empties the merchant caches. After a delete has removed merchants, a cached id could point at a row
   * that is gone (or reused); the caches refill from the table on demand.
   */
  forgetMerchants(): void {
    this.merchantIds.clear();
    this.merchantNames.clear();
  }

  /** The id for a merchant name, created on first sight. */
  merchantId(name: string): number {
    const cached = this.merchantIds.get(name);
    if (cached !== undefined) return cached;
    this.db.prepare('INSERT INTO merchants (name) VALUES (?) ON CONFLICT (name) DO NOTHING').run(name);
    const id = this.db.prepare('SELECT id FROM merchants WHERE name = ?').pluck().get(name) as number;
    this.merchantIds.set(name, id);
    this.merchantNames.set(id, name);
    return id;
  }

  merchantName(id: number): string {
    const cached = this.merchantNames.get(id);
    if (cached !== undefined) return cached;
    const name = (this.db.prepare('SELECT name FROM merchants WHERE id = ?').pluck().get(id) as string) ?? '';
    this.merchantNames.set(id, name);
    return name;
  }

  private reloadCategories(): void {
    const rows = this.db
      .prepare('SELECT id, code, primary_code AS primaryCode, label, description FROM categories ORDER BY id')
      .all() as CategoryRow[];
    this.holdCategories(rows);
  }
}
