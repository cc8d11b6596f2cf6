/** The performance targets, checked against this run's figures. */
import type { ServerResult } from './bot.ts';
import type { ImportResult } from './import.ts';
import type { QuestionResult } from './questions.ts';
import { int, us, type Verdict } from './report.ts';

export const TARGETS = {
  importRowsPerSecond: 100_000,
  aggregateP99Ms: 1,
  aggregateVsFloor: 3,
  historyP99Ms: 10,
  throughputVsEcho: 0.6,
  p99VsEcho: 2,
  serverRssMb: 300,
};

/** One PASS/MISS line per target; a benchmark that did not run yields no line for it. */
export function verdicts(
  imported: ImportResult | undefined,
  questions: readonly QuestionResult[],
  servers: readonly ServerResult[],
): Verdict[] {
  const out: Verdict[] = [];
  if (imported) {
    out.push({
      benchmark: 'import, end to end',
      target: `≥ ${int(TARGETS.importRowsPerSecond)} rows/s`,
      measured: `${int(imported.endToEnd)} rows/s`,
      pass: imported.endToEnd >= TARGETS.importRowsPerSecond,
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
