import { describe, expect, it } from 'vitest';
import { renderBarChart, renderDonutChart, renderLineChart, renderSvg } from '../../src/charts/render.ts';
import {
  barOption,
  chartSize,
  compactMoney,
  donutOption,
  labelMoney,
  lineOption,
  shortenLabel,
} from '../../src/charts/options.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Decodes the data URI and reads width and height from the IHDR chunk. */
function decodePng(dataUri: string): { bytes: Buffer; width: number; height: number } {
  expect(dataUri.startsWith('data:image/png;base64,')).toBe(true);
  const bytes = Buffer.from(dataUri.slice('data:image/png;base64,'.length), 'base64');
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { bytes, width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const months = ['Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb'];

describe('chart SVG', () => {
  it('bar chart SVG carries every label and the money-formatted values', () => {
    const svg = renderSvg(
      barOption({
        title: 'Top merchants',
        labels: ['Whole Foods', 'Blue Bottle', 'Trader Joe'],
        values: [380.12, 96.4, 150],
        currency: 'USD',
      }),
    );
    for (const t of ['Top merchants', 'Whole Foods', 'Blue Bottle', 'Trader Joe', '$380', '$96.40', '$150'])
      expect(svg).toContain(t);
  });

  it('horizontal bars list the first label at the top', () => {
    const svg = renderSvg(
      barOption({
        labels: ['First', 'Second', 'Third'],
        values: [3, 2, 1],
        currency: 'USD',
        horizontal: true,
      }),
    );
    const y = (label: string) =>
      Number(new RegExp(`translate\\([\\d.]+ ([\\d.]+)\\)[^>]*>${label}<`).exec(svg)?.[1]);
    expect(y('First')).toBeLessThan(y('Second'));
    expect(y('Second')).toBeLessThan(y('Third'));
  });

  it('line chart SVG carries month labels and a legend only for several series', () => {
    const one = renderSvg(
      lineOption({
        labels: months,
        series: [{ name: 'Dining', values: months.map((_, i) => 400 + i * 10) }],
        currency: 'USD',
      }),
    );
    // Twelve months do not fit a phone-width axis at a readable size: every other one is drawn, the first always.
    const shown = months.filter((m) => one.includes(`>${m}<`));
    expect(shown[0]).toBe(months[0]);
    expect(shown.length).toBeGreaterThanOrEqual(6);
    expect(one).not.toContain('>Dining<');
    const two = renderSvg(
      lineOption({
        labels: months,
        series: [
          { name: 'This year', values: months.map(() => 1) },
          { name: 'Last year', values: months.map(() => 2) },
        ],
        currency: 'USD',
      }),
    );
    expect(two).toContain('>This year<');
    expect(two).toContain('>Last year<');
  });

  it('donut chart SVG labels each slice with its share and shows the centre text', () => {
    const svg = renderSvg(
      donutOption({
        labels: ['Housing', 'Groceries'],
        values: [300, 100],
        currency: 'USD',
        centerText: '$400',
      }),
    );
    expect(svg).toContain('Housing');
    expect(svg).toContain('75%');
    expect(svg).toContain('25%');
    expect(svg).toContain('$400');
  });

  it('rejects labels and values of different lengths', () => {
    expect(() => barOption({ labels: ['a', 'b'], values: [1], currency: 'USD' })).toThrow(RangeError);
  });

  it('formats axis and bar labels compactly', () => {
    expect(compactMoney(1500, 'USD')).toBe('$1.5K');
    expect(compactMoney(500, 'USD')).toBe('$500');
    expect(labelMoney(2950, 'USD')).toBe('$2,950');
    expect(labelMoney(96.4, 'USD')).toBe('$96.40');
    expect(shortenLabel('OAKWOOD APARTMENTS PROPERTY MANAGEMENT')).toBe('OAKWOOD APARTMENTS PR…');
  });
});

describe('chart PNG', () => {
  it('renders bar, line and donut charts as PNGs at twice the layout size, and prints timings', async () => {
    const bar = () =>
      renderBarChart({
        title: 'Top merchants',
        labels: ['Whole Foods', 'Blue Bottle', 'Trader Joe', 'Amazon', 'Target'],
        values: [380, 96.4, 150, 412, 88],
        currency: 'USD',
        horizontal: true,
      });
    const line = () =>
      renderLineChart({
        title: 'Dining per month',
        labels: months,
        series: [{ name: 'Dining', values: months.map((_, i) => 380 + ((i * 37) % 120)) }],
        currency: 'USD',
      });
    const donut = () =>
      renderDonutChart({
        title: 'Where it went',
        labels: ['Housing', 'Groceries', 'Dining', 'Other'],
        values: [2950, 620, 480, 300],
        currency: 'USD',
        centerText: '$4,350',
      });
    const timings: string[] = [];
    for (const [name, draw] of [
      ['bar', bar],
      ['line', line],
      ['donut', donut],
    ] as const) {
      const cold = performance.now();
      decodePng(await draw());
      const coldMs = performance.now() - cold;
      const warm = performance.now();
      const uri = await draw();
      const warmMs = performance.now() - warm;
      const png = decodePng(uri);
      const size = chartSize(
        name,
        name === 'bar'
          ? { title: 'x', labels: ['1', '2', '3', '4', '5'], horizontal: true }
          : { title: 'x', labels: [] },
      );
      expect(png.width).toBe(size.width * 2);
      expect(png.height).toBe(size.height * 2);
      // A blank canvas compresses to a few kB; axes, bars and text make it far larger.
      expect(png.bytes.length).toBeGreaterThan(12_000);
      timings.push(
        `${name}: cold ${coldMs.toFixed(1)} ms, warm ${warmMs.toFixed(1)} ms, ${png.bytes.length} bytes`,
      );
    }
    console.log(`chart render times\n  ${timings.join('\n  ')}`);
  });

  it('draws the text: the same chart without labels is a clearly smaller PNG', async () => {
    const withText = decodePng(
      await renderBarChart({
        title: 'A long title with many glyphs in it',
        labels: ['Whole Foods Market', 'Blue Bottle Coffee'],
        values: [380, 96],
        currency: 'USD',
      }),
    );
    const bare = decodePng(await renderBarChart({ labels: ['', ''], values: [380, 96], currency: 'USD' }));
    expect(withText.bytes.length).toBeGreaterThan(bare.bytes.length + 3_000);
  });

  it('honours a custom size', async () => {
    const png = decodePng(
      await renderBarChart({ labels: ['a'], values: [1], currency: 'USD', width: 300, height: 200 }),
    );
    expect([png.width, png.height]).toEqual([600, 400]);
  });
});
