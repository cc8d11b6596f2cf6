/** Percentiles, aligned tables and the PASS/MISS verdicts the benchmarks print. */

/** Nearest-rank percentile of already sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export interface Latency {
  p50: number;
  p99: number;
  samples: number;
}

/** p50 and p99 of a list of durations (any unit). */
export function latency(values: readonly number[]): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), samples: sorted.length };
}

/** One checked target: what was measured, what it must be, and whether it is. */
export interface Verdict {
  benchmark: string;
  target: string;
  measured: string;
  pass: boolean;
}

/** Prints rows as an aligned text table; the first row is the header. */
export function printTable(title: string, rows: readonly (readonly string[])[]): void {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const line = (row: readonly string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  console.log(`\n${title}`);
  rows.forEach((row, i) => {
    console.log(line(row));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
}

/** Microseconds from milliseconds, rounded for display. */
export function us(ms: number): string {
  return ms >= 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms * 1000)} µs`;
}

export function int(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function ratio(a: number, b: number): string {
  return b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a';
}
