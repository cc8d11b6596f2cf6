/**
 * The insights on the made-up household (test/fixtures/household, read through the real import pipeline):
 * what a person would be told, worked out by hand from the statement rows, and how long it takes on a few
 * thousand rows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findUnusualCharges } from '../../src/insights/anomalies.ts';
import { findDuplicateCharges } from '../../src/insights/duplicates.ts';
import { findPriceRises, findRecurring, monthlySubscriptionTotal } from '../../src/insights/recurring.ts';
import type { Txn } from '../../src/insights/types.ts';
import { HOUSEHOLD_TODAY, loadHousehold } from '../helpers/household.ts';
import { memoryStore } from '../helpers/store.ts';

const TODAY = HOUSEHOLD_TODAY;
const LAST_60_DAYS = '2026-01-04';
const FIRST_DAY = '2025-12-01';

let maya: Txn[];
let theo: Txn[];

beforeAll(async () => {
  const store = await memoryStore();
  await loadHousehold(store);
  maya = await store.queries.history('maya', FIRST_DAY);
  theo = await store.queries.history('theo', FIRST_DAY);
});

const show = (t: Txn) => `${t.date} ${t.merchant} ${(-t.amountMinor / 100).toFixed(2)}`;

describe('insights on Maya’s statements', () => {
  it('reads all 76 of her rows: 23 from checking and 53 from the card', () => {
    expect(maya).toHaveLength(76);
    expect(maya.filter((t) => t.flow === 'income').map((t) => t.amountMinor)).toEqual(Array(6).fill(341_255));
    // Three card payments, each seen from checking (money out) and from the card (money in).
    expect(
      maya
        .filter((t) => t.flow === 'transfer')
        .map((t) => t.amountMinor)
        .sort((a, b) => a - b),
    ).toEqual([-120_433, -98_752, -81_206, 81_206, 98_752, 120_433]);
  });

  it('flags the $1,146.75 IKEA sofa in the last 60 days, and nothing else', () => {
    const flags = findUnusualCharges(maya, { since: LAST_60_DAYS, today: TODAY });
    console.log(
      'unusual (60 days):',
      flags.map((f) => `${f.kind} ${show(f.txn)} ×${f.ratio} ${f.basis}`),
    );
    expect(flags.map((f) => [f.kind, f.txn.date, f.amountMinor])).toEqual([
      ['new_merchant', '2026-02-21', 114_675],
    ]);
    expect(flags[0]!.txn.description).toMatch(/^IKEA /);
    expect(flags[0]!.ratio).toBeGreaterThan(3);
  });

  it('over the whole history also flags the $129.99 Amazon order, about 4.2× her other Amazon orders', () => {
    const flags = findUnusualCharges(maya, { since: FIRST_DAY, today: TODAY });
    console.log(
      'unusual (all):',
      flags.map((f) => `${f.kind} ${show(f.txn)} ×${f.ratio} ${f.basis}`),
    );
    // Her other Amazon orders: 19.99, 23.47, 38.62, 42.18 — median (23.47 + 38.62) / 2 = 31.045; 129.99 / 31.05 = 4.19.
    expect(flags.map((f) => [f.kind, f.txn.date, f.amountMinor])).toEqual([
      ['new_merchant', '2026-02-21', 114_675],
      ['outlier', '2025-12-19', 12_999],
    ]);
    expect(flags[1]).toMatchObject({ basis: 'merchant', typicalMinor: 3_105, ratio: 4.2, basisCount: 4 });
    // Rent is her largest charge every month, and a fixed bill is never unusual.
    expect(flags.some((f) => /RENT/.test(f.txn.description))).toBe(false);
  });

  it('finds the Lucca Osteria bill charged twice on 8 February and nothing else', () => {
    const pairs = findDuplicateCharges(maya, { since: FIRST_DAY });
    console.log(
      'duplicates:',
      pairs.map((p) => `${show(p.first)} + ${show(p.second)} (${p.gapDays} d)`),
    );
    expect(pairs.map((p) => [p.first.date, p.second.date, p.second.amountMinor, p.gapDays])).toEqual([
      ['2026-02-08', '2026-02-08', -6_418, 0],
    ]);
    expect(pairs[0]!.second.description).toMatch(/LUCCA OSTERIA/);
    expect(pairs[0]!.first.id).not.toBe(pairs[0]!.second.id);
  });

  it('finds Netflix and Spotify as subscriptions, rent as a bill, and Spotify’s price rise', () => {
    const series = findRecurring(maya, TODAY);
    console.log(
      'recurring:',
      series.map(
        (s) => `${s.merchant} ${s.cadence} ${s.lastAmountMinor} sub=${s.isSubscription} active=${s.active}`,
      ),
    );
    const subscriptions = series.filter((s) => s.isSubscription);
    expect(
      subscriptions.map((s) => [s.merchant, s.cadence, s.occurrences, s.lastAmountMinor]).sort(),
    ).toEqual([
      ['Netflix', 'monthly', 3, 1_799], // 8 Dec, 8 Jan, 8 Feb
      ['Spotify', 'monthly', 4, 1_299], // 2 Dec, 2 Jan at 11.99; 2 Feb, 2 Mar at 12.99
    ]);
    const rent = series.find((s) => /^Westgate Property/i.test(s.merchant));
    expect(rent).toMatchObject({
      cadence: 'monthly',
      occurrences: 4,
      lastAmountMinor: 215_000,
      isSubscription: false,
      active: true,
    });
    expect(findPriceRises(series, FIRST_DAY).map((r) => [r.series.merchant, r.change])).toEqual([
      ['Spotify', { date: '2026-02-02', fromMinor: 1_199, toMinor: 1_299 }],
    ]);
    expect(monthlySubscriptionTotal(series)).toEqual([
      { currency: 'USD', amountMinor: 1_799 + 1_299, count: 2 },
    ]);
  });
});

describe('insights on Theo’s statements', () => {
  it('has nothing unusual or duplicated', () => {
    expect(theo).toHaveLength(58);
    expect(findUnusualCharges(theo, { since: FIRST_DAY, today: TODAY })).toEqual([]);
    expect(findDuplicateCharges(theo, { since: FIRST_DAY })).toEqual([]);
  });

  it('finds Planet Fitness and YouTube Premium as subscriptions, PG&E and Comcast as bills, and no price rise', () => {
    const series = findRecurring(theo, TODAY);
    console.log(
      'recurring:',
      series.map((s) => `${s.merchant} ${s.cadence} ${s.lastAmountMinor} sub=${s.isSubscription}`),
    );
    const subscriptions = series.filter((s) => s.isSubscription);
    expect(subscriptions.map((s) => s.lastAmountMinor).sort((a, b) => a - b)).toEqual([1_399, 1_500]);
    expect(subscriptions.map((s) => s.merchant)).toEqual(
      expect.arrayContaining(['Planet Fitness', expect.stringMatching(/youtube/i)]),
    );
    // PG&E changes every month (142.67, 171.30, 158.92); Comcast is 80.00 each time.
    expect(series.filter((s) => !s.isSubscription).map((s) => s.merchant)).toEqual(
      expect.arrayContaining(['PG&E', 'Comcast Xfinity']),
    );
    expect(series.find((s) => s.merchant === 'PG&E')).toMatchObject({
      cadence: 'monthly',
      occurrences: 3,
      variableAmount: true,
    });
    expect(findPriceRises(series, FIRST_DAY)).toEqual([]);
    expect(monthlySubscriptionTotal(series)).toEqual([
      { currency: 'USD', amountMinor: 1_500 + 1_399, count: 2 },
    ]);
  });
});

describe('speed', () => {
  it('handles about 3,000 rows in a few milliseconds (figures printed, not asserted)', () => {
    // Maya's 76 rows repeated over 40 earlier years, with shifted dates and fresh ids.
    const rows: Txn[] = [];
    for (let k = 0; k < 40; k++) {
      for (const t of maya)
        rows.push({ ...t, id: rows.length + 1, date: `${Number(t.date.slice(0, 4)) - k}${t.date.slice(4)}` });
    }
    const runs: [string, () => unknown][] = [
      ['findUnusualCharges', () => findUnusualCharges(rows, { since: '2026-01-01', today: TODAY })],
      ['findDuplicateCharges', () => findDuplicateCharges(rows, { since: '2026-01-01' })],
      ['findRecurring', () => findRecurring(rows, TODAY)],
    ];
    for (const [name, run] of runs) {
      const times: number[] = [];
      for (let i = 0; i < 25; i++) {
        const start = performance.now();
        run();
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      console.log(
        `${name} on ${rows.length} rows: median ${times[12]!.toFixed(2)} ms, best ${times[0]!.toFixed(2)} ms`,
      );
    }
    expect(rows).toHaveLength(3_040);
  });
});
