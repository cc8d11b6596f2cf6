import type { CategoryRow } from './types.ts';

/**
 * The category taxonomy in memory, answered without a query on either engine: it is loaded when the store
 * opens and again after categories are added, by the catalogue that extends this.
 */
export abstract class CategoryLookup {
  private byCode = new Map<string, CategoryRow>();
  private byId = new Map<number, CategoryRow>();

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

  /** Replaces what is held with the categories as the database has them now. */
  protected holdCategories(rows: readonly CategoryRow[]): void {
    this.byCode = new Map(rows.map((r) => [r.code, r]));
    this.byId = new Map(rows.map((r) => [r.id, r]));
  }
}
