import { describe, expect, it } from 'vitest';
import { categorize, flowOf } from '../../../src/ingest/enrich/categorize.ts';
import { shippedFallback } from '../../../src/ingest/enrich/learned/fallback.ts';
import { cleanMerchant } from '../../../src/ingest/enrich/merchants.ts';
import { onlyAPersonsName } from '../../../src/ingest/enrich/personal-names.ts';

const placed = (description: string, amountMinor = -45_000) =>
  categorize({ merchant: cleanMerchant(description), description, amountMinor, accountType: 'checking' });

describe("a payee that is only a person's name", () => {
  it('is told from a name with a trade, a title that is one, or a business', () => {
    for (const name of [
      'J Botha',
      'Mr S Naidoo',
      'Thandi Nkosi',
      'P van der Merwe',
      'Venter',
      'MRS K & T MOODLEY',
    ])
      expect(onlyAPersonsName(name), name).toBe(true);
    for (const name of ['Botha Butchery', 'Dr J Smith', 'Naidoo Pharmacy', 'J Botha Plumbing', 'Acme', 'J K'])
      expect(onlyAPersonsName(name), name).toBe(false);
  });

  it('is never given a trade by the learned fallback, which would guess one from namesakes', () => {
    const people = ['BOTHA', 'VENTER', 'MOODLEY', 'J NAIDOO', 'MR T KHUMALO', 'S PILLAY', 'VAN WYK'];
    // Without the rule, the model is confident about some of these: the test would see their trades.
    const fallback = shippedFallback(flowOf);
    const guessed = people.filter((d) =>
      fallback.guess(
        { merchant: cleanMerchant(d), description: d, direction: 'out', account: 'checking' },
        'spending',
      ),
    );
    expect(guessed.length).toBeGreaterThan(0);
    for (const description of people) {
      expect(placed(description).source, description).toBe('default');
      expect(placed(description, 45_000).category, description).toBe('INCOME_OTHER_INCOME');
    }
  });

  it('leaves a named business to the words that say its trade', () => {
    expect(placed('BOTHA BUTCHERY').category).toBe('FOOD_AND_DRINK_GROCERIES');
    expect(placed('NAIDOO PHARMACY').category).toBe('MEDICAL_PHARMACIES_AND_SUPPLEMENTS');
    expect(placed('DR J SMITH INC').category).toBe('MEDICAL_PRIMARY_CARE');
  });
});
