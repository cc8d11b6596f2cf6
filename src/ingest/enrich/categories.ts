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

/** Words for each primary code, from `data/category-groups.csv`; every primary of the taxonomy must have one. */
const PRIMARY_LABELS = new Map(
  readDataCsv('category-groups.csv').map((row) => [row.primary ?? '', row.label ?? ''] as const),
);
for (const primary of PRIMARIES) {
  if (!PRIMARY_LABELS.get(primary)) throw new Error(`data/category-groups.csv: no label for ${primary}`);
}

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

/**
 * Words for a detailed or primary code in replies. A code the taxonomy does not know is never shown as it is:
 * it becomes plain words ("SOME_CODE" → "Some code"), since people must not see internal keys.
 * @example categoryLabel('RENT_AND_UTILITIES') // 'Rent and utilities'
 */
export function categoryLabel(code: string): string {
  const known = BY_CODE.get(code)?.label ?? PRIMARY_LABELS.get(code);
  if (known) return known;
  const words = code
    .replace(/[_\s]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Other';
}

/** The detailed codes under a primary code, e.g. every `TRAVEL_*`. */
export function detailedCodesOf(primary: string): string[] {
  return CATEGORIES.filter((c) => c.primary === primary).map((c) => c.detailed);
}
