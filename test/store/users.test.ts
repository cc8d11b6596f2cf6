import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { countRows } from '../helpers/db.ts';
import { fileRows } from '../helpers/rows.ts';
import { memoryStore } from '../helpers/store.ts';

const NOW = new Date('2026-03-10T12:00:00Z');

/** Everything a user can leave behind: accounts, rows, balances, a rule, bot state, a conversation, an alert. */
async function fill(store: Store, user: string, conversation: string): Promise<void> {
  const acc = await store.accounts.upsert(user, { name: 'Checking', type: 'checking', currency: 'USD' }, NOW);
  await store.ledger.addStatement(
    user,
    acc.id,
    { name: 'f.csv', format: 'csv' },
    fileRows([
      { date: '2026-03-01', amountMinor: -450, description: 'SBUX', merchant: 'Starbucks' },
      { date: '2026-03-02', amountMinor: -900, description: 'SHELL', merchant: 'Shell' },
    ]),
    [{ asOf: '2026-03-02', kind: 'ledger', amountMinor: 1_000, currency: 'USD' }],
    NOW,
  );
  await store.ledger.setUserCategory(user, 'Starbucks', 'FOOD_AND_DRINK_COFFEE', NOW);
  await store.reach.saveReference(user, conversation, { conversation: { id: conversation } });
  await store.reach.claimFindings(user, ['unusual:1']);
  await store.state.write(
    new Map([
      [
        `emulator/conversations/${conversation}/`,
        { value: { tally: { pending: { kind: 'confirm-delete' } } } },
      ],
      [`emulator/users/${user}/`, { value: { seen: true } }],
    ]),
  );
}

function held(store: Store, user: string, conversation: string): Record<string, number> {
  return {
    users: countRows(store, 'users', 'id = ?', user),
    accounts: countRows(store, 'accounts', 'user_id = ?', user),
    transactions: countRows(store, 'transactions', 'user_id = ?', user),
    balances: countRows(store, 'balances', 'user_id = ?', user),
    batches: countRows(store, 'import_batches', 'user_id = ?', user),
    rules: countRows(store, 'user_category_rules', 'user_id = ?', user),
    references: countRows(store, 'conversation_refs', 'user_id = ?', user),
    alerts: countRows(store, 'alerts_sent', 'user_id = ?', user),
    state: countRows(
      store,
      'bot_state',
      'key IN (?, ?)',
      `emulator/conversations/${conversation}/`,
      `emulator/users/${user}/`,
    ),
  };
}

describe('users', () => {
  let store: Store;
  beforeEach(async () => {
    store = await memoryStore();
  });

  it('deleteAll removes everything of that user and nothing of another', async () => {
    await fill(store, 'alice', 'conv-a');
    // Names chosen so a careless LIKE on user or conversation id would also catch the other user's rows.
    await fill(store, 'alice_2', 'conv-a-2');
    const bobBefore = held(store, 'alice_2', 'conv-a-2');
    expect(Object.values(bobBefore).every((n) => n > 0)).toBe(true);

    expect(await store.users.deleteAll('alice')).toEqual({
      accounts: 1,
      transactions: 2,
      balances: 1,
      rules: 1,
      conversations: 1,
    });

    expect(held(store, 'alice', 'conv-a')).toEqual({
      users: 0,
      accounts: 0,
      transactions: 0,
      balances: 0,
      batches: 0,
      rules: 0,
      references: 0,
      alerts: 0,
      state: 0,
    });
    expect(held(store, 'alice_2', 'conv-a-2')).toEqual(bobBefore);
    expect(await store.users.get('alice')).toBeUndefined();
    expect(await store.reach.latestReference('alice')).toBeUndefined();
    expect(await store.reach.latestReference('alice_2')).toEqual({ conversation: { id: 'conv-a-2' } });
  });

  it('records consent with its time, and alerts default to on', async () => {
    expect(await store.users.get('carol')).toBeUndefined();
    await store.users.recordConsent('carol', NOW);
    expect(await store.users.get('carol')).toEqual({
      consentAt: '2026-03-10T12:00:00.000Z',
      alertsEnabled: true,
    });
    await store.users.setAlerts('carol', false);
    expect((await store.users.get('carol'))?.alertsEnabled).toBe(false);
  });
});

describe('reach', () => {
  it('sends each finding at most once, unless released', async () => {
    const store = await memoryStore();
    await store.users.ensure('alice', NOW);
    expect(await store.reach.claimFindings('alice', ['a', 'b'])).toEqual(['a', 'b']);
    expect(await store.reach.claimFindings('alice', ['a', 'b', 'c'])).toEqual(['c']);
    await store.reach.releaseFindings('alice', ['b']);
    expect(await store.reach.claimFindings('alice', ['b'])).toEqual(['b']);
  });
});

describe('state', () => {
  it('writes with optimistic concurrency: a stale etag conflicts and writes nothing', async () => {
    const store = await memoryStore();
    expect(await store.state.write(new Map([['k1', { value: { n: 1 } }]]))).toEqual([]);
    const read = await store.state.read(['k1', 'missing']);
    expect([...read.keys()]).toEqual(['k1']);
    const etag = read.get('k1')!.etag;
    expect(await store.state.write(new Map([['k1', { value: { n: 2 }, etag }]]))).toEqual([]);
    // The etag moved on; a second writer holding the old one loses, and neither of its keys is written.
    expect(
      await store.state.write(
        new Map([
          ['k2', { value: { n: 9 } }],
          ['k1', { value: { n: 3 }, etag }],
        ]),
      ),
    ).toEqual(['k1']);
    expect((await store.state.read(['k1'])).get('k1')!.value).toEqual({ n: 2 });
    expect((await store.state.read(['k2'])).size).toBe(0);
    expect(await store.state.write(new Map([['k1', { value: { n: 4 }, etag: '*' }]]))).toEqual([]);
    await store.state.delete(['k1']);
    expect((await store.state.read(['k1'])).size).toBe(0);
  });
});
