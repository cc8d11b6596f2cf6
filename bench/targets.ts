/** The performance targets, checked against this run's figures. */
import type { ServerResult } from './bot.ts';
import type { ChartResult } from './charts.ts';
import type { ImportResult } from './import.ts';
import type { QuestionResult } from './questions.ts';
import type { StartupResult } from './startup.ts';
import type { UnderstandingResult } from './understanding.ts';
import { int, us, type Verdict } from './report.ts';

export const TARGETS = {
  importRowsPerSecond: 100_000,
  importVsFloor: 1,
  importRssMb: 300,
  startupMs: 1500,
  chartInTurnMs: 1,
  aggregateP99Ms: 1,
  aggregateVsFloor: 3,
  understandingP99Ms: 1,
  historyP99Ms: 5,
  throughputVsEcho: 0.6,
  p99VsEcho: 2,
  serverRssMb: 300,
};

/** One PASS/MISS line per target; a benchmark that did not run yields no line for it. */
export function verdicts(
  imported: ImportResult | undefined,
  questions: readonly QuestionResult[],
  servers: readonly ServerResult[],
  startup?: StartupResult,
  charts?: ChartResult,
  understanding?: UnderstandingResult,
): Verdict[] {
  const out: Verdict[] = [];
  if (understanding) {
    out.push({
      benchmark: 'understanding + query, a text answer',
      target: `p99 ≤ ${TARGETS.understandingP99Ms} ms`,
      measured: `${us(understanding.all.p99)} (p50 ${us(understanding.all.p50)}; bare SQL total p99 ${us(understanding.floor.p99)})`,
      pass: understanding.all.p99 <= TARGETS.understandingP99Ms,
    });
  }
  if (startup) {
    out.push({
      benchmark: 'start-up to first answer (npm start)',
      target: `≤ ${int(TARGETS.startupMs)} ms`,
      measured: `${int(startup.compiledMedianMs)} ms (median of ${startup.compiledMs.length}; ${int(startup.compiledCpuMedianMs ?? 0)} ms of CPU)`,
      pass: startup.compiledMedianMs <= TARGETS.startupMs,
    });
  }
  if (charts) {
    out.push({
      benchmark: 'chart inside a turn (nothing drawn)',
      target: `p50 ≤ ${TARGETS.chartInTurnMs} ms`,
      measured: `${us(charts.issue.p50)} (drawing: ${us(charts.renderBar.p50)} in the pool)`,
      pass: charts.issue.p50 <= TARGETS.chartInTurnMs,
    });
  }
  if (imported) {
    // 100k rows/s, or the floor itself where this machine's floor is lower than that.
    const needed = Math.min(TARGETS.importRowsPerSecond, TARGETS.importVsFloor * imported.floor);
    out.push({
      benchmark: 'import, end to end',
      target: `≥ ${int(TARGETS.importRowsPerSecond)} rows/s, or ≥ ${TARGETS.importVsFloor.toFixed(1)}× floor if lower`,
      measured: `${int(imported.endToEnd)} rows/s, ${(imported.endToEnd / imported.floor).toFixed(2)}× floor (${int(imported.floor)})`,
      pass: imported.endToEnd >= needed,
    });
    out.push({
      benchmark: 'import peak RSS',
      target: `≤ ${TARGETS.importRssMb} MB`,
      measured: `${imported.peakRssMb.toFixed(0)} MB`,
      pass: imported.peakRssMb <= TARGETS.importRssMb,
    });
  }
  for (const q of questions) {
    if (q.kind === 'aggregate') {
      const vsFloor = q.store.p99 / q.floor.p99;
      out.push({
        benchmark: q.name,
        target: `p99 ≤ ${TARGETS.aggregateP99Ms} ms and ≤ ${TARGETS.aggregateVsFloor}× floor`,
        measured: `${us(q.store.p99)}, ${vsFloor.toFixed(2)}×`,
        pass:
          q.store.p99 <= TARGETS.aggregateP99Ms && vsFloor <= TARGETS.aggregateVsFloor && q.mismatches === 0,
      });
    } else {
      out.push({
        benchmark: q.name,
        target: `p99 ≤ ${TARGETS.historyP99Ms} ms`,
        measured: us(q.store.p99),
        pass: q.store.p99 <= TARGETS.historyP99Ms,
      });
    }
  }
  const echo = servers.find((s) => s.name === 'echo');
  const tally = servers.find((s) => s.name === 'tally');
  if (echo && tally) {
    for (const r of tally.runs) {
      const base = echo.runs.find((e) => e.connections === r.connections);
      if (!base) continue;
      const share = r.requestsPerSecond / base.requestsPerSecond;
      out.push({
        benchmark: `bot turns, ${r.connections} connections`,
        target: `≥ ${TARGETS.throughputVsEcho * 100}% of echo req/s, no failures`,
        measured: `${int(r.requestsPerSecond)} vs ${int(base.requestsPerSecond)} (${Math.round(share * 100)}%), ${r.failures} failed`,
        pass: share >= TARGETS.throughputVsEcho && r.failures === 0,
      });
      out.push({
        benchmark: `bot p99, ${r.connections} connections`,
        target: `≤ ${TARGETS.p99VsEcho}× echo p99`,
        measured: `${r.p99} ms vs ${base.p99} ms (${(r.p99 / base.p99).toFixed(2)}×)`,
        pass: r.p99 <= TARGETS.p99VsEcho * base.p99,
      });
    }
  }
  if (tally) {
    out.push({
      benchmark: 'server peak RSS under load',
      target: `≤ ${TARGETS.serverRssMb} MB`,
      measured: `${tally.peakRssMb.toFixed(0)} MB (echo ${echo ? echo.peakRssMb.toFixed(0) : '?'} MB)`,
      pass: tally.peakRssMb <= TARGETS.serverRssMb,
    });
  }
  return out;
}
