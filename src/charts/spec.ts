/**
 * What a chart shows, as plain data: kept server-side under its image id, sent to a render thread and
 * drawn there. JSON in and out, so it survives the database and the thread boundary unchanged.
 */
import type { BarChartInput, DonutChartInput, LineChartInput } from './options.ts';

export type ChartSpec =
  | { kind: 'bar'; input: BarChartInput }
  | { kind: 'line'; input: LineChartInput }
  | { kind: 'donut'; input: DonutChartInput };

const KINDS = new Set(['bar', 'line', 'donut']);

/** Reads a stored spec back; undefined for anything that is not one (a damaged or foreign row). */
export function parseChartSpec(json: string): ChartSpec | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind, input } = value as { kind?: unknown; input?: unknown };
  if (typeof kind !== 'string' || !KINDS.has(kind)) return undefined;
  if (typeof input !== 'object' || input === null) return undefined;
  const { labels, currency } = input as { labels?: unknown; currency?: unknown };
  if (!Array.isArray(labels) || typeof currency !== 'string') return undefined;
  return value as ChartSpec;
}
