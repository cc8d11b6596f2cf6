/** Seeded randomness for the benchmark data: the same seed gives the same bytes on every machine. */

import { intBetween, mulberry32, normal, pick, streamFor, type Rng } from '../src/random.ts';

export { intBetween, mulberry32, normal, pick, streamFor, type Rng };

/** Poisson count with mean `lambda` (Knuth; fine for small means). */
export function poisson(rng: Rng, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k++;
    p *= rng();
  }
  return k;
}

/**
 * Draws ranks 0..n-1 with probability ∝ 1/(rank+1)^s, the way a few merchants take most purchases.
 * Precomputes the cumulative weights once; each draw is a binary search.
 */
export function zipf(n: number, s: number): (rng: Rng) => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / Math.pow(i + 1, s);
  return (rng) => {
    const x = rng() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/**
 * Fills `{d:N}` (digits), `{a:N}` (upper-case letters and digits) and `{city}` in a descriptor template.
 * `fixed` fills only store numbers and cities (same shop every time); the rest fills order codes per charge.
 */
export function fillTemplate(template: string, rng: Rng, cities: readonly string[], fixed: boolean): string {
  if (!template.includes('{')) return template;
  const pattern = fixed ? /\{(d|city)(?::(\d+))?\}/g : /\{(a)(?::(\d+))?\}/g;
  return template.replace(pattern, (_, kind: string, n: string | undefined) => {
    if (kind === 'city') return pick(rng, cities);
    const chars = kind === 'd' ? '0123456789' : 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
    let out = '';
    for (let i = 0; i < Number(n); i++) out += chars[Math.floor(rng() * chars.length)];
    return out;
  });
}
