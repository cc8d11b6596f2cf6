/** Budgets, coaching settings and planned messages: the same contract on both engines. */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/index.ts';
import { closeAdmin, ENGINES, openEngine } from './engines.ts';

afterAll(closeAdmin);

const NOW = new Date('2026-03-10T12:00:00Z');
const LATER = new Date('2026-03-10T12:05:00Z');
const LEASE = 10 * 60_000;
const spec = (subjectKey: string, amountMinor: number) => ({
  subjectKey,
  label: subjectKey.replace('_', ' '),
  queryJson: JSON.stringify({ measure: { kind: 'spent' } }),
  amountMinor,
  currency: 'usd',
});

describe.each(ENGINES)('coaching tables on %s', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, close } = await openEngine(engine));
    await store.users.ensure('alice', NOW);
    await store.users.ensure('bob', NOW);
  });
  afterEach(async () => close());

  it('keeps one budget per subject per person, replaced by a new limit, and never for someone unknown', async () => {
    const first = await store.budgets.set('alice', spec('eating_out', 40_000), NOW);
    expect(first?.previous).toBeUndefined();
    expect(first?.budget).toMatchObject({ userId: 'alice', amountMinor: 40_000, currency: 'USD' });
    const second = await store.budgets.set('alice', spec('eating_out', 35_000), LATER);
    expect(second?.previous?.amountMinor).toBe(40_000);
    expect(second?.budget.id).toBe(first?.budget.id);
    await store.budgets.set('alice', spec('all', 200_000), NOW);
    await store.budgets.set('bob', spec('groceries', 30_000), NOW);
    expect((await store.budgets.list('alice')).map((b) => b.subjectKey)).toEqual(['all', 'eating_out']);
    expect(await store.budgets.set('nobody', spec('groceries', 1), NOW)).toBeUndefined();
    // Scoped: bob's id is not alice's to change.
    const bobs = (await store.budgets.list('bob'))[0]!;
    expect(await store.budgets.setAmount('alice', bobs.id, 1, NOW)).toBeUndefined();
    expect((await store.budgets.get('bob', bobs.id))?.amountMinor).toBe(30_000);
    expect(await store.budgets.remove('alice', 'eating_out')).toBe(true);
    expect(await store.budgets.remove('alice', 'eating_out')).toBe(false);
    expect(await store.budgets.usersWithBudgets()).toEqual(['alice', 'bob']);
    expect(await store.budgets.removeAll('alice')).toBe(1);
  });

  it('takes the demo’s budgets out with the demo, and a budget set for the same subject becomes the person’s own', async () => {
    await store.budgets.set('alice', { ...spec('eating_out', 40_000), demo: true }, NOW);
    await store.budgets.set('alice', { ...spec('groceries', 90_000), demo: true }, NOW);
    await store.budgets.set('alice', spec('groceries', 60_000), LATER);
    await store.budgets.set('alice', spec('all', 200_000), NOW);
    await store.budgets.set('bob', { ...spec('eating_out', 10_000), demo: true }, NOW);
    expect(await store.accounts.removeDemo('alice')).toMatchObject({ accounts: 0, budgets: 1 });
    expect((await store.budgets.list('alice')).map((b) => [b.subjectKey, b.amountMinor])).toEqual([
      ['all', 200_000],
      ['groceries', 60_000],
    ]);
    expect((await store.budgets.list('bob')).map((b) => b.subjectKey)).toEqual(['eating_out']);
  });

  it('remembers tone and notices per person, with the defaults for everyone else', async () => {
    expect(await store.coaching.get('alice')).toMatchObject({
      tone: 'normal',
      notices: { weekly_recap: false },
    });
    expect(await store.coaching.setTone('alice', 'roast', NOW)).toBe(true);
    expect(await store.coaching.setNotice('alice', 'weekly_recap', true, NOW)).toBe(true);
    await store.coaching.rememberTimeZone('alice', 'Europe/London', NOW);
    expect(await store.coaching.get('alice')).toMatchObject({
      tone: 'roast',
      notices: { weekly_recap: true, budget_alerts: true },
      timeZone: 'Europe/London',
    });
    expect(await store.coaching.tone('bob')).toBe('normal');
    expect(await store.coaching.setTone('nobody', 'hype', NOW)).toBe(false);
  });

  it('plans each message once and lets exactly one of two instances send it', async () => {
    const message = {
      userId: 'alice',
      kind: 'payday',
      periodKey: '2026-03-13',
      dueAt: NOW,
      payload: { t: 1 },
    };
    expect(await store.schedule.plan([message], NOW)).toBe(1);
    expect(await store.schedule.plan([message, { ...message, userId: 'nobody' }], NOW)).toBe(0);
    expect(await store.schedule.planned('alice', 'payday', '2026-03-13')).toBe(true);
    const [row] = await store.schedule.due(LATER, LEASE);
    expect(row).toMatchObject({ userId: 'alice', kind: 'payday', payload: { t: 1 } });
    const claims = await Promise.all([
      store.schedule.claim(row!.id, 'one', LATER, LEASE),
      store.schedule.claim(row!.id, 'two', LATER, LEASE),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const winner = claims[0] ? 'one' : 'two';
    expect(await store.schedule.due(LATER, LEASE)).toEqual([]);
    await store.schedule.markSent(row!.id, winner, LATER);
    // Sent: not due again, even after the lease would have lapsed.
    expect(await store.schedule.due(new Date(LATER.getTime() + 2 * LEASE), LEASE)).toEqual([]);
  });

  it('"delete my data" takes budgets, settings and planned messages with it', async () => {
    await store.budgets.set('alice', spec('groceries', 30_000), NOW);
    await store.coaching.setTone('alice', 'hype', NOW);
    await store.schedule.plan(
      [{ userId: 'alice', kind: 'payday', periodKey: 'p', dueAt: NOW, payload: {} }],
      NOW,
    );
    await store.users.deleteAll('alice');
    expect(await store.budgets.list('alice')).toEqual([]);
    expect(await store.coaching.tone('alice')).toBe('normal');
    expect(await store.schedule.planned('alice', 'payday', 'p')).toBe(false);
    expect(await store.budgets.usersWithBudgets()).toEqual([]);
  });
});
