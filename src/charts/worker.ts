/**
 * One render thread of the chart pool (see pool.ts): a spec in, PNG bytes out. ECharts and resvg are
 * loaded here, never on the server's main thread, so a chart costs a turn nothing and start-up skips them.
 */
import { chartPng } from './render.ts';
import type { ChartSpec } from './spec.ts';

export interface RenderedChart {
  png: Uint8Array;
  /** Time spent drawing and rasterising, on this thread. */
  ms: number;
}

/** `null` only starts the thread (the pool's warm-up): the modules above are loaded by then. */
export default function render(spec: ChartSpec | null): RenderedChart | null {
  if (spec === null) return null;
  const started = performance.now();
  const png = chartPng(spec);
  return { png, ms: performance.now() - started };
}
