/** People, consent and "delete my data": the same contract on both engines. */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/index.ts';
import { fileRows } from '../../helpers/rows.ts';
import { closeAdmin, ENGINES, openEngine } from './engines.ts';

const NOW = new Date('2026-03-10T12:00:00Z');

afterAll(closeAdmin);

describe.each(ENGINES)('users on %s', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, close } = await openEngine(engine));
  });
  afterEach(async () => close());

  it('records consent and the alert setting; a setting alone never creates anyone', async () => {
    await store.users.setAlerts('nobody', false);
    expect(await store.users.get('nobody')).toBeUndefined();
    await store.users.recordConsent('alice', NOW);
    expect(await store.users.get('alice')).toEqual({ consentAt: NOW.toISOString(), alertsEnabled: true });
    await store.users.setAlerts('alice', false);
    expect((await store.users.get('alice'))?.alertsEnabled).toBe(false);
  });

  it('deletes everything about one person and nothing about another', async () => {
    for (const user of ['alice', 'bob']) {
      await store.users.recordConsent(user, NOW);
      const account = await store.accounts.upsert(
        user,
        { name: 'Amex', type: 'credit_card', currency: 'USD' },
        NOW,
      );
      await store.ledger.addStatement(
        user,
        account.id,
        { name: 'f.csv', format: 'csv' },
        fileRows([
          { date: '2026-03-01', amountMinor: -500, description: 'SHARED CAFE' },
          { date: '2026-03-02', amountMinor: -700, description: `ONLY ${user.toUpperCase()}` },
        ]),
        [{ asOf: '2026-03-02', kind: 'ledger', amountMinor: -1_200, currency: 'USD' }],
        NOW,
      );
      await store.ledger.setUserCategory(user, 'SHARED CAFE', 'FOOD_AND_DRINK_COFFEE', NOW);
      await store.reach.saveReference(user, `conv-${user}`, { conversation: { id: `conv-${user}` } }, NOW);
      await store.reach.claimFindings(user, ['finding']);
      await store.state.write(
        new Map([[`emulator/conversations/conv-${user}/users/${user}`, { value: { x: 1 }, userId: user }]]),
      );
      await store.charts.save(user, `chart-${user}`, '{}', new Date('2026-03-11T00:00:00Z'), NOW);
      // What the person said and was told in Web Chat, and a file they uploaded there.
      const web = { userId: user, conversationId: `web-${user}` };
      const later = new Date('2026-03-10T13:00:00Z');
      await store.directLine.open(web, later, NOW);
      await store.directLine.append(
        web,
        { type: 'message', text: 'hi' },
        { keep: 10, expiresAt: later, now: NOW },
      );
      await store.directLine.putFile(
        { ...web, id: `file-${user}`, name: 'f.csv', contentType: 'text/csv', bytes: Buffer.from('x') },
        later,
        5,
        NOW,
      );
    }
    expect(await store.users.deleteAll('alice')).toEqual({
      accounts: 1,
      transactions: 2,
      balances: 1,
      rules: 1,
      conversations: 1,
    });
    expect(await store.users.get('alice')).toBeUndefined();
    expect(await store.accounts.list('alice')).toEqual([]);
    expect(await store.queries.coverage('alice')).toEqual([]);
    expect(await store.ledger.userRules('alice')).toEqual(new Map());
    expect(await store.reach.latestReference('alice')).toBeUndefined();
    expect((await store.state.read(['emulator/conversations/conv-alice/users/alice'])).size).toBe(0);
    expect(await store.charts.find('chart-alice', NOW)).toBeUndefined();
    const aliceWeb = { userId: 'alice', conversationId: 'web-alice' };
    expect(await store.directLine.watermark(aliceWeb, NOW)).toBeUndefined();
    expect(await store.directLine.since(aliceWeb, 0, NOW)).toEqual([]);
    expect(await store.directLine.file('file-alice', NOW)).toBeUndefined();
    // Bob keeps everything, the merchant name both used included.
    expect((await store.queries.merchants('bob')).map((m) => m.name).sort()).toEqual([
      'ONLY BOB',
      'SHARED CAFE',
    ]);
    expect(await store.reach.claimFindings('bob', ['finding'])).toEqual([]);
    expect(await store.charts.find('chart-bob', NOW)).toBeDefined();
    expect((await store.state.read(['emulator/conversations/conv-bob/users/bob'])).size).toBe(1);
    const bobWeb = { userId: 'bob', conversationId: 'web-bob' };
    expect((await store.directLine.since(bobWeb, 0, NOW)).map((e) => e.activity.text)).toEqual(['hi']);
    expect(await store.directLine.file('file-bob', NOW)).toBeDefined();
  });
});
