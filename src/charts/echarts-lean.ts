/**
 * ECharts with only what Tally's charts draw: bar, line and pie series, title, grid, legend and graphic
 * components, the SVG renderer, label layout and `containLabel` grids. The full `echarts` entry evaluates
 * every series, component and renderer it ships, which costs a render thread about 45 MB more resident
 * memory for modules no chart uses. A chart option naming anything else needs it registered here
 * (test/charts/echarts-lean.test.ts draws every kind both ways and compares).
 */
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { LabelLayout, LegacyGridContainLabel } from 'echarts/features';
// Each of these registers itself with the same `echarts/core` when evaluated.
import 'echarts/lib/chart/bar';
import 'echarts/lib/chart/line';
import 'echarts/lib/chart/pie';
import 'echarts/lib/component/title';
import 'echarts/lib/component/grid';
import 'echarts/lib/component/legend';
import 'echarts/lib/component/graphic';

use([SVGRenderer, LabelLayout, LegacyGridContainLabel]);

export { init };
