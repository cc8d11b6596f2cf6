import type { Db } from './db.ts';
import type { CatalogPort } from './port.ts';
import type { CategoryRow } from './types.ts';

/** Categories and merchant names: shared lookup tables, cached in memory. Neither holds anyone's data. */
export class Catalog implements CatalogPort {
  private byCode = new Map<string, CategoryRow>();
  private byId = new Map<number, CategoryRow>();
  private merchantIds = new Map<string, number>();
  private merchantNames = new Map<number, string>();

  constructor(private readonly db: Db) {
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

  category(code: string): CategoryRow | undefined {
    return this.byCode.get(code);
  }

  categoryById(id: number): CategoryRow | undefined {
    return this.byId.get(id);
  }

  categories(): CategoryRow[] {
    return [...this.byId.values()];
  }

  /** Ids of every detailed category under the given codes (primary or detailed). */
  categoryIds(codes: readonly string[]): number[] {
    const ids = new Set<number>();
    for (const code of codes) {
      const exact = this.byCode.get(code);
      if (exact) ids.add(exact.id);
      for (const row of this.byId.values()) if (row.primaryCode === code) ids.add(row.id);
    }
    return [...ids];
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
    this.byCode = new Map(rows.map((r) => [r.code, r]));
    this.byId = new Map(rows.map((r) => [r.id, r]));
  }
}
