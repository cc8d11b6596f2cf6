/**
 * Prints how many of Microsoft's past-looking English date specs findPeriods resolves, and how fast.
 * Usage: npx tsx src/cli/eval-dates.ts [--failures]; SPEC_DIR reads the specs from another folder
 * (default test/fixtures/specs, attribution in test/fixtures/SOURCES.md).
 */
import { join } from 'node:path';
import { ROOT } from '../config.ts';
import { findPeriods } from '../language/periods/index.ts';
import { loadModelCases, loadParserCases, scoreSpec } from '../language/periods/spec-eval.ts';

const specDir = process.env.SPEC_DIR ?? join(ROOT, 'test', 'fixtures', 'specs');
const showFailures = process.argv.includes('--failures');

for (const [name, cases] of [
  ['DateTimeModel', loadModelCases(join(specDir, 'DateTimeModel.json'))],
  ['DatePeriodParser', loadParserCases(join(specDir, 'DatePeriodParser.json'))],
] as const) {
  const s = scoreSpec(cases);
  const pct = (n: number) => ((100 * n) / Math.max(1, s.total)).toFixed(1);
  console.log(
    `${name}: ${s.passed}/${s.total} passed (${pct(s.passed)}%), ${s.exact} exact (${pct(s.exact)}%)`,
  );
  if (showFailures) {
    for (const f of s.failures) {
      const fmt = (ps: { start: string; end: string }[]) =>
        ps.map((p) => `${p.start}..${p.end}`).join(', ') || '-';
      console.log(`  ${f.today} ${JSON.stringify(f.input)} want ${fmt(f.expected)} got ${fmt(f.got)}`);
    }
  }
}

const phrases = [
  'how much did I spend last month',
  'groceries in january vs dec',
  'coffee ytd',
  'eating out the past 30 days',
  'top 5 merchants q4 2025',
];
const rounds = 20_000;
const t0 = performance.now();
for (let i = 0; i < rounds; i++)
  findPeriods(phrases[i % phrases.length] ?? '', '2026-03-10', { fallback: false });
console.log(`rules only: ${(((performance.now() - t0) / rounds) * 1000).toFixed(1)} µs per message`);
