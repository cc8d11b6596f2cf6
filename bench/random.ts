/** Seeded randomness for the benchmark data: the same seed gives the same bytes on every machine. */

export type Rng = () => number;

/** mulberry32: small and fast; plenty for made-up spending. */
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

/** A seed per named stream (user 17, the import file…), so one stream never shifts another. */
export function streamFor(seed: number, name: string): Rng {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mulberry32(h >>> 0);
}

/** Integer in [min, max]. */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)] as T;
}

/** Standard normal, Box–Muller. */
export function normal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

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
