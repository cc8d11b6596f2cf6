import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const out = mkdtempSync(join(tmpdir(), 'tally-bench-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Latest {
  mode: string;
  machine: { nproc: number; cpu: string; node: string };
  database: { transactions: number; users: number };
  import: { endToEnd: number; floor: number; parseOnly: number; rowsStored: number; rows: number };
  questions: {
    name: string;
    kind: string;
    store: { p50: number; p99: number };
    floor: { p50: number; p99: number };
    mismatches: number;
  }[];
  bot: {
    name: string;
    startupMs: number;
    peakRssMb: number;
    runs: { connections: number; requestsPerSecond: number; p50: number; p99: number; failures: number }[];
  }[];
  understanding: { all: { p50: number; p99: number }; floor: { p50: number }; notUnderstood: number };
  scaling: {
    users: number;
    transactions: number;
    questions: { name: string }[];
    bot?: { requestsPerSecond: number };
    import?: { rowsPerSecond: number; rowsStored: number };
    importRows: number;
  }[];
  verdicts: { benchmark: string; pass: boolean }[];
  errors: string[];
}

describe('npm run bench -- --quick', () => {
  it('runs every benchmark end to end and writes positive figures to latest.json', () => {
    const run = spawnSync('npx', ['tsx', 'bench/run.ts', '--quick', '--out', out], {
      encoding: 'utf8',
      timeout: 230_000,
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const latest = JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8')) as Latest;
    expect(latest.mode).toBe('quick');
    expect(latest.errors).toEqual([]);
    expect(latest.machine.nproc).toBeGreaterThan(0);
    expect(latest.database.transactions).toBeGreaterThan(1000);

    expect(latest.import.rowsStored).toBe(latest.import.rows);
    for (const figure of [latest.import.endToEnd, latest.import.floor, latest.import.parseOnly])
      expect(figure).toBeGreaterThan(0);

    expect(latest.questions.map((q) => q.name)).toEqual([
      'month total by category',
      'merchant total, 90 days',
      'top 5 merchants, a year',
      '12-month trend',
      'unusual charges, 13 months',
      'recurring payments, 13 months',
    ]);
    for (const q of latest.questions) {
      expect(q.store.p50).toBeGreaterThan(0);
      expect(q.floor.p50).toBeGreaterThan(0);
      expect(q.mismatches, q.name).toBe(0);
    }

    expect(latest.bot.map((s) => s.name)).toEqual(['echo', 'tally']);
    for (const server of latest.bot) {
      expect(server.startupMs).toBeGreaterThan(0);
      expect(server.peakRssMb).toBeGreaterThan(0);
      expect(server.runs.map((r) => r.connections)).toEqual([10, 50]);
      for (const r of server.runs) {
        expect(r.requestsPerSecond).toBeGreaterThan(0);
        expect(r.p99).toBeGreaterThan(0);
        expect(r.failures, `${server.name} at ${r.connections} connections`).toBe(0);
      }
    }
    expect(latest.understanding.all.p50).toBeGreaterThan(0);
    expect(latest.understanding.floor.p50).toBeGreaterThan(0);
    expect(latest.understanding.notUnderstood).toBe(0);
    expect(latest.verdicts.map((v) => v.benchmark)).toContain('understanding + query, a text answer');
    // Scaling: a smaller and a larger database around the main one, each measured the same way.
    expect(latest.scaling.map((p) => p.users)).toEqual([5, 20, 60]);
    const rows = latest.scaling.map((p) => p.transactions);
    expect(rows[0]).toBeLessThan(rows[1] as number);
    expect(rows[1]).toBeLessThan(rows[2] as number);
    for (const point of latest.scaling) {
      expect(point.questions).toHaveLength(6);
      expect(point.bot?.requestsPerSecond).toBeGreaterThan(0);
      expect(point.import?.rowsStored).toBe(point.importRows);
    }
    expect(latest.verdicts.length).toBeGreaterThanOrEqual(12);
  }, 240_000);
});
