/** Small generated statements, for tests that need data dated relative to a given day. */
import { addDays } from '../../src/day.ts';

/**
 * A checking-account CSV ending on `lastDay`: groceries every four days for four months ($52–$79) and,
 * `spikeDaysAgo` days before `lastDay`, one grocery charge of `spikeMinor` at the same shop.
 */
export function groceriesWithSpike(lastDay: string, spikeMinor = 145_000, spikeDaysAgo = 1): Buffer {
  const lines = ['Date,Description,Amount'];
  for (let i = 120, n = 0; i >= 4; i -= 4, n++) {
    const cents = 5_200 + ((n * 937) % 2_700);
    lines.push(`${addDays(lastDay, -i)},SAFEWAY #1507 SAN FRANCISCO CA,-${(cents / 100).toFixed(2)}`);
  }
  lines.push(
    `${addDays(lastDay, -spikeDaysAgo)},SAFEWAY #1507 SAN FRANCISCO CA,-${(spikeMinor / 100).toFixed(2)}`,
  );
  return Buffer.from(`${lines.join('\n')}\n`);
}
