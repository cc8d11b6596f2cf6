/**
 * Run in its own process by echarts-lean.test.ts: draws the chart specs given as JSON on stdin with the
 * lean ECharts build only (the full build, once loaded, registers everything in the same registry) and
 * writes their SVGs as a JSON array.
 */
import { readFileSync } from 'node:fs';
import { init } from '../../src/charts/echarts-lean.ts';
import { drawSvg } from './draw-svg.ts';
import type { ChartSpec } from '../../src/charts/spec.ts';

const specs = JSON.parse(readFileSync(0, 'utf8')) as ChartSpec[];
process.stdout.write(JSON.stringify(specs.map((spec) => drawSvg(init, spec))));
