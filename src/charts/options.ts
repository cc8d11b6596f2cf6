/**
 * ECharts option objects for the three chart kinds. Pure: data in, option out, so the look of a chart
 * can be tested without rendering it.
 *
 * Sized for phones: a card shows the image at the width of the chat, 320 px on a small phone. The layout
 * is 400 units wide, so text drawn at 14 units is 14 × 320 / 400 ≈ 11.2 px there and never smaller.
 */
import { CHART_FONT_FAMILY } from './fonts.ts';

export interface BarChartInput {
  title?: string;
  labels: string[];
  /** Major units (dollars, not cents): display only, never summed or compared. */
  values: number[];
  currency: string;
  /** Bars grow to the right with labels on the left: best for merchant or category names. */
  horizontal?: boolean;
  width?: number;
  height?: number;
}

export interface LineSeries {
  name: string;
  /** Major units, one per label; `null` leaves a gap (a month with no data). */
  values: (number | null)[];
}

export interface LineChartInput {
  title?: string;
  /** Usually month names, oldest first. */
  labels: string[];
  series: LineSeries[];
  currency: string;
  width?: number;
  height?: number;
}

export interface DonutChartInput {
  title?: string;
  labels: string[];
  /** Major units; shares are computed by the chart. */
  values: number[];
  currency: string;
  /** Short text in the hole, e.g. the total. */
  centerText?: string;
  width?: number;
  height?: number;
}

/** Colour-blind-friendly palette (Okabe–Ito order, blue first), then greys for the tail. */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
  '#999999',
  '#BBBBBB',
];

const TEXT = '#333333';
const SUBTLE = '#6B6B6B';
const MAX_LABEL = 22;
/** Horizontal bars share the width with their names and amounts; longer names are cut. */
const MAX_BAR_LABEL = 16;

/** Layout width of every chart; heights below. */
export const CHART_WIDTH = 400;
/** The narrowest screen a chart must stay readable on, in CSS px, and the smallest text allowed there. */
export const PHONE_WIDTH = 320;
export const MIN_PHONE_TEXT_PX = 11;
/** Text sizes in layout units; the smallest is the least that still reads 11 px at 320 px wide (14). */
const SMALLEST = Math.ceil((MIN_PHONE_TEXT_PX * CHART_WIDTH) / PHONE_WIDTH);
const FONT = { small: SMALLEST, title: SMALLEST + 3, centre: SMALLEST + 6 } as const;
const LINE_HEIGHT = 260;
const DONUT_HEIGHT = 300;

/** Horizontal bars get a row each, so ten merchants are as legible as three. */
export function barHeight(rows: number, titled: boolean, horizontal: boolean): number {
  if (!horizontal) return LINE_HEIGHT;
  return Math.min(440, Math.max(160, (titled ? 52 : 20) + 34 * rows + 12));
}

/** The layout size of a chart: the caller's, or the one for its kind. */
export function chartSize(
  kind: 'bar' | 'line' | 'donut',
  input: { width?: number; height?: number; title?: string; labels: readonly string[]; horizontal?: boolean },
): { width: number; height: number } {
  const height =
    kind === 'bar'
      ? barHeight(input.labels.length, Boolean(input.title), input.horizontal ?? false)
      : kind === 'line'
        ? LINE_HEIGHT
        : DONUT_HEIGHT;
  return { width: input.width ?? CHART_WIDTH, height: input.height ?? height };
}

/** Long merchant names would squeeze the plot; keep the start, which is the recognisable part. */
export function shortenLabel(label: string, max = MAX_LABEL): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

/** `$1.2K` style for axes, where space is short. */
export function compactMoney(value: number, currency: string): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(value);
}

/** `$1,234` or `$12.50` for labels on bars: cents only where they matter. */
export function labelMoney(value: number, currency: string): string {
  const whole = Math.abs(value) >= 100;
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(value);
}

function base(title: string | undefined): Record<string, unknown> {
  return {
    animation: false,
    backgroundColor: '#FFFFFF',
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: FONT.small, color: TEXT },
    title: title
      ? {
          text: title,
          left: 'center',
          top: 8,
          textStyle: {
            fontFamily: CHART_FONT_FAMILY,
            fontSize: FONT.title,
            fontWeight: 'normal',
            color: TEXT,
          },
        }
      : undefined,
  };
}

function checkLengths(labels: string[], values: readonly unknown[], what: string): void {
  if (labels.length !== values.length) {
    throw new RangeError(`${what}: ${labels.length} labels but ${values.length} values`);
  }
}

/** Bar chart option; horizontal bars list the largest first, top to bottom. */
export function barOption(input: BarChartInput): Record<string, unknown> {
  checkLengths(input.labels, input.values, 'bar chart');
  const { currency } = input;
  const horizontal = input.horizontal ?? false;
  // ECharts draws the first category at the bottom of a vertical axis; reverse so the list reads top-down.
  const labels = horizontal ? [...input.labels].reverse() : input.labels;
  const values = horizontal ? [...input.values].reverse() : input.values;
  const categoryAxis = {
    type: 'category',
    data: labels.map((l) => shortenLabel(l, horizontal ? MAX_BAR_LABEL : MAX_LABEL)),
    axisTick: { show: false },
    axisLine: { lineStyle: { color: '#C8C8C8' } },
    axisLabel: {
      color: TEXT,
      fontSize: FONT.small,
      interval: horizontal ? 0 : 'auto',
      hideOverlap: !horizontal,
    },
  };
  // Each horizontal bar carries its amount, so the value axis would only crowd a narrow screen.
  const valueAxis = {
    type: 'value',
    axisLabel: {
      show: !horizontal,
      color: SUBTLE,
      fontSize: FONT.small,
      hideOverlap: true,
      formatter: (v: number) => compactMoney(v, currency),
    },
    splitLine: { lineStyle: { color: '#E6E6E6' } },
  };
  return {
    ...base(input.title),
    grid: {
      left: horizontal ? 22 : 12,
      right: horizontal ? 64 : 12,
      top: input.title ? 48 : 16,
      bottom: horizontal ? 8 : 12,
      containLabel: true,
    },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: [
      {
        type: 'bar',
        data: values,
        barMaxWidth: 48,
        itemStyle: { color: PALETTE[0], borderRadius: horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0] },
        label: {
          show: true,
          position: horizontal ? 'right' : 'top',
          color: TEXT,
          fontSize: FONT.small,
          formatter: (p: { value: number }) => labelMoney(p.value, currency),
        },
      },
    ],
  };
}

/** Line chart option for month-by-month trends; a legend appears only when there is more than one line. */
export function lineOption(input: LineChartInput): Record<string, unknown> {
  for (const s of input.series) checkLengths(input.labels, s.values, `line series "${s.name}"`);
  const { currency } = input;
  const legend = input.series.length > 1;
  return {
    ...base(input.title),
    legend: legend
      ? {
          show: true,
          bottom: 4,
          itemGap: 20,
          textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: FONT.small, color: TEXT },
          data: input.series.map((s) => s.name),
        }
      : { show: false },
    grid: { left: 12, right: 20, top: input.title ? 48 : 16, bottom: legend ? 40 : 12, containLabel: true },
    xAxis: {
      type: 'category',
      data: input.labels,
      boundaryGap: false,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#C8C8C8' } },
      axisLabel: { color: TEXT, fontSize: FONT.small, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      splitNumber: 4,
      axisLabel: { color: SUBTLE, fontSize: FONT.small, formatter: (v: number) => compactMoney(v, currency) },
      splitLine: { lineStyle: { color: '#E6E6E6' } },
    },
    series: input.series.map((s, i) => ({
      type: 'line',
      name: s.name,
      data: s.values,
      connectNulls: false,
      symbol: 'circle',
      symbolSize: 6,
      lineStyle: { width: i === 0 ? 3 : 2, type: i === 0 ? 'solid' : 'dashed' },
      areaStyle: i === 0 && !legend ? { opacity: 0.08 } : undefined,
    })),
  };
}

/** Donut option: slices in the order given, each labelled with its name and share. */
export function donutOption(input: DonutChartInput): Record<string, unknown> {
  checkLengths(input.labels, input.values, 'donut chart');
  return {
    ...base(input.title),
    graphic: input.centerText
      ? [
          {
            type: 'text',
            left: 'center',
            top: input.title ? '51%' : 'middle',
            style: {
              text: input.centerText,
              fontSize: FONT.centre,
              fontFamily: CHART_FONT_FAMILY,
              fill: TEXT,
              textAlign: 'center',
            },
          },
        ]
      : undefined,
    series: [
      {
        type: 'pie',
        radius: ['36%', '58%'],
        center: ['50%', input.title ? '54%' : '50%'],
        avoidLabelOverlap: true,
        itemStyle: { borderColor: '#FFFFFF', borderWidth: 2 },
        label: {
          show: true,
          color: TEXT,
          fontSize: FONT.small,
          formatter: (p: { name: string; percent: number }) => `${p.name}\n${Math.round(p.percent)}%`,
        },
        labelLine: { length: 10, length2: 12 },
        data: input.labels.map((l, i) => ({
          name: shortenLabel(l, MAX_BAR_LABEL),
          value: Math.max(0, input.values[i] ?? 0),
        })),
      },
    ],
  };
}
