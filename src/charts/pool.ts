/**
 * The chart render pool: a few worker threads (piscina) that draw chart specs to PNG, with a bounded
 * queue. Threads start on the first render (or `warm()`) and stop after a minute idle, so a server that
 * draws no charts pays neither their start-up nor their memory.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ChartSpec } from './spec.ts';
import type { RenderedChart } from './worker.ts';

export interface RenderPoolOptions {
  /** Render threads at most; default one fewer than the cores, at least one, at most two. */
  threads?: number;
  /** Renders waiting for a thread at most; beyond it `render` refuses at once (PoolBusyError). */
  maxQueue?: number;
  /** A thread with nothing to do for this long stops. */
  idleTimeoutMs?: number;
}

export interface RenderPool {
  /** Draws one chart on a render thread. */
  render(spec: ChartSpec): Promise<{ png: Buffer; ms: number }>;
  /** Starts a thread if none is running, so the first chart does not wait for one. */
  warm(): void;
  close(): Promise<void>;
}

/** The queue is full: the caller should answer "try again" (HTTP 503) rather than wait. */
export class PoolBusyError extends Error {
  override name = 'PoolBusyError';
}

/**
 * The worker module beside this one: `.ts` when running from source (tests, `npm run dev`), `.js` in
 * dist/. Source workers need TypeScript support in the thread: Node's own type stripping where it has
 * it, tsx where it does not.
 */
function workerModule(): { filename: string; execArgv?: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  const filename = new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url).href;
  const stripsTypes = Boolean((process.features as { typescript?: unknown }).typescript);
  return fromSource && !stripsTypes
    ? { filename, execArgv: [...process.execArgv, '--import', 'tsx'] }
    : { filename };
}

export function defaultThreads(): number {
  return Math.min(2, Math.max(1, availableParallelism() - 1));
}

export function createRenderPool(options: RenderPoolOptions = {}): RenderPool {
  const maxQueue = options.maxQueue ?? 64;
  const pool = new Piscina<ChartSpec | null, RenderedChart | null>({
    ...workerModule(),
    name: 'default',
    minThreads: 0,
    maxThreads: options.threads ?? defaultThreads(),
    maxQueue,
    idleTimeout: options.idleTimeoutMs ?? 60_000,
  });
  return {
    async render(spec) {
      if (pool.queueSize >= maxQueue) throw new PoolBusyError('the chart render queue is full');
      const out = await pool.run(spec);
      if (!out) throw new Error('the render thread returned nothing');
      return { png: Buffer.from(out.png.buffer, out.png.byteOffset, out.png.byteLength), ms: out.ms };
    },
    warm() {
      if (pool.threads.length === 0) pool.run(null).catch(() => undefined);
    },
    close: () => pool.close(),
  };
}
