/**
 * Budgets, coaching settings and scheduled messages in the store: scoped to one person, never creating
 * anyone, one budget per subject, and gone with "delete my data".
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { countRows } from '../helpers/db.ts';
import { memoryStore } from '../helpers/store.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const LATER = new Date('2026-03-11T12:00:00Z');
const spec = (subjectKey: string, amountMinor: number, label = subjectKey) => ({
  subjectKey,
  label,
  queryJson: JSON.stringify({ measure: { kind: 'spent' }, subject: subjectKey }),
  amountMinor,
  currency: 'usd',
});

const message = (userId: string, periodKey: string) => ({
  userId,
  kind: 'budget_risk',
  periodKey,
  dueAt: NOW,
  payload: { reply: { template: 'BudgetAtRisk' } },
});

let store: Store;
beforeEach(async () => {
  store = await memoryStore();
  await store.users.ensure('alice', NOW);
  await store.users.ensure('bob', NOW);
});

describe('budgets', () => {
  it('sets, replaces, lists, changes and removes, one per subject', async () => {
    const first = await store.budgets.set('alice', spec('groceries', 30_000), NOW);
    expect(first?.previous).toBeUndefined();
    expect(first?.budget).toMatchObject({ subjectKey: 'groceries', amountMinor: 30_000, currency: 'USD' });
    const again = await store.budgets.set('alice', spec('groceries', 25_000), LATER);
    expect(again?.previous?.amountMinor).toBe(30_000);
    expect(again?.budget).toMatchObject({
      id: first!.budget.id,
      amountMinor: 25_000,
      updatedAt: LATER.toISOString(),
    });
    await store.budgets.set('alice', spec('all', 200_000, 'all spending'), NOW);
    await store.budgets.set('alice', spec('coffee', 5_000), NOW);
    expect((await store.budgets.list('alice')).map((b) => b.subjectKey)).toEqual([
      'all',
      'coffee',
      'groceries',
    ]);

    expect((await store.budgets.setAmount('alice', first!.budget.id, 35_000))?.amountMinor).toBe(35_000);
    expect(await store.budgets.remove('alice', 'coffee')).toBe(true);
    expect(await store.budgets.remove('alice', 'coffee')).toBe(false);
    expect(await store.budgets.removeAll('alice')).toBe(2);
    expect(countRows(store, 'budgets')).toBe(0);
  });

  it('keeps people apart and creates nobody', async () => {
    const alices = await store.budgets.set('alice', spec('groceries', 30_000), NOW);
    await store.budgets.set('bob', spec('groceries', 10_000), NOW);
    expect(await store.budgets.get('bob', alices!.budget.id)).toBeUndefined();
    expect(await store.budgets.setAmount('bob', alices!.budget.id, 1)).toBeUndefined();
    expect((await store.budgets.find('alice', 'groceries'))?.amountMinor).toBe(30_000);
    expect(await store.budgets.removeAll('bob')).toBe(1);
    expect(await store.budgets.list('alice')).toHaveLength(1);
    expect(await store.budgets.set('nobody', spec('groceries', 1), NOW)).toBeUndefined();
    expect(countRows(store, 'users', "id = 'nobody'")).toBe(0);
  });

  it('refuses a limit that is not positive', async () => {
    await expect(store.budgets.set('alice', spec('groceries', 0), NOW)).rejects.toThrow(/CHECK/);
  });
});

describe('coaching settings', () => {
  it('defaults to normal tone, budget, bill and payday messages on, recap off', async () => {
    expect(await store.coaching.get('alice')).toEqual({
      tone: 'normal',
      notices: { budget_alerts: true, bill_reminders: true, payday_notes: true, weekly_recap: false },
    });
  });

  it('remembers tone, notices and zone per person, and never creates anyone', async () => {
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
    expect(countRows(store, 'coaching_settings', "user_id = 'nobody'")).toBe(0);
  });
});

describe('scheduled messages', () => {
  it('plans each (person, kind, period) once, and only for people Tally holds', async () => {
    expect(await store.schedule.plan([message('alice', '2026-03:1'), message('bob', '2026-03:1')], NOW)).toBe(
      2,
    );
    expect(await store.schedule.plan([message('alice', '2026-03:1'), message('nobody', 'x')], NOW)).toBe(0);
    expect(await store.schedule.planned('alice', 'budget_risk', '2026-03:1')).toBe(true);
    const due = await store.schedule.due(NOW, 60_000);
    expect(due.map((r) => r.userId)).toEqual(['alice', 'bob']);
    expect(due[0]?.payload).toEqual({ reply: { template: 'BudgetAtRisk' } });
  });

  it('is sent, released or skipped only by the instance holding the claim', async () => {
    await store.schedule.plan([message('alice', 'k')], NOW);
    const [row] = await store.schedule.due(NOW, 60_000);
    expect(await store.schedule.claim(row!.id, 'a', NOW, 60_000)).toBe(true);
    await store.schedule.markSent(row!.id, 'b', NOW);
    await store.schedule.release(row!.id, 'b');
    expect(countRows(store, 'scheduled_messages', 'sent_at IS NULL AND claimed_by = ?', 'a')).toBe(1);
    await store.schedule.release(row!.id, 'a');
    expect(await store.schedule.claim(row!.id, 'b', NOW, 60_000)).toBe(true);
    await store.schedule.markSent(row!.id, 'b', LATER);
    expect(await store.schedule.due(LATER, 60_000)).toEqual([]);
    expect(await store.schedule.claim(row!.id, 'c', new Date('2027-01-01'), 60_000)).toBe(false);
  });
});

describe('delete my data', () => {
  it('removes the person’s budgets, settings and scheduled messages, and no one else’s', async () => {
    for (const user of ['alice', 'bob']) {
      await store.budgets.set(user, spec('groceries', 30_000), NOW);
      await store.coaching.setTone(user, 'hype', NOW);
      await store.schedule.plan([message(user, 'k')], NOW);
    }
    await store.users.deleteAll('alice');
    for (const table of ['budgets', 'coaching_settings', 'scheduled_messages']) {
      expect(countRows(store, table, "user_id = 'alice'")).toBe(0);
      expect(countRows(store, table, "user_id = 'bob'")).toBe(1);
    }
  });
});
