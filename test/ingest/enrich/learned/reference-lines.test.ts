import { describe, expect, it } from 'vitest';
import { isCategoryCode } from '../../../../src/ingest/enrich/categories.ts';
import { REFERENCE_SET, referenceLines } from '../../../../src/ingest/enrich/learned/reference-lines.ts';

describe('referenceLines', () => {
  const lines = referenceLines();

  it('turns the merchant category codes’ descriptions into labelled lines', () => {
    expect(lines.length).toBeGreaterThan(250);
    for (const line of lines) {
      expect(line.set).toBe(REFERENCE_SET);
      expect(isCategoryCode(line.category)).toBe(true);
      expect(line.description).toBe(line.description.toUpperCase());
    }
    expect(lines).toContainEqual(expect.objectContaining({ description: 'VETERINARY SERVICES' }));
  });

  it('leaves out the codes that each name one airline, hotel or car-rental firm', () => {
    expect(lines.filter((l) => l.category === 'TRAVEL_FLIGHTS').length).toBeLessThan(10);
  });

  it('says money comes in only for income and transfers in', () => {
    for (const line of lines)
      expect(line.direction === 'in').toBe(
        line.category.startsWith('INCOME_') || line.category.startsWith('TRANSFER_IN_'),
      );
  });
});
