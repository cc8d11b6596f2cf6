import { beforeEach, describe, expect, it } from 'vitest';
import type { NewTransaction, Store } from '../../src/store/index.ts';
import { countRows } from '../helpers/db.ts';
import { fileRows } from '../helpers/rows.ts';
import { memoryStore } from '../helpers/store.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const FILE = { name: 'march.csv', format: 'csv' };

describe('accounts are scoped by user', () => {
  let store: Store;
  beforeEach(async () => {
    store = await memoryStore();
  });

  it('user B can neither see, find nor remove user A’s account', async () => {
    const amex = await store.accounts.upsert(
      'alice',
      { name: 'Amex Gold', type: 'credit_card', currency: 'usd' },
      NOW,
    );
    await store.ledger.addStatement(
      'alice',
      amex.id,
      FILE,
      fileRows([{ date: '2026-03-01', amountMinor: -500, description: 'STARBUCKS' }]),
      [],
      NOW,
    );

    expect(await store.accounts.list('bob')).toEqual([]);
    expect(await store.accounts.get('bob', amex.id)).toBeUndefined();
    expect(await store.accounts.findByName('bob', 'Amex Gold')).toBeUndefined();
    expect(await store.accounts.remove('bob', amex.id)).toBeUndefined();
    await expect(
      store.ledger.addStatement(
        'bob',
        amex.id,
        FILE,
        fileRows([{ date: '2026-03-02', amountMinor: -100, description: 'X' }]),
        [],
        NOW,
      ),
    ).rejects.toThrow(/does not belong/);

    expect(await store.accounts.list('alice')).toMatchObject([
      { id: amex.id, name: 'Amex Gold', currency: 'USD', type: 'credit_card' },
    ]);
    expect(countRows(store, 'transactions', 'account_id = ?', amex.id)).toBe(1);
  });

  it('the same account name is separate per user, and found case-insensitively', async () => {
    const a = await store.accounts.upsert(
      'alice',
      { name: 'Checking', type: 'checking', currency: 'USD' },
      NOW,
    );
    const b = await store.accounts.upsert('bob', { name: 'Checking', type: 'savings', currency: 'USD' }, NOW);
    expect(a.id).not.toBe(b.id);
    expect((await store.accounts.findByName('alice', '  checking '))?.id).toBe(a.id);
    // An existing account keeps its type.
    expect(
      (await store.accounts.upsert('alice', { name: 'CHECKING', type: 'savings', currency: 'USD' }, NOW))
        .type,
    ).toBe('checking');
  });

  it('removing an account takes its transactions, balances and batches with it', async () => {
    const acc = await store.accounts.upsert(
      'alice',
      { name: 'Chase Checking', type: 'checking', currency: 'USD' },
      NOW,
    );
    await store.ledger.addStatement(
      'alice',
      acc.id,
      FILE,
      fileRows([
        { date: '2026-03-01', amountMinor: -500, description: 'A' },
        { date: '2026-03-02', amountMinor: -700, description: 'B' },
      ]),
      [{ asOf: '2026-03-02', kind: 'ledger', amountMinor: 10_000, currency: 'USD' }],
      NOW,
    );
    expect(await store.accounts.remove('alice', acc.id)).toEqual({ transactions: 2 });
    expect(countRows(store, 'transactions')).toBe(0);
    expect(countRows(store, 'balances')).toBe(0);
    expect(countRows(store, 'import_batches')).toBe(0);
  });
});

describe('ledger import', () => {
  let store: Store;
  let accountId: number;
  beforeEach(async () => {
    store = await memoryStore();
    accountId = (
      await store.accounts.upsert('alice', { name: 'Amex Gold', type: 'credit_card', currency: 'USD' }, NOW)
    ).id;
  });

  it('is all or nothing: an unknown category code leaves no rows, no balances and no batch', async () => {
    const rows = fileRows([
      { date: '2026-03-01', amountMinor: -450, description: 'STARBUCKS', category: 'FOOD_AND_DRINK_COFFEE' },
      { date: '2026-03-02', amountMinor: -900, description: 'MYSTERY', category: 'NOT_A_CATEGORY' },
    ]);
    await expect(
      store.ledger.addStatement(
        'alice',
        accountId,
        FILE,
        rows,
        [{ asOf: '2026-03-02', kind: 'ledger', amountMinor: 1, currency: 'USD' }],
        NOW,
      ),
    ).rejects.toThrow(/unknown category code NOT_A_CATEGORY/);
    expect(countRows(store, 'transactions')).toBe(0);
    expect(countRows(store, 'balances')).toBe(0);
    expect(countRows(store, 'import_batches')).toBe(0);
  });

  it('re-importing the same rows adds nothing', async () => {
    const rows = fileRows([
      { date: '2026-03-01', amountMinor: -450, description: 'STARBUCKS' },
      { date: '2026-03-03', amountMinor: -2_000, description: 'SAFEWAY' },
    ]);
    const first = await store.ledger.addStatement('alice', accountId, FILE, rows, [], NOW);
    expect(first).toMatchObject({ added: 2, skipped: 0, firstDate: '2026-03-01', lastDate: '2026-03-03' });
    const again = await store.ledger.addStatement('alice', accountId, FILE, rows, [], NOW);
    expect(again).toMatchObject({ added: 0, skipped: 2 });
    expect(await store.ledger.idsInBatches('alice', [again.batchId])).toEqual([]);
    expect(countRows(store, 'transactions')).toBe(2);
  });

  it('an overlapping statement adds only its new rows', async () => {
    await store.ledger.addStatement(
      'alice',
      accountId,
      FILE,
      fileRows([
        { date: '2026-03-01', amountMinor: -450, description: 'STARBUCKS' },
        { date: '2026-03-03', amountMinor: -2_000, description: 'SAFEWAY' },
      ]),
      [],
      NOW,
    );
    const next = await store.ledger.addStatement(
      'alice',
      accountId,
      { name: 'march-2.csv', format: 'csv' },
      fileRows([
        { date: '2026-03-03', amountMinor: -2_000, description: 'SAFEWAY' },
        { date: '2026-03-05', amountMinor: -1_250, description: 'SHELL' },
      ]),
      [],
      NOW,
    );
    expect(next).toMatchObject({ added: 1, skipped: 1 });
    expect(countRows(store, 'transactions')).toBe(3);
  });

  it('a long statement overlapping an earlier one, with lines repeated near and far, is counted as row by row', async () => {
    // Bank-id lines: the same id, day, amount and text is the same line, so a repeat has the same fingerprint.
    const line = (i: number) => ({
      date: `2026-0${1 + Math.floor(i / 100)}-${String(1 + (i % 28)).padStart(2, '0')}`,
      amountMinor: -(100 + i),
      description: `SHOP ${i}`,
      externalId: `T${i}`,
    });
    const earlier = fileRows(Array.from({ length: 100 }, (_, i) => line(i)));
    const picks = [...Array.from({ length: 170 }, (_, k) => 60 + k), 61, 61, 150, 75, 229, 200, 201];
    // Written 50 rows to a statement: the first 50 mix lines held before, repeats and new lines; the next
    // 50 repeat one of their own new lines (110); the last rows repeat lines of every kind.
    const later = fileRows(
      [...picks.slice(0, 20), 65, 66, ...picks.slice(20, 58), 110, ...picks.slice(58)].map(line),
    );
    await store.ledger.atomically(async () => {
      const w = await store.ledger.beginStatement('alice', accountId, FILE, NOW);
      w.add(earlier);
      await w.finish([]);
    });
    const held = new Set(earlier.map((r) => r.fingerprint));
    const expected = { added: 0, skipped: 0, repeated: 0 };
    const seen = new Set<string>();
    for (const r of later) {
      if (seen.has(r.fingerprint)) expected.repeated++;
      else if (held.has(r.fingerprint)) expected.skipped++;
      else expected.added++;
      seen.add(r.fingerprint);
    }
    const result = await store.ledger.atomically(async () => {
      const w = await store.ledger.beginStatement(
        'alice',
        accountId,
        { name: 'later.csv', format: 'csv' },
        NOW,
      );
      w.add(later.slice(0, 130));
      w.add(later.slice(130));
      return w.finish([]);
    });
    expect(expected).toEqual({ added: 130, skipped: 40, repeated: 10 });
    expect(result).toMatchObject(expected);
    expect(countRows(store, 'transactions')).toBe(230);
    expect(await store.ledger.idsInBatches('alice', [result.batchId])).toHaveLength(130);
  });

  it('two identical coffees on one day in one file stay two, and re-importing the file keeps two', async () => {
    const rows = fileRows([
      { date: '2026-03-04', amountMinor: -475, description: 'STARBUCKS STORE 123' },
      { date: '2026-03-04', amountMinor: -475, description: 'STARBUCKS STORE 123' },
    ]);
    expect(rows[0]!.fingerprint).not.toBe(rows[1]!.fingerprint);
    expect((await store.ledger.addStatement('alice', accountId, FILE, rows, [], NOW)).added).toBe(2);
    expect((await store.ledger.addStatement('alice', accountId, FILE, rows, [], NOW)).added).toBe(0);
    expect(countRows(store, 'transactions')).toBe(2);
  });

  it('the same fingerprint in another account is another transaction', async () => {
    const other = (
      await store.accounts.upsert(
        'alice',
        { name: 'Chase Sapphire', type: 'credit_card', currency: 'USD' },
        NOW,
      )
    ).id;
    const rows = fileRows([{ date: '2026-03-01', amountMinor: -450, description: 'STARBUCKS' }]);
    await store.ledger.addStatement('alice', accountId, FILE, rows, [], NOW);
    expect((await store.ledger.addStatement('alice', other, FILE, rows, [], NOW)).added).toBe(1);
  });

  it('records the batch with its counts, awaiting the alert check', async () => {
    const result = await store.ledger.addStatement(
      'alice',
      accountId,
      FILE,
      fileRows([{ date: '2026-03-01', amountMinor: -450, description: 'STARBUCKS' }]),
      [],
      NOW,
    );
    expect(await store.ledger.batchesAwaitingAlerts()).toEqual([
      { batchId: result.batchId, userId: 'alice' },
    ]);
    expect(await store.ledger.idsInBatches('alice', [result.batchId])).toHaveLength(1);
    expect(await store.ledger.idsInBatches('bob', [result.batchId])).toEqual([]);
    await store.ledger.markAlertsDone([result.batchId]);
    expect(await store.ledger.batchesAwaitingAlerts()).toEqual([]);
  });
});

describe('setUserCategory', () => {
  it('re-labels past spending at that merchant for that user only, and remembers the rule', async () => {
    const store = await memoryStore();
    const a = (
      await store.accounts.upsert('alice', { name: 'Amex', type: 'credit_card', currency: 'USD' }, NOW)
    ).id;
    const b = (
      await store.accounts.upsert('bob', { name: 'Visa', type: 'credit_card', currency: 'USD' }, NOW)
    ).id;
    const starbucks = [
      {
        date: '2026-02-01',
        amountMinor: -450,
        description: 'SBUX 1',
        merchant: 'Starbucks',
        category: 'FOOD_AND_DRINK_RESTAURANT',
      },
      {
        date: '2026-02-08',
        amountMinor: -520,
        description: 'SBUX 2',
        merchant: 'Starbucks',
        category: 'FOOD_AND_DRINK_RESTAURANT',
      },
    ];
    await store.ledger.addStatement(
      'alice',
      a,
      FILE,
      fileRows([
        ...starbucks,
        {
          date: '2026-02-09',
          amountMinor: -3_000,
          description: 'NOPA',
          merchant: 'Nopa',
          category: 'FOOD_AND_DRINK_RESTAURANT',
        },
      ]),
      [],
      NOW,
    );
    await store.ledger.addStatement('bob', b, FILE, fileRows(starbucks), [], NOW);

    expect(await store.ledger.setUserCategory('alice', 'Starbucks', 'FOOD_AND_DRINK_COFFEE', NOW)).toBe(2);

    const categoryOf = async (user: string) =>
      Object.fromEntries(
        (await store.queries.transactions(user, ['spending'], {}, { limit: 10, offset: 0 })).map((t) => [
          t.description,
          t.category,
        ]),
      );
    expect(await categoryOf('alice')).toEqual({
      'SBUX 1': 'FOOD_AND_DRINK_COFFEE',
      'SBUX 2': 'FOOD_AND_DRINK_COFFEE',
      NOPA: 'FOOD_AND_DRINK_RESTAURANT',
    });
    expect(await categoryOf('bob')).toEqual({
      'SBUX 1': 'FOOD_AND_DRINK_RESTAURANT',
      'SBUX 2': 'FOOD_AND_DRINK_RESTAURANT',
    });
    expect(await store.ledger.userRules('alice')).toEqual(new Map([['starbucks', 'FOOD_AND_DRINK_COFFEE']]));
    expect(await store.ledger.userRules('bob')).toEqual(new Map());
    await expect(store.ledger.setUserCategory('alice', 'Starbucks', 'NOPE', NOW)).rejects.toThrow(
      /unknown category/,
    );
  });
});

describe('one file, one database transaction', () => {
  let store: Store;
  beforeEach(async () => {
    store = await memoryStore();
  });
  const rows = () =>
    fileRows([
      { date: '2026-03-01', amountMinor: -450, description: 'STARBUCKS', externalId: 'T1' },
      { date: '2026-03-02', amountMinor: -2_000, description: 'SAFEWAY', externalId: 'T2' },
    ]);
  const importInto = (name: string, file: NewTransaction[]) =>
    store.ledger.atomically(async () => {
      const account = await store.accounts.upsert(
        'carol',
        { name, type: 'credit_card', currency: 'USD' },
        NOW,
      );
      return store.ledger.addStatement('carol', account.id, FILE, file, [], NOW);
    });

  it('commits a new account, its user and its rows together', async () => {
    expect(await importInto('Amex Gold', rows())).toMatchObject({ added: 2, skipped: 0 });
    expect(['users', 'accounts', 'import_batches', 'transactions'].map((t) => countRows(store, t))).toEqual([
      1, 1, 1, 2,
    ]);
  });

  it('a file that fails leaves no account, no user, no batch and no rows behind', async () => {
    const bad = [
      ...rows(),
      ...fileRows([{ date: '2026-03-03', amountMinor: -1, description: 'X', category: 'NOT_A_CATEGORY' }]),
    ];
    await expect(importInto('Amex Gold', bad)).rejects.toThrow(/unknown category/);
    expect(['users', 'accounts', 'import_batches', 'transactions'].map((t) => countRows(store, t))).toEqual([
      0, 0, 0, 0,
    ]);
    expect(await importInto('Amex Gold', rows())).toMatchObject({ added: 2 });
  });

  it('refuses to start a second write while one is open on the connection', async () => {
    await expect(store.ledger.atomically(() => store.ledger.atomically(async () => 1))).rejects.toThrow(
      /already in progress/,
    );
    expect(await store.ledger.atomically(async () => 2)).toBe(2);
  });

  it('recognises a row stored under its bank id alone when the id, day and amount agree', async () => {
    const account = await store.accounts.upsert(
      'carol',
      { name: 'Amex Gold', type: 'credit_card', currency: 'USD' },
      NOW,
    );
    const legacy = rows().map((r) => ({ ...r, fingerprint: `x:${r.externalId}` }));
    await store.ledger.addStatement('carol', account.id, FILE, legacy, [], NOW);
    const sameIdOtherDay = fileRows([
      { date: '2026-03-09', amountMinor: -450, description: 'STARBUCKS', externalId: 'T1' },
    ]);
    expect(await store.ledger.addStatement('carol', account.id, FILE, rows(), [], NOW)).toMatchObject({
      added: 0,
      skipped: 2,
    });
    expect(await store.ledger.addStatement('carol', account.id, FILE, sameIdOtherDay, [], NOW)).toMatchObject(
      { added: 1, skipped: 0 },
    );
  });
});
