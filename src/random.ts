/** Seeded randomness (demo data, benchmark data, classifier shuffling): the same seed gives the same numbers on every machine. */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32: tiny, fast and good enough for plausible-looking demo data (not for anything secret). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to turn a stream name into a seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * One independent stream per name (merchant, bill…), so adding a merchant to the recipe does not
 * reshuffle every other merchant's purchases.
 */
export function streamFor(seed: number, name: string): Rng {
  return mulberry32(hash(`${seed}:${name}`));
}

/** Integer in [min, max], both included. */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

/** Picks a key with probability proportional to its weight. */
export function pickWeighted(rng: Rng, weights: Readonly<Record<string, number>>): string {
  const entries = Object.entries(weights);
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [key, w] of entries) {
    r -= w;
    if (r < 0) return key;
  }
  const last = entries.at(-1);
  if (!last) throw new RangeError('pickWeighted from no weights');
  return last[0];
}

/** Standard normal by Box–Muller. */
export function normal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/**
 * Integer minor units around `typical`, skewed like real receipts (many small, a few large):
 * log-normal with the median at `typical`, so that `max` sits about two standard deviations out, clamped.
 */
export function amountAround(rng: Rng, min: number, typical: number, max: number): number {
  const sigma = Math.log(max / typical) / 2;
  const value = Math.round(typical * Math.exp(sigma * normal(rng)));
  return Math.min(max, Math.max(min, value));
}

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

export function randomCode(rng: Rng, length: number, alphabet = ALNUM): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(rng() * alphabet.length)];
  return out;
}
