import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  categoryLabel,
  isCategoryCode,
  primaryOf,
} from '../../../src/ingest/enrich/categories.ts';

describe('categories', () => {
  it('loads the whole two-level taxonomy with a label for every code', () => {
    expect(CATEGORIES).toHaveLength(104);
    expect(CATEGORIES.every((c) => c.label && c.detailed.startsWith(c.primary))).toBe(true);
  });

  it('knows codes, their primary and their label', () => {
    expect(isCategoryCode('FOOD_AND_DRINK_GROCERIES')).toBe(true);
    expect(isCategoryCode('FOOD_AND_DRINK')).toBe(false);
    expect(primaryOf('RENT_AND_UTILITIES_WATER')).toBe('RENT_AND_UTILITIES');
    expect(categoryLabel('FOOD_AND_DRINK_GROCERIES')).toBe('Groceries');
  });

  it('labels every primary code, and never shows an unknown code as it is', () => {
    expect(categoryLabel('RENT_AND_UTILITIES')).toBe('Rent and utilities');
    for (const c of CATEGORIES) expect(categoryLabel(c.primary)).not.toMatch(/_/);
    expect(categoryLabel('SOME_NEW_CODE')).toBe('Some new code');
  });
});
