/**
 * Charts as PNG data URIs for Adaptive Cards: ECharts draws SVG in memory (no DOM, no canvas), resvg
 * rasterises it. PNG rather than SVG because Teams and most Adaptive Card hosts do not show SVG images.
 */
import * as echarts from 'echarts';
import { renderAsync } from '@resvg/resvg-js';
import { chartFonts, CHART_FONT_FAMILY } from './fonts.ts';
import { barOption, donutOption, lineOption } from './options.ts';
import type { BarChartInput, DonutChartInput, LineChartInput } from './options.ts';

export type { BarChartInput, DonutChartInput, LineChartInput, LineSeries } from './options.ts';

const DEFAULT_WIDTH = 600;
const DEFAULT_HEIGHT = 360;
/**
 * Rasterise at 1.5× the layout size (900×540 by default): cards show images about 450 CSS px wide, so
 * this stays sharp on high-density screens; 2× looks the same there and costs ~40% more raster time.
 */
const PIXEL_RATIO = 1.5;

/**
 * Draws an ECharts option as an SVG string. The instance is disposed even when drawing throws,
 * because SSR instances are otherwise kept alive by ECharts' instance registry.
 */
export function renderSvg(
  option: Record<string, unknown>,
  width = DEFAULT_WIDTH,
  height = DEFAULT_HEIGHT,
): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Rasterises SVG to PNG bytes off the main thread, with the bundled font so labels always appear. */
export async function svgToPng(svg: string, pixelRatio = PIXEL_RATIO): Promise<Buffer> {
  const fonts = chartFonts();
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: pixelRatio },
    background: '#FFFFFF',
    font: {
      loadSystemFonts: fonts.scanSystem,
      fontFiles: fonts.files,
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
    },
    logLevel: 'off',
  });
  return image.asPng();
}

async function toDataUri(option: Record<string, unknown>, width?: number, height?: number): Promise<string> {
  const png = await svgToPng(renderSvg(option, width, height));
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** Bar chart (spend per category or merchant) as a `data:image/png;base64,…` URI. */
export function renderBarChart(input: BarChartInput): Promise<string> {
  return toDataUri(barOption(input), input.width, input.height);
}

/** Month-by-month trend, one line per series, as a PNG data URI. */
export function renderLineChart(input: LineChartInput): Promise<string> {
  return toDataUri(lineOption(input), input.width, input.height);
}

/** Category shares as a donut, as a PNG data URI. */
export function renderDonutChart(input: DonutChartInput): Promise<string> {
  return toDataUri(donutOption(input), input.width, input.height);
}
