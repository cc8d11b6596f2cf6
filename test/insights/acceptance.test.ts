/**
 * The insights on realistic statements (the shared acceptance files, read roughly by acceptance-rows.ts):
 * what a person would be told, and how long it takes on a few thousand rows.
 */
import { describe, expect, it } from 'vitest';
import { findUnusualCharges } from '../../src/insights/anomalies.ts';
import { findDuplicateCharges } from '../../src/insights/duplicates.ts';
import { findPriceRises, findRecurring, monthlySubscriptionTotal } from '../../src/insights/recurring.ts';
import type { Txn } from '../../src/insights/types.ts';
import { aliceHistory, bobHistory, repeatedHistory } from './acceptance-rows.ts';

const TODAY = '2026-03-10';
const LAST_60_DAYS = '2026-01-09';

const show = (t: Txn) => `${t.date} ${t.merchant} ${(-t.amountMinor / 100).toFixed(2)}`;

describe('insights on alice’s statements', () => {
  const alice = aliceHistory();

  it('flags the $1,249.00 Best Buy charge, with few other flags', () => {
    const flags = findUnusualCharges(alice, { since: LAST_60_DAYS, today: TODAY });
    console.log(
      'unusual (60 days):',
      flags.map((f) => `${f.kind} ${show(f.txn)} ×${f.ratio} ${f.basis} ${f.categoryLabelKey ?? ''}`),
    );
    const bestBuy = flags.find((f) => /BESTBUY/.test(f.txn.description));
    expect(bestBuy).toMatchObject({ amountMinor: 124_900 });
    expect(bestBuy!.ratio).toBeGreaterThan(3);
    expect(flags.length - 1).toBeLessThanOrEqual(3);

    const wider = findUnusualCharges(alice, { since: '2025-10-01', today: TODAY });
    console.log(
      'unusual (since October):',
      wider.map((f) => `${f.kind} ${show(f.txn)} ×${f.ratio}`),
    );
    expect(wider.length).toBeLessThanOrEqual(6);
  });

  it('finds Spotify charged twice and nothing else', () => {
    const pairs = findDuplicateCharges(alice, { since: '2025-09-01' });
    console.log(
      'duplicates:',
      pairs.map((p) => `${show(p.first)} + ${show(p.second)} (${p.gapDays} d)`),
    );
    expect(pairs.map((p) => p.second.merchant)).toEqual(['SPOTIFY USA']);
  });

  it('finds Netflix and Spotify among subscriptions, and the Netflix price rise', () => {
    const series = findRecurring(alice, TODAY);
    console.log(
      'recurring:',
      series.map(
        (s) => `${s.merchant} ${s.cadence} ${s.lastAmountMinor} sub=${s.isSubscription} active=${s.active}`,
      ),
    );
    const subscriptions = series.filter((s) => s.isSubscription).map((s) => s.merchant);
    expect(subscriptions).toEqual(expect.arrayContaining(['NETFLIX.COM NETFLIX.COM', 'SPOTIFY USA']));
    expect(series.filter((s) => !s.isSubscription).map((s) => s.merchant)).toEqual(
      expect.arrayContaining(['OAKWOOD APTS', 'COMCAST CABLE', 'PGANDE WEB']),
    );
    const rises = findPriceRises(series, '2025-09-01');
    expect(rises.map((r) => [r.series.merchant, r.change])).toEqual([
      ['NETFLIX.COM NETFLIX.COM', { date: '2025-12-09', fromMinor: 1_549, toMinor: 1_799 }],
    ]);
    expect(monthlySubscriptionTotal(series)).toEqual([
      { currency: 'USD', amountMinor: 1_799 + 1_199, count: 2 },
    ]);
  });
});

describe('insights on bob’s statement', () => {
  it('has nothing unusual, duplicated or subscribed', () => {
    const bob = bobHistory();
    expect(findUnusualCharges(bob, { since: '2025-10-01', today: TODAY })).toEqual([]);
    expect(findDuplicateCharges(bob, { since: '2025-09-01' })).toEqual([]);
    expect(findRecurring(bob, TODAY).filter((s) => s.isSubscription)).toEqual([]);
  });
});

describe('speed', () => {
  it('handles about 3,000 rows in a few milliseconds (figures printed, not asserted)', () => {
    const rows = repeatedHistory(8);
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
    expect(rows.length).toBeGreaterThan(2_500);
  });
});
