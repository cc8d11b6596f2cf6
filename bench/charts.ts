/**
 * Chart images: what a chart costs inside a turn (issuing its URL: one row written) beside what drawing
 * it costs in the render pool when the channel fetches it, cold (the thread starting) and warm, and a
 * fetch served from the cache.
 */
import { createRenderPool, type RenderPool } from '../src/charts/pool.ts';
import { ChartService } from '../src/charts/service.ts';
import { openStore } from '../src/open-store.ts';
import { latency, type Latency } from './report.ts';

export interface ChartResult {
  /** Issuing a chart URL during a turn (spec stored, nothing drawn), ms. */
  issue: Latency;
  /** First image: a render thread starting, loading ECharts and resvg, then drawing. */
  coldMs: number;
  /** Drawing in the render thread (ECharts SVG + resvg PNG), as the thread timed it, ms. */
  renderBar: Latency;
  renderLine: Latency;
  /** The same fetches end to end (lookup, hand-off to the thread, drawing, back), ms. */
  fetchBar: Latency;
  fetchLine: Latency;
  /** GET of an image already drawn: lookup + cache. */
  cachedHit: Latency;
  pngBytes: number;
}

const MERCHANTS = [
  'Whole Foods Market',
  'Amazon',
  'Trader Joe’s',
  'Shell',
  'Starbucks',
  'Uber',
  'Target',
  'Netflix',
  'Costco',
  'PG&E',
];
const MONTHS = [
  'Nov 2025',
  'Dec 2025',
  'Jan 2026',
  'Feb 2026',
  'Mar 2026',
  'Apr 2026',
  'May 2026',
  'Jun 2026',
  'Jul 2026',
  'Aug 2026',
  'Sep 2026',
  'Oct 2026',
];

export async function benchCharts(samples: number): Promise<ChartResult> {
  const store = await openStore(':memory:');
  const threads = createRenderPool({ threads: 1 });
  let drawn: number[] = [];
  const pool: RenderPool = {
    ...threads,
    render: async (spec) => {
      const out = await threads.render(spec);
      drawn.push(out.ms);
      return out;
    },
  };
  const charts = new ChartService({
    store,
    pool,
    images: 'url',
    ttlMs: 3_600_000,
    baseUrl: () => 'http://localhost:3978',
  });
  const renderer = charts.forUser('bench-charts');
  const issueMs: number[] = [];
  const ids: string[] = [];
  const bars: string[] = [];
  const lines: string[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      const started = performance.now();
      const bar = await renderer.bar({
        labels: MERCHANTS,
        values: MERCHANTS.map((_, k) => 1200 - k * 97 + i),
        currency: 'USD',
        horizontal: true,
      });
      issueMs.push(performance.now() - started);
      bars.push(bar);
      lines.push(
        await renderer.line({
          labels: MONTHS,
          series: [{ name: 'Spending', values: MONTHS.map((_, k) => 2800 + ((k * 311 + i) % 900)) }],
          currency: 'USD',
        }),
      );
    }
    const idOf = (url: string) => /\/charts\/(.+)\.png$/.exec(url)?.[1] ?? '';
    const renderOf = (ms: number[]) => async (url: string) => {
      const started = performance.now();
      const image = await charts.image(idOf(url));
      if (!image) throw new Error('an issued chart was not found');
      ms.push(performance.now() - started);
      ids.push(idOf(url));
      return image.png.length;
    };
    const cold = performance.now();
    const pngBytes = await renderOf([])(bars[0] as string);
    const coldMs = performance.now() - cold;
    const barMs: number[] = [];
    const lineMs: number[] = [];
    drawn = [];
    for (const url of bars.slice(1)) await renderOf(barMs)(url);
    const drawnBars = drawn;
    drawn = [];
    for (const url of lines) await renderOf(lineMs)(url);
    const drawnLines = drawn;
    const hitMs: number[] = [];
    for (const id of ids) {
      const started = performance.now();
      await charts.image(id);
      hitMs.push(performance.now() - started);
    }
    return {
      issue: latency(issueMs),
      coldMs,
      renderBar: latency(drawnBars),
      renderLine: latency(drawnLines),
      fetchBar: latency(barMs),
      fetchLine: latency(lineMs),
      cachedHit: latency(hitMs),
      pngBytes,
    };
  } finally {
    await threads.close();
    store.close();
  }
}
