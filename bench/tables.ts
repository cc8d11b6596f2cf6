/** The tables of the start-up, chart, bot-turn and import benchmarks. */
import type { ServerResult } from './bot.ts';
import type { ChartResult } from './charts.ts';
import type { ImportResult } from './import.ts';
import { int, latency, printTable, ratio, us } from './report.ts';
import { startArgs, type StartupResult } from './startup.ts';
import type { UnderstandingResult } from './understanding.ts';

export function printStartup(r: StartupResult): void {
  printTable('Start-up (spawn → first answered question, on the question database)', [
    ['how', 'ms', 'runs', 'CPU ms (user + system)'],
    [
      `node ${startArgs().join(' ')} (npm start)`,
      int(r.compiledMedianMs),
      r.compiledMs.map((ms) => int(ms)).join(', '),
      r.compiledCpuMs.map((ms) => int(ms)).join(', '),
    ],
    ['node --import tsx src/index.ts (npm run dev)', int(r.sourceMs), '1', ''],
  ]);
  console.log(
    `npm run build took ${r.buildSeconds.toFixed(1)} s; the compiled server held ${r.compiledRssMb.toFixed(0)} MB after its first answer`,
  );
}

export function printCharts(r: ChartResult): void {
  printTable('Chart images (a turn issues the URL; the render pool draws when the channel fetches)', [
    ['step', 'p50', 'p99', 'samples'],
    ['in the turn: URL issued, spec stored', us(r.issue.p50), us(r.issue.p99), String(r.issue.samples)],
    [
      'bar chart drawn, in the render thread',
      us(r.renderBar.p50),
      us(r.renderBar.p99),
      String(r.renderBar.samples),
    ],
    [
      'line chart drawn, in the render thread',
      us(r.renderLine.p50),
      us(r.renderLine.p99),
      String(r.renderLine.samples),
    ],
    ['GET of a bar chart, first time', us(r.fetchBar.p50), us(r.fetchBar.p99), String(r.fetchBar.samples)],
    [
      'GET of a chart already drawn (cache)',
      us(r.cachedHit.p50),
      us(r.cachedHit.p99),
      String(r.cachedHit.samples),
    ],
  ]);
  console.log(
    `first image ${int(r.coldMs)} ms (a render thread starting); a bar chart PNG is ${int(r.pngBytes)} bytes`,
  );
}

export function printImport(r: ImportResult): void {
  printTable(`Import: ${int(r.rows)} rows, ${r.fileMb.toFixed(0)} MB Chase CSV`, [
    ['measure', 'rows/s', 'vs floor'],
    ['npm run import (end to end)', int(r.endToEnd), ratio(r.endToEnd, r.floor)],
    ['floor: bare prepared insert, 1 txn', int(r.floor), '1.00×'],
    ['reading the file alone (openStatementFile, in-process)', int(r.parseOnly), ratio(r.parseOnly, r.floor)],
  ]);
  console.log(
    `import took ${r.endToEndSeconds.toFixed(1)} s, stored ${int(r.rowsStored)} rows, peak RSS ${r.peakRssMb.toFixed(0)} MB`,
  );
}

export function printUnderstanding(r: UnderstandingResult): void {
  printTable('A question as text: understanding + default period + executing the Query (random users)', [
    ['step', 'p50', 'p99', 'floor p50', 'floor p99', 'p99 ratio', 'samples'],
    [
      'understanding + query',
      us(r.all.p50),
      us(r.all.p99),
      us(r.floor.p50),
      us(r.floor.p99),
      ratio(r.all.p99, r.floor.p99),
      String(r.all.samples),
    ],
    [
      'understanding alone',
      us(r.understand.p50),
      us(r.understand.p99),
      '',
      '',
      '',
      String(r.understand.samples),
    ],
    ...r.perQuestion.map((q) => [`  "${q.question}"`, us(q.p50), us(q.p99), '', '', '', '']),
  ]);
  console.log(
    `floor = one bare indexed SQL total (a user's spending in a month) on better-sqlite3; ${r.notUnderstood} samples left words unplaced`,
  );
}

export function printBot(servers: readonly ServerResult[]): void {
  const echo = servers.find((s) => s.name === 'echo');
  printTable('Bot turns (autocannon, expectReplies, random users and questions)', [
    [
      'server',
      'conns',
      'req/s',
      'p50 ms',
      'p99 ms',
      'req/s vs echo',
      'p99 vs echo',
      'requests',
      'failed (non-2xx/errors/of which timeouts)',
      'server CPU ms/request',
    ],
    ...servers.flatMap((s) =>
      s.runs.map((r) => {
        const base = echo?.runs.find((e) => e.connections === r.connections);
        return [
          s.name,
          String(r.connections),
          int(r.requestsPerSecond),
          String(r.p50),
          String(r.p99),
          base ? ratio(r.requestsPerSecond, base.requestsPerSecond) : '',
          base ? ratio(r.p99, base.p99) : '',
          int(r.requests),
          `${r.failures} (${r.non2xx}/${r.errors}/${r.timeouts})`,
          r.cpuMsPerRequest.toFixed(2),
        ];
      }),
    ),
  ]);
  const tally = servers.find((s) => s.name === 'tally');
  if (tally && echo) {
    const echoP50 = echo.probes.length ? latency(echo.probes.map((p) => p.p50Ms)).p50 : 0;
    printTable(
      `Each question alone (one connection, serial; echo bot answers any text in ${echoP50.toFixed(1)} ms)`,
      [
        ['question', 'p50 ms', 'response bytes'],
        ...tally.probes.map((p) => [p.text, p.p50Ms.toFixed(1), int(p.responseBytes)]),
      ],
    );
  }
  printTable('Memory and start-up', [
    ['server', 'peak RSS MB', 'spawn → first answer ms'],
    ...servers.map((s) => [s.name, s.peakRssMb.toFixed(0), int(s.startupMs)]),
  ]);
}
