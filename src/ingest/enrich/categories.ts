import { readDataCsv } from './data-files.ts';

/** One detailed category of the two-level taxonomy in `data/categories.csv`. */
export interface Category {
  /** e.g. `FOOD_AND_DRINK`. */
  primary: string;
  /** e.g. `FOOD_AND_DRINK_GROCERIES`. */
  detailed: string;
  /** Words for people, e.g. "Groceries". */
  label: string;
  description: string;
}

/** Every detailed category, in file order. */
export const CATEGORIES: readonly Category[] = readDataCsv('categories.csv').map((row) => ({
  primary: row.primary ?? '',
  detailed: row.detailed ?? '',
  label: row.label ?? '',
  description: row.description ?? '',
}));

const BY_CODE = new Map(CATEGORIES.map((c) => [c.detailed, c]));
const PRIMARIES = new Set(CATEGORIES.map((c) => c.primary));

/** The category used when nothing else is known about a purchase. */
export const FALLBACK_SPENDING = 'GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE';

/** True for a detailed code listed in the taxonomy (not a primary one). */
export function isCategoryCode(code: string): boolean {
  return BY_CODE.has(code);
}

/** True for a primary code such as `TRAVEL`. */
export function isPrimaryCode(code: string): boolean {
  return PRIMARIES.has(code);
}

/**
 * The primary code a detailed code belongs to; a primary code maps to itself.
 * @example primaryOf('FOOD_AND_DRINK_COFFEE') // 'FOOD_AND_DRINK'
 */
export function primaryOf(code: string): string {
  if (PRIMARIES.has(code)) return code;
  const known = BY_CODE.get(code);
  if (known) return known.primary;
  throw new Error(`Unknown category code: ${code}`);
}

/** Words for a code in replies; falls back to the code itself so a typo shows up rather than vanishing. */
export function categoryLabel(code: string): string {
  return BY_CODE.get(code)?.label ?? code;
}

/** The detailed codes under a primary code, e.g. every `TRAVEL_*`. */
export function detailedCodesOf(primary: string): string[] {
  return CATEGORIES.filter((c) => c.primary === primary).map((c) => c.detailed);
}
