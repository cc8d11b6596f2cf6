import { categorize } from '../categorize.ts';
import { cleanMerchant } from '../merchants.ts';

const SEEDS = [
  'STARBUCKS STORE',
  'SQ *BLUE BOTTLE COFFEE',
  'SAFEWAY #',
  'CORNER BAKERY #',
  'PURCHASE AUTHORIZED ON 12/04 JOES DINER',
  'UBER *TRIP',
  'SHELL OIL',
  'ACME PAYROLL PPD ID:',
];

// Letters, not numbers, tell the distinct descriptors apart: the cache treats lines that differ only in long numbers alike.
const letters = (n: number): string =>
  n.toString(26).replace(/./g, (c) => String.fromCharCode(65 + parseInt(c, 26)));

/**
 * Descriptors no two alike, so every one misses the categoriser's cache. `offset` starts the run elsewhere, so a
 * second measurement in the same process meets lines the first did not.
 */
export function distinctDescriptors(count: number, offset = 0): string[] {
  return Array.from(
    { length: count },
    (_, i) => `${SEEDS[(i + offset) % SEEDS.length]}${letters(i + offset)} SAN FRANCISCO CA`,
  );
}

function categorizeAll(descriptors: readonly string[]): void {
  for (let i = 0; i < descriptors.length; i++) {
    const description = descriptors[i] as string;
    categorize({
      merchant: cleanMerchant(description),
      description,
      amountMinor: i % 7 === 0 ? 1250 : -1250,
      accountType: 'checking',
    });
  }
}

/** Rows per second through `cleanMerchant` and `categorize`, as an import runs them. */
export function rowsPerSecond(descriptors: readonly string[]): number {
  const started = performance.now();
  categorizeAll(descriptors);
  return descriptors.length / ((performance.now() - started) / 1000);
}

/**
 * Microseconds of this process's processor time per row: on a machine other work shares, the time the process was
 * waiting for a core does not count, as it does on the clock.
 */
export function cpuMicrosPerRow(descriptors: readonly string[]): number {
  const started = process.cpuUsage();
  categorizeAll(descriptors);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / descriptors.length;
}
