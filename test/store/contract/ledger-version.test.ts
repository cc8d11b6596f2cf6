/**
 * The ledger version on both engines: the same while nothing is written, and different after an import,
 * a corrected category, a removed account or "delete my data" (even when the same file comes back). The
 * scheduler's upcoming cache keys on it, so each engine learns a person's pay and bills once per change.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { upcomingFromHistory } from '../../../src/conversation/upcoming.ts';
import type { Store } from '../../../src/store/index.ts';
import { fileRows } from '../../helpers/rows.ts';
import { closeAdmin, ENGINES, openEngine } from './engines.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const TODAY = '2026-03-10';
const FILE = { name: 'march.csv', format: 'csv' };

afterAll(closeAdmin);

const rows = () =>
  fileRows([
    {
      date: '2026-03-02',
      amountMinor: -450,
      description: 'STARBUCKS',
      merchant: 'Starbucks',
      category: 'FOOD_AND_DRINK_COFFEE',
    },
    {
      date: '2026-03-03',
      amountMinor: -6_000,
      description: 'SAFEWAY',
      merchant: 'Safeway',
      category: 'FOOD_AND_DRINK_GROCERIES',
    },
  ]);

describe.each(ENGINES)('ledger version on %s', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, close } = await openEngine(engine));
  });
  afterEach(async () => close());

  const version = async (user = 'alice') => {
    const v = await store.queries.ledgerVersion?.(user);
    expect(v).toBeDefined();
    return v!;
  };
  const card = (user = 'alice') =>
    store.accounts.upsert(user, { name: 'Amex', type: 'credit_card', currency: 'USD' }, NOW);

  it('stays while nothing is written, and changes with every kind of ledger write', async () => {
    const seen = [await version()];
    const fresh = async (after: string) => {
      const v = await version();
      expect(v, `after ${after}`).not.toBe(seen.at(-1));
      seen.push(v);
    };
    const amex = await card();
    await store.ledger.addStatement('alice', amex.id, FILE, rows(), [], NOW);
    await fresh('import');
    expect(await version()).toBe(seen.at(-1));
    await store.ledger.setUserCategory('alice', 'Starbucks', 'FOOD_AND_DRINK_RESTAURANT', NOW);
    await fresh('corrected category');
    await store.accounts.remove('alice', amex.id);
    await fresh('removed account');
    // The same file again after a deletion is a new ledger, not the one cached before.
    await store.ledger.addStatement('alice', (await card()).id, FILE, rows(), [], NOW);
    await fresh('import after removal');
    await store.users.deleteAll('alice');
    await fresh('delete my data');
    await store.ledger.addStatement('alice', (await card()).id, FILE, rows(), [], NOW);
    await fresh('import after deletion');
    // The same rows as the first import, and yet not the ledger cached then.
    expect(seen.at(-1)).not.toBe(seen[1]);
    expect(seen.at(-1)).not.toBe(seen[4]);
  });

  it('lets the upcoming cache learn once per change', async () => {
    const amex = await card();
    await store.ledger.addStatement('alice', amex.id, FILE, rows(), [], NOW);
    const history = vi.spyOn(store.queries, 'history');
    const source = upcomingFromHistory(store);
    await source.upcoming('alice', TODAY);
    await source.upcoming('alice', TODAY);
    expect(history).toHaveBeenCalledTimes(1);
    await store.ledger.setUserCategory(
      'alice',
      'Safeway',
      'GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE',
      NOW,
    );
    await source.upcoming('alice', TODAY);
    expect(history).toHaveBeenCalledTimes(2);
  });
});
