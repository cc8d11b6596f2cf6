/**
 * Charts as PNG images for Adaptive Cards: ECharts draws SVG in memory (no DOM, no canvas), resvg
 * rasterises it. PNG rather than SVG because Teams and most Adaptive Card hosts do not show SVG images.
 *
 * The server never calls this on its own thread: images are drawn in the render pool (pool.ts, worker.ts)
 * when a channel fetches them. The data-URI helpers serve tests and tools.
 */
import * as echarts from './echarts-lean.ts';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { chartFonts, CHART_FONT_FAMILY } from './fonts.ts';
import { barOption, CHART_WIDTH, chartSize, donutOption, lineOption } from './options.ts';
import type { BarChartInput, DonutChartInput, LineChartInput } from './options.ts';
import type { ChartSpec } from './spec.ts';

export type { BarChartInput, DonutChartInput, LineChartInput, LineSeries } from './options.ts';

/**
 * Rasterise at twice the layout size (800 px wide): phones draw a 320–400 px wide card at 2–3 device
 * pixels per CSS pixel, so this stays sharp there and on desktop hosts.
 */
const PIXEL_RATIO = 2;

/**
 * Draws an ECharts option as an SVG string. The instance is disposed even when drawing throws,
 * because SSR instances are otherwise kept alive by ECharts' instance registry.
 */
export function renderSvg(option: Record<string, unknown>, width = CHART_WIDTH, height = 260): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The SVG of a chart spec, at the layout size for its kind. */
export function chartSvg(spec: ChartSpec): string {
  switch (spec.kind) {
    case 'bar': {
      const size = chartSize('bar', spec.input);
      return renderSvg(barOption(spec.input), size.width, size.height);
    }
    case 'line': {
      const size = chartSize('line', spec.input);
      return renderSvg(lineOption(spec.input), size.width, size.height);
    }
    case 'donut': {
      const size = chartSize('donut', spec.input);
      return renderSvg(donutOption(spec.input), size.width, size.height);
    }
  }
}

function rasterOptions(pixelRatio: number): ResvgRenderOptions {
  const fonts = chartFonts();
  return {
    fitTo: { mode: 'zoom', value: pixelRatio },
    background: '#FFFFFF',
    font: {
      loadSystemFonts: fonts.scanSystem,
      fontFiles: fonts.files,
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
    },
    logLevel: 'off',
  };
}

/** Rasterises SVG to PNG bytes on resvg's own threads, with the bundled font so labels always appear. */
export async function svgToPng(svg: string, pixelRatio = PIXEL_RATIO): Promise<Buffer> {
  const image = await renderAsync(svg, rasterOptions(pixelRatio));
  return image.asPng();
}

/** The same on the calling thread: what a render worker does, since it is already off the main thread. */
export function svgToPngSync(svg: string, pixelRatio = PIXEL_RATIO): Buffer {
  return new Resvg(svg, rasterOptions(pixelRatio)).render().asPng();
}

/** A chart spec drawn to PNG bytes on the calling thread. */
export function chartPng(spec: ChartSpec): Buffer {
  return svgToPngSync(chartSvg(spec));
}

async function toDataUri(spec: ChartSpec): Promise<string> {
  const png = await svgToPng(chartSvg(spec));
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** Bar chart (spend per category or merchant) as a `data:image/png;base64,…` URI. */
export function renderBarChart(input: BarChartInput): Promise<string> {
  return toDataUri({ kind: 'bar', input });
}

/** Month-by-month trend, one line per series, as a PNG data URI. */
export function renderLineChart(input: LineChartInput): Promise<string> {
  return toDataUri({ kind: 'line', input });
}

/** Category shares as a donut, as a PNG data URI. */
export function renderDonutChart(input: DonutChartInput): Promise<string> {
  return toDataUri({ kind: 'donut', input });
}
