/** The PostgreSQL tables, each figure beside the SQLite one and the echo floor of the same run. */
import type { ServerResult } from './bot.ts';
import type { PostgresResult } from './postgres.ts';
import type { QuestionResult } from './questions.ts';
import { int, printTable, ratio, us } from './report.ts';

export function printPostgres(
  r: PostgresResult,
  sqlite: readonly QuestionResult[],
  servers: readonly ServerResult[],
): void {
  console.log(
    `PostgreSQL ${r.version} (embedded, fsync off), ${int(r.load.rows)} rows loaded in ${r.load.seconds.toFixed(1)} s; ` +
      `one round trip (SELECT 1) p50 ${us(r.roundTrip.p50)}, p99 ${us(r.roundTrip.p99)}; pool ${r.poolSize} per instance`,
  );
  printTable('Questions, SQLite vs PostgreSQL (same data, same random users and periods)', [
    [
      'insight',
      'SQLite p50',
      'SQLite p99',
      'PG p50',
      'PG p99',
      'p50 ratio',
      'p99 ratio',
      'samples',
      'mismatches',
    ],
    ...r.questions.map((q) => {
      const base = sqlite.find((s) => s.name === q.name);
      return [
        q.name,
        base ? us(base.store.p50) : '',
        base ? us(base.store.p99) : '',
        us(q.store.p50),
        us(q.store.p99),
        base ? ratio(q.store.p50, base.store.p50) : '',
        base ? ratio(q.store.p99, base.store.p99) : '',
        String(q.store.samples),
        String(q.mismatches),
      ];
    }),
  ]);
  console.log('mismatches: PostgreSQL answers that differ from raw SQL on the SQLite file');

  const echo = servers.find((s) => s.name === 'echo');
  const sqliteBot = servers.find((s) => s.name === 'tally');
  const rows = [...(sqliteBot ? [sqliteBot] : []), ...r.bot];
  printTable('Bot turns, SQLite vs PostgreSQL (autocannon, expectReplies, random users and questions)', [
    [
      'server',
      'conns',
      'req/s',
      'p50 ms',
      'p99 ms',
      'req/s vs SQLite',
      'req/s vs echo',
      'p99 vs echo',
      'failed',
      'Tally CPU ms/req',
      'PG CPU ms/req',
      'DB tx/turn',
    ],
    ...rows.flatMap((s) =>
      s.runs.map((run) => {
        const base = sqliteBot?.runs.find((e) => e.connections === run.connections);
        const floor = echo?.runs.find((e) => e.connections === run.connections);
        return [
          s.name,
          String(run.connections),
          int(run.requestsPerSecond),
          String(run.p50),
          String(run.p99),
          base ? ratio(run.requestsPerSecond, base.requestsPerSecond) : '',
          floor ? ratio(run.requestsPerSecond, floor.requestsPerSecond) : '',
          floor ? ratio(run.p99, floor.p99) : '',
          String(run.failures),
          run.cpuMsPerRequest.toFixed(2),
          run.perRequest ? (run.perRequest.postgresCpuMs ?? 0).toFixed(2) : '',
          run.perRequest ? (run.perRequest.transactions ?? 0).toFixed(1) : '',
        ];
      }),
    ),
    ...(echo
      ? echo.runs.map((e) => [
          'echo',
          String(e.connections),
          int(e.requestsPerSecond),
          String(e.p50),
          String(e.p99),
          '',
          '',
          '',
          String(e.failures),
          e.cpuMsPerRequest.toFixed(2),
          '',
          '',
        ])
      : []),
  ]);
  console.log(
    'Tally CPU: every instance together; the proxy runs in the load generator, uncounted. ' +
      'DB tx/turn: transactions PostgreSQL committed per request (each at least one round trip).',
  );

  const direct = r.bot.find((s) => !s.viaProxy);
  if (sqliteBot && direct)
    printTable('Each question alone (one connection, serial), SQLite vs PostgreSQL', [
      ['question', 'SQLite p50 ms', 'PG p50 ms', 'PG − SQLite ms'],
      ...direct.probes.map((p) => {
        const base = sqliteBot.probes.find((b) => b.text === p.text);
        return [
          p.text,
          base ? base.p50Ms.toFixed(1) : '',
          p.p50Ms.toFixed(1),
          base ? (p.p50Ms - base.p50Ms).toFixed(1) : '',
        ];
      }),
    ]);
  printTable('Memory and start-up on PostgreSQL', [
    ['server', 'peak RSS MB (largest instance)', 'start → answering ms'],
    ...r.bot.map((s) => [s.name, s.peakRssMb.toFixed(0), int(s.startupMs)]),
  ]);
}
