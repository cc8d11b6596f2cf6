import { describe, expect, it } from 'vitest';
import { findDuplicateCharges } from '../../src/insights/duplicates.ts';
import { charge, everyDays, monthly } from './build.ts';

const SINCE = '2026-01-01';

describe('findDuplicateCharges', () => {
  it('finds a monthly subscription charged twice on one day', () => {
    const spotify = monthly('2025-09-17', 6, 1_199, 'Spotify', 'ENTERTAINMENT_MUSIC_AND_AUDIO');
    const extra = charge('2026-02-17', 1_199, 'Spotify', 'ENTERTAINMENT_MUSIC_AND_AUDIO');
    const pairs = findDuplicateCharges([...spotify, extra], { since: SINCE });
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ first: spotify[5], second: extra, gapDays: 0 });
    expect(pairs[0]!.usualGapDays).toBeGreaterThanOrEqual(30);
  });

  it('finds a monthly charge repeated within the week, beyond the default window', () => {
    const spotify = monthly('2025-09-17', 6, 1_199, 'Spotify');
    const extra = charge('2026-02-22', 1_199, 'Spotify');
    expect(findDuplicateCharges([...spotify, extra], { since: SINCE }).map((p) => p.gapDays)).toEqual([5]);
  });

  it('does not call a daily coffee at the same price a duplicate', () => {
    const coffee = everyDays('2025-12-01', 90, 1, 475, 'Blue Bottle', 'FOOD_AND_DRINK_COFFEE');
    expect(findDuplicateCharges(coffee, { since: SINCE })).toEqual([]);
  });

  it('does not flag same-day identical charges where several purchases a day are common', () => {
    const coffee = everyDays('2025-12-01', 60, 1, 475, 'Starbucks');
    const seconds = everyDays('2025-12-03', 15, 4, 475, 'Starbucks');
    expect(findDuplicateCharges([...coffee, ...seconds], { since: SINCE })).toEqual([]);
  });

  it('flags a same-day identical charge where one purchase a day is the habit', () => {
    const coffee = everyDays('2025-12-01', 60, 1, 475, 'Starbucks');
    const extra = charge('2026-01-20', 475, 'Starbucks');
    expect(findDuplicateCharges([...coffee, extra], { since: SINCE }).map((p) => p.second)).toEqual([extra]);
  });

  it('flags an identical pair at a merchant seen only twice, within the window only', () => {
    const a = charge('2026-02-03', 8_450, 'Hardware Store');
    const b = charge('2026-02-05', 8_450, 'Hardware Store');
    expect(findDuplicateCharges([a, b], { since: SINCE })).toEqual([{ first: a, second: b, gapDays: 2 }]);
    expect(findDuplicateCharges([a, b], { since: SINCE, windowDays: 1 })).toEqual([]);
    expect(
      findDuplicateCharges([a, charge('2026-02-09', 8_450, 'Hardware Store')], { since: SINCE }),
    ).toEqual([]);
  });

  it('ignores different amounts, other merchants, earlier pairs, transfers, and refunded duplicates', () => {
    const rows = [
      charge('2026-02-03', 8_450, 'Hardware Store'),
      charge('2026-02-03', 8_451, 'Hardware Store'),
      charge('2026-02-03', 8_450, 'Garden Center'),
      charge('2025-12-03', 2_000, 'Cinema'),
      charge('2025-12-03', 2_000, 'Cinema'),
      charge('2026-02-10', 50_000, 'Savings', 'TRANSFER_OUT', { flow: 'transfer' }),
      charge('2026-02-10', 50_000, 'Savings', 'TRANSFER_OUT', { flow: 'transfer' }),
      charge('2026-02-12', 3_000, 'Pizza Place'),
      charge('2026-02-12', 3_000, 'Pizza Place'),
      charge('2026-02-16', -3_000, 'Pizza Place'),
    ];
    expect(findDuplicateCharges(rows, { since: SINCE })).toEqual([]);
  });
});
