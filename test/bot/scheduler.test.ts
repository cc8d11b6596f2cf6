/**
 * Proactive coaching messages over normal delivery (the bot POSTs to a stand-in channel), with the clock
 * moved by the test: a budget at risk once per month, a bill due within 3 days, payday, the weekly recap on
 * Sunday evening in the person's zone, settings that turn them off, a restart between planning and
 * sending, and two schedulers on one database file sending once.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/app.ts';
import { createAdapter } from '../../src/bot/adapter.ts';
import { Scheduler } from '../../src/bot/scheduler.ts';
import { loadConfig } from '../../src/config.ts';
import type { Upcoming, UpcomingSource } from '../../src/insights/upcoming.ts';
import { setLogLevel } from '../../src/log.ts';
import type { Store } from '../../src/store/index.ts';
import { realTemplates } from '../helpers/chat.ts';
import { startChannel, type FakeChannel, type Received } from '../helpers/channel.ts';
import { countRows } from '../helpers/db.ts';
import { fileRows } from '../helpers/rows.ts';
import { tempDbFile } from '../helpers/store.ts';

const GROCERIES = 'FOOD_AND_DRINK_GROCERIES';
const ZONE = 'America/Los_Angeles';
/** 14 Feb 2026, 10:00 in Los Angeles: groceries $180 of $300 with 14 of 28 days gone, pace $360. */
const FEB_14 = new Date('2026-02-14T18:00:00Z');

let channel: FakeChannel;
let temp: ReturnType<typeof tempDbFile>;
const stores: Store[] = [];

beforeAll(async () => {
  setLogLevel('error');
  channel = await startChannel();
});
afterAll(async () => {
  await channel.close();
});
beforeEach(async () => {
  temp = tempDbFile();
  channel.received.length = 0;
  const store = await open();
  await seedAlice(store);
});
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  temp.remove();
});

async function open(): Promise<Store> {
  const store = await openStore(temp.file);
  stores.push(store);
  return store;
}

/** Alice: groceries on a card, a stored one-to-one conversation, her zone, a $300 groceries budget. */
async function seedAlice(store: Store): Promise<void> {
  const card = (
    await store.accounts.upsert('alice', { name: 'Amex', type: 'credit_card', currency: 'USD' }, FEB_14)
  ).id;
  const spend = (date: string, amountMinor: number, merchant: string, category: string) => ({
    date,
    amountMinor,
    description: merchant.toUpperCase(),
    merchant,
    category,
  });
  await store.ledger.addStatement(
    'alice',
    card,
    { name: 'amex.csv', format: 'csv' },
    fileRows([
      spend('2026-01-27', -9_000, 'Safeway', GROCERIES),
      spend('2026-02-03', -4_000, 'Lucca', 'FOOD_AND_DRINK_RESTAURANT'),
      spend('2026-02-12', -6_000, 'Safeway', GROCERIES),
      spend('2026-02-14', -12_000, 'Safeway', GROCERIES),
    ]),
    [],
    FEB_14,
  );
  await store.reach.saveReference('alice', 'c-alice', {
    channelId: 'emulator',
    serviceUrl: channel.serviceUrl,
    conversation: { id: 'c-alice' },
    user: { id: 'alice', name: 'alice' },
    bot: { id: 'tally-bot', name: 'Tally' },
  });
  await store.coaching.rememberTimeZone('alice', ZONE);
  const query = {
    measure: { kind: 'spent' },
    filters: {
      include: {
        categories: [{ codes: [GROCERIES], label: 'groceries' }],
        merchants: [],
        accounts: [],
        accountTypes: [],
      },
      exclude: { categories: [], merchants: [], accounts: [], accountTypes: [] },
    },
    periods: [],
    form: 'figure',
  };
  await store.budgets.set('alice', {
    subjectKey: 'groceries',
    label: 'groceries',
    queryJson: JSON.stringify(query),
    amountMinor: 30_000,
    currency: 'USD',
  });
}

/** A scheduler on `store` whose clock the test sets. */
function scheduler(store: Store, clock: { now: Date }, upcoming?: UpcomingSource, instanceId?: string) {
  const config = loadConfig({ ...process.env, PORT: '0', MicrosoftAppId: '', LOG_LEVEL: 'error' });
  return new Scheduler({
    store,
    adapter: createAdapter(config, realTemplates()),
    appId: '',
    templates: realTemplates(),
    clock: () => clock.now,
    ...(upcoming ? { upcoming } : {}),
    ...(instanceId ? { instanceId } : {}),
  });
}

const toAlice = (match: RegExp) => (r: Received) =>
  r.activity.conversation?.id === 'c-alice' && match.test(r.activity.text ?? '');
const sentTo = (match: RegExp) => channel.received.filter(toAlice(match));

describe('the scheduler', () => {
  it('sends a budget at risk once a month, when the clock reaches it', async () => {
    const store = stores[0]!;
    const clock = { now: new Date('2026-02-03T18:00:00Z') };
    const s = scheduler(store, clock);
    // 3 February: nothing spent on groceries yet this month.
    expect(await s.tick()).toEqual({ planned: 0, sent: 0 });

    clock.now = FEB_14;
    expect(await s.tick()).toEqual({ planned: 1, sent: 1 });
    const alert = await channel.waitFor(toAlice(/Heads up/));
    expect(alert.path).toMatch(/^\/v3\/conversations\/c-alice\/activities/);
    expect(alert.activity.text).toContain(
      "you've spent **$180.00** of your $300.00 groceries budget in February 2026",
    );
    expect(alert.activity.text).toContain("At this rate you'll be **$60.00 over** by the 28th");

    clock.now = new Date('2026-02-20T18:00:00Z');
    expect(await s.tick()).toEqual({ planned: 0, sent: 0 });
    expect(sentTo(/Heads up/)).toHaveLength(1);
    expect(countRows(store, 'scheduled_messages', "kind = 'budget_risk' AND sent_at IS NOT NULL")).toBe(1);
  });

  it('says it in the tone the person chose, and not at all once turned off', async () => {
    const store = stores[0]!;
    await store.coaching.setTone('alice', 'roast');
    const clock = { now: FEB_14 };
    await scheduler(store, clock).tick();
    expect((await channel.waitFor(toAlice(/Budget check on groceries/))).activity.text).toContain(
      '$60.00 over',
    );

    await store.coaching.setNotice('alice', 'budget_alerts', false);
    clock.now = new Date('2026-03-20T18:00:00Z');
    await store.ledger.addStatement(
      'alice',
      (await store.accounts.list('alice'))[0]!.id,
      { name: 'march.csv', format: 'csv' },
      fileRows([
        {
          date: '2026-03-10',
          amountMinor: -40_000,
          description: 'SAFEWAY',
          merchant: 'Safeway',
          category: GROCERIES,
        },
      ]),
      [],
      clock.now,
    );
    expect(await scheduler(store, clock).tick()).toEqual({ planned: 0, sent: 0 });
  });

  it('reminds of a bill due within 3 days and says when payday arrives, from the upcoming port', async () => {
    const store = stores[0]!;
    const upcoming: UpcomingSource = {
      upcoming: async (): Promise<Upcoming> => ({
        payday: { date: '2026-02-14', amountMinor: 310_000, currency: 'USD' },
        bills: [
          { name: 'Rent', date: '2026-02-16', amountMinor: 200_000, currency: 'USD' },
          { name: 'Gym', date: '2026-02-25', amountMinor: 4_000, currency: 'USD' },
        ],
      }),
    };
    await store.coaching.setNotice('alice', 'budget_alerts', false);
    const clock = { now: FEB_14 };
    expect(await scheduler(store, clock, upcoming).tick()).toEqual({ planned: 2, sent: 2 });
    expect((await channel.waitFor(toAlice(/Rent/))).activity.text).toContain('$2,000.00');
    expect((await channel.waitFor(toAlice(/Payday/))).activity.text).toContain('$3,100.00');
    expect(sentTo(/Gym/)).toHaveLength(0);
    expect(await scheduler(store, clock, upcoming).tick()).toEqual({ planned: 0, sent: 0 });
  });

  it('sends the weekly recap on Sunday evening in the person’s zone, with a chart card, only when asked for', async () => {
    const store = stores[0]!;
    await store.coaching.setNotice('alice', 'budget_alerts', false);
    // Sunday 15 February 2026, 19:00 in Los Angeles (03:00 UTC on Monday).
    const sundayEvening = { now: new Date('2026-02-16T03:00:00Z') };
    expect(await scheduler(store, sundayEvening).tick()).toEqual({ planned: 0, sent: 0 });

    await store.coaching.setNotice('alice', 'weekly_recap', true);
    // Sunday 17:00 in Los Angeles is too early.
    expect(await scheduler(store, { now: new Date('2026-02-16T01:00:00Z') }).tick()).toEqual({
      planned: 0,
      sent: 0,
    });
    expect(await scheduler(store, sundayEvening).tick()).toEqual({ planned: 1, sent: 1 });
    const recap = await channel.waitFor(toAlice(/Your week/));
    // The week of 9–15 Feb: $60 + $120 of groceries; the usual week is the median of weeks with spending
    // before it ($90 and $40: $65).
    expect(recap.activity.text).toContain('you spent **$180.00**');
    expect(recap.activity.text).toContain('177% more than your usual week of $65.00');
    const attachments = (recap.activity as { attachments?: { contentType: string }[] }).attachments ?? [];
    expect(attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(await scheduler(store, { now: new Date('2026-02-16T05:00:00Z') }).tick()).toEqual({
      planned: 0,
      sent: 0,
    });
  });

  it('sends after a restart what was planned before it', async () => {
    const before = stores[0]!;
    const clock = { now: FEB_14 };
    expect(await scheduler(before, clock).plan()).toBe(1);
    before.close();
    expect(channel.received).toHaveLength(0);

    const after = await open();
    const s = scheduler(after, clock);
    expect(await s.deliver()).toBe(1);
    await channel.waitFor(toAlice(/Heads up/));
    expect(await s.tick()).toEqual({ planned: 0, sent: 0 });
    expect(sentTo(/Heads up/)).toHaveLength(1);
  });

  it('sends once when two instances share the database', async () => {
    const second = await open();
    const clock = { now: FEB_14 };
    const a = scheduler(stores[0]!, clock, undefined, 'instance-a');
    const b = scheduler(second, clock, undefined, 'instance-b');
    const results = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(results.reduce((n, r) => n + r.planned, 0)).toBe(1);
    await channel.waitFor(toAlice(/Heads up/));
    await new Promise((r) => setTimeout(r, 100));
    expect(sentTo(/Heads up/)).toHaveLength(1);
    expect(countRows(second, 'scheduled_messages')).toBe(1);
  });

  it('lets only one claim of a row win, and takes back a claim whose instance stopped', async () => {
    const store = stores[0]!;
    await store.schedule.plan([
      { userId: 'alice', kind: 'payday', periodKey: '2026-02-14', dueAt: FEB_14, payload: {} },
    ]);
    const [row] = await store.schedule.due(FEB_14, 60_000);
    expect(await store.schedule.claim(row!.id, 'a', FEB_14, 60_000)).toBe(true);
    expect(await store.schedule.claim(row!.id, 'b', FEB_14, 60_000)).toBe(false);
    expect(await store.schedule.due(FEB_14, 60_000)).toEqual([]);
    const later = new Date(FEB_14.getTime() + 61_000);
    expect(await store.schedule.claim(row!.id, 'b', later, 60_000)).toBe(true);
  });
});
