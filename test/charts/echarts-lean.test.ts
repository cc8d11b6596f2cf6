import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as full from 'echarts';
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/charts/spec.ts';
import { drawSvg } from './draw-svg.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

const months = ['Nov', 'Dec', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct'];

/** One of each kind and variant Tally draws: titled or not, horizontal bars, one or several lines, a centre text. */
const SPECS: ChartSpec[] = [
  {
    kind: 'bar',
    input: {
      title: 'Top merchants',
      labels: ['Whole Foods', 'Blue Bottle'],
      values: [380.12, 96.4],
      currency: 'USD',
    },
  },
  {
    kind: 'bar',
    input: {
      labels: ['Groceries', 'Eating out', 'Transport', 'A very long category name indeed'],
      values: [412, 96.4, 150, 12.5],
      currency: 'GBP',
      horizontal: true,
    },
  },
  {
    kind: 'line',
    input: {
      labels: months,
      series: [{ name: 'Dining', values: months.map((_, i) => 400 + i * 10) }],
      currency: 'USD',
    },
  },
  {
    kind: 'line',
    input: {
      title: 'Groceries vs coffee',
      labels: months,
      series: [
        { name: 'Groceries', values: months.map((_, i) => 300 + ((i * 37) % 90)) },
        { name: 'Coffee', values: months.map((_, i) => (i === 4 ? null : 40 + i)) },
      ],
      currency: 'EUR',
    },
  },
  {
    kind: 'donut',
    input: {
      title: 'Where it went',
      labels: ['Rent', 'Groceries', 'Eating out', 'Other'],
      values: [1500, 420, 180, 95],
      currency: 'USD',
      centerText: '$2,195',
    },
  },
  { kind: 'donut', input: { labels: ['Rent', 'Groceries'], values: [1500, 420], currency: 'USD' } },
];

/** The specs drawn by the lean build alone, in a process that never loads the full one. */
function drawLean(specs: readonly ChartSpec[]): string[] {
  const run = spawnSync(process.execPath, [join(HERE, 'lean-draw.ts')], {
    input: JSON.stringify(specs),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[];
}

describe('the lean ECharts build', () => {
  it('draws every kind of chart exactly as the full build does', () => {
    const lean = drawLean(SPECS);
    expect(lean).toHaveLength(SPECS.length);
    SPECS.forEach((spec, i) => {
      expect(lean[i]?.length, spec.kind).toBeGreaterThan(1000);
      expect(lean[i], `${spec.kind} ${i + 1}`).toBe(drawSvg(full.init, spec));
    });
  });
});
