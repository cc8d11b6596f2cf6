/**
 * Charts must be readable on a small phone: drawn 320 px wide, no text smaller than 11 px. Every text
 * element of the SVG each chart kind produces is read with its font size, scaled to a 320 px wide image.
 */
import { describe, expect, it } from 'vitest';
import { MIN_PHONE_TEXT_PX, PHONE_WIDTH } from '../../src/charts/options.ts';
import { chartSvg } from '../../src/charts/render.ts';
import type { ChartSpec } from '../../src/charts/spec.ts';

const months = [
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
  'Nov 2026',
];
const merchants = [
  'Whole Foods Market',
  'Blue Bottle Coffee',
  'Trader Joe’s',
  'Amazon',
  'Target',
  'Shell',
  'Uber',
  'Netflix',
  'PG&E',
  'Oakwood Apartments Property Management',
];

const CHARTS: Array<[string, ChartSpec]> = [
  [
    'top merchants (horizontal bars)',
    {
      kind: 'bar',
      input: {
        title: 'Top merchants',
        labels: merchants,
        values: merchants.map((_, i) => 1200 - i * 97.5),
        currency: 'USD',
        horizontal: true,
      },
    },
  ],
  [
    'spending by month (vertical bars)',
    { kind: 'bar', input: { labels: months, values: months.map((_, i) => 3000 + i * 45), currency: 'USD' } },
  ],
  [
    'a trend (one line)',
    {
      kind: 'line',
      input: {
        labels: months,
        series: [{ name: 'Spending', values: months.map((_, i) => 2800 + ((i * 311) % 900)) }],
        currency: 'USD',
      },
    },
  ],
  [
    'a comparison (two lines and a legend)',
    {
      kind: 'line',
      input: {
        title: 'Dining',
        labels: months,
        series: [
          { name: 'This year', values: months.map((_, i) => 400 + i) },
          { name: 'Last year', values: months.map((_, i) => 380 + i) },
        ],
        currency: 'EUR',
      },
    },
  ],
  [
    'shares (donut)',
    {
      kind: 'donut',
      input: {
        title: 'Where it went',
        labels: ['Housing', 'Groceries', 'Dining', 'Transport', 'Other'],
        values: [2950, 620, 480, 210, 300],
        currency: 'USD',
        centerText: '$4,560',
      },
    },
  ],
];

interface SvgText {
  text: string;
  /** Font size in SVG units. */
  size: number;
}

/** Every <text> with its font size, from the style or the attribute; a text with neither reads as 0. */
function texts(svg: string): { width: number; items: SvgText[] } {
  const width = Number(/<svg[^>]*\bwidth="([\d.]+)"/.exec(svg)?.[1]);
  const items = [...svg.matchAll(/<text\b([^>]*)>([^<]*)</g)].map((m) => {
    const attrs = m[1] ?? '';
    const size =
      /font-size:\s*([\d.]+)px/.exec(attrs)?.[1] ??
      /font-size="([\d.]+)/.exec(attrs)?.[1] ??
      /font:[^;"]*?([\d.]+)px/.exec(attrs)?.[1];
    // A scale in the text's own transform would change its drawn size.
    expect(attrs, `"${m[2]}" is scaled`).not.toMatch(/matrix\(|scale\(/);
    return { text: m[2] ?? '', size: Number(size ?? 0) };
  });
  return { width, items };
}

describe('charts on a 320 px wide phone', () => {
  it.each(CHARTS)('%s: no text under 11 px', (_name, spec) => {
    const { width, items } = texts(chartSvg(spec));
    expect(width).toBeGreaterThan(0);
    const drawn = items.filter((t) => t.text.trim() !== '');
    expect(drawn.length).toBeGreaterThan(3);
    const tooSmall = drawn
      .map((t) => ({ text: t.text, px: (t.size * PHONE_WIDTH) / width }))
      .filter((t) => t.px < MIN_PHONE_TEXT_PX);
    expect(tooSmall).toEqual([]);
  });

  it('the same scan finds text that would be too small (a chart laid out 600 wide with 11-unit labels)', () => {
    const svg = chartSvg({
      kind: 'bar',
      input: { labels: ['Groceries', 'Dining'], values: [420, 130], currency: 'USD', width: 600 },
    });
    const { width, items } = texts(svg);
    expect(width).toBe(600);
    const smallest = Math.min(
      ...items.filter((t) => t.text.trim()).map((t) => (t.size * PHONE_WIDTH) / width),
    );
    expect(smallest).toBeLessThan(MIN_PHONE_TEXT_PX);
  });
});
