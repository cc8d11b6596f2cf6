/**
 * Two instances on one database: after one of them deletes a person whose statements alone named a merchant
 * (the merchant row goes too), the other still imports that merchant for someone else, and the row it writes
 * names it. Before, the second instance wrote the id it had cached for the removed merchant: PostgreSQL
 * refused the import (a foreign key), and SQLite's bulk path stored a transaction with no merchant.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/open-store.ts';
import type { Store } from '../../../src/store/index.ts';
import { fileRows } from '../../helpers/rows.ts';
import { tempDbFile } from '../../helpers/store.ts';
import { closeAdmin, dropSchema, ENGINES, freshPostgresUrl, type Engine } from './engines.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const FILE = { name: 'march.csv', format: 'csv' };
const rows = () =>
  fileRows([
    {
      date: '2026-03-02',
      amountMinor: -1_250,
      description: 'TINY CORNER BAKERY 0042',
      merchant: 'Tiny Corner Bakery',
      category: 'FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK',
    },
  ]);

afterAll(closeAdmin);

/** Two stores opened on one database, as two instances of Tally would be. */
async function twoInstances(engine: Engine): Promise<{ a: Store; b: Store; close(): Promise<void> }> {
  if (engine === 'sqlite') {
    const temp = tempDbFile();
    const a = await openStore(temp.file);
    const b = await openStore(temp.file);
    return { a, b, close: async () => (await a.close(), await b.close(), temp.remove()) };
  }
  const { url, schema } = await freshPostgresUrl();
  const a = await openStore(url);
  const b = await openStore(url);
  return { a, b, close: async () => (await a.close(), await b.close(), await dropSchema(schema)) };
}

describe.each(ENGINES)('a merchant removed by another instance, on %s', (engine) => {
  it.each([false, true])('is written afresh by the next import (bulk: %s)', async (bulk) => {
    const { a, b, close } = await twoInstances(engine);
    try {
      const spec = { name: 'Everyday', type: 'checking' as const, currency: 'USD' };
      const first = await a.accounts.upsert('alice', spec, NOW);
      await a.ledger.atomically(() => a.ledger.addStatement('alice', first.id, FILE, rows(), [], NOW), {
        bulk,
      });
      await b.users.deleteAll('alice');

      const second = await a.accounts.upsert('bob', spec, NOW);
      await a.ledger.atomically(() => a.ledger.addStatement('bob', second.id, FILE, rows(), [], NOW), {
        bulk,
      });
      const seen = await b.queries.merchants('bob');
      expect(seen.map((m) => m.name ?? m)).toContain('Tiny Corner Bakery');
    } finally {
      await close();
    }
  });
});
