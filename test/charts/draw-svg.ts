import { barOption, chartSize, donutOption, lineOption } from '../../src/charts/options.ts';
import type { ChartSpec } from '../../src/charts/spec.ts';

type Init = (
  dom: null,
  theme: null,
  opts: { renderer: 'svg'; ssr: true; width: number; height: number },
) => { setOption(option: object): void; renderToSVGString(): string; dispose(): void };

/** A spec drawn to SVG by the given ECharts `init`, as render.ts draws it. */
export function drawSvg(init: Init, spec: ChartSpec): string {
  const option =
    spec.kind === 'bar'
      ? barOption(spec.input)
      : spec.kind === 'line'
        ? lineOption(spec.input)
        : donutOption(spec.input);
  const { width, height } = chartSize(spec.kind, spec.input);
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
