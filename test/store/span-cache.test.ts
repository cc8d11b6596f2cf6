import { describe, expect, it } from 'vitest';
import { fileRows } from '../helpers/rows.ts';
import { memoryStore } from '../helpers/store.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const FILE = { name: 'statement.csv', format: 'csv' };
const coffee = (date: string) => ({
  date,
  amountMinor: -450,
  description: `SBUX ${date}`,
  merchant: 'Starbucks',
  category: 'FOOD_AND_DRINK_COFFEE',
});

describe('the span of a user’s data, kept between answers', () => {
  it('follows new rows, removed accounts and each account asked about', async () => {
    const store = await memoryStore();
    const card = await store.accounts.upsert(
      'alice',
      { name: 'Amex', type: 'credit_card', currency: 'USD' },
      NOW,
    );
    const bank = await store.accounts.upsert(
      'alice',
      { name: 'Chase', type: 'checking', currency: 'USD' },
      NOW,
    );
    expect(await store.queries.span('alice')).toBeUndefined();
    await store.ledger.addStatement('alice', card.id, FILE, fileRows([coffee('2026-02-03')]), [], NOW);
    expect(await store.queries.span('alice')).toEqual({ first: '2026-02-03', last: '2026-02-03' });
    await store.ledger.addStatement(
      'alice',
      bank.id,
      FILE,
      fileRows([coffee('2026-01-10'), coffee('2026-03-01')]),
      [],
      NOW,
    );
    expect(await store.queries.span('alice')).toEqual({ first: '2026-01-10', last: '2026-03-01' });
    expect(await store.queries.span('alice', [card.id])).toEqual({ first: '2026-02-03', last: '2026-02-03' });
    expect(await store.queries.span('bob')).toBeUndefined();
    await store.accounts.remove('alice', bank.id);
    expect(await store.queries.span('alice')).toEqual({ first: '2026-02-03', last: '2026-02-03' });
  });

  it('hands out a copy, so a caller changing it changes nothing kept', async () => {
    const store = await memoryStore();
    const card = await store.accounts.upsert(
      'alice',
      { name: 'Amex', type: 'credit_card', currency: 'USD' },
      NOW,
    );
    await store.ledger.addStatement('alice', card.id, FILE, fileRows([coffee('2026-02-03')]), [], NOW);
    const span = await store.queries.span('alice');
    if (span) span.first = '1999-01-01';
    expect(await store.queries.span('alice')).toEqual({ first: '2026-02-03', last: '2026-02-03' });
  });

  it('lists accounts in the order they were added, whatever their names', async () => {
    const store = await memoryStore();
    for (const name of ['Zeta', 'Alpha', 'Mid'])
      await store.accounts.upsert('alice', { name, type: 'checking', currency: 'USD' }, NOW);
    expect((await store.accounts.list('alice')).map((a) => a.name)).toEqual(['Zeta', 'Alpha', 'Mid']);
  });
});
