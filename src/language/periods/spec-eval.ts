/**
 * Scores findPeriods against Microsoft Recognizers-Text English date specs (DateTimeModel.json,
 * DatePeriodParser.json, kept in test/fixtures/specs; MIT, microsoft/Recognizers-Text). Only cases that resolve
 * to past dates or date ranges are kept: a spending assistant never asks about the future, times, durations or sets.
 * "Past-looking" means every result is a day or a range of days that has begun by the reference day; a range
 * that begins today and runs on ("within 5 days", "later this week") is kept, and scored like any other.
 */
import { readFileSync } from 'node:fs';
import { addDays, addMonths } from './dates.ts';
import { findPeriods } from './index.ts';

/** One expected period, half-open. */
export interface SpecPeriod {
  start: string;
  end: string;
}

export interface SpecCase {
  input: string;
  today: string;
  expected: SpecPeriod[];
}

export interface SpecScore {
  total: number;
  /** Same periods as the spec, day for day. */
  exact: number;
  /** Same, or different only by the documented conventions (inclusive range ends, rolling windows ending today). */
  passed: number;
  failures: { input: string; today: string; expected: SpecPeriod[]; got: SpecPeriod[] }[];
}

interface ModelValue {
  type?: string;
  value?: string;
  start?: string;
  end?: string;
}
interface ModelCase {
  Input: string;
  Context?: { ReferenceDateTime?: string };
  Results: { TypeName?: string; Resolution?: { values?: ModelValue[] } }[];
}
interface ParserCase {
  Input: string;
  Context?: { ReferenceDateTime?: string };
  Results: { Type?: string; Value?: { PastResolution?: { startDate?: string; endDate?: string } } }[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as T;
}

/** A DateTimeModel result's past reading, or undefined when it is not a plain past date or date range. */
function modelPeriod(r: ModelCase['Results'][number], today: string): SpecPeriod | undefined {
  const values = r.Resolution?.values ?? [];
  if (r.TypeName === 'datetimeV2.date') {
    const v = values.filter((x) => x.value && DAY.test(x.value) && x.value <= today).pop();
    return v?.value ? { start: v.value, end: addDays(v.value, 1) } : undefined;
  }
  if (r.TypeName === 'datetimeV2.daterange') {
    const v = values
      .filter((x) => x.start && x.end && DAY.test(x.start) && DAY.test(x.end) && x.start <= today)
      .pop();
    return v?.start && v.end ? { start: v.start, end: v.end } : undefined;
  }
  return undefined;
}

/** Past-looking date and date-range cases of DateTimeModel.json. */
export function loadModelCases(path: string): SpecCase[] {
  const out: SpecCase[] = [];
  for (const c of readJson<ModelCase[]>(path)) {
    const today = c.Context?.ReferenceDateTime?.slice(0, 10);
    if (!today || c.Results.length === 0) continue;
    const expected = c.Results.map((r) => modelPeriod(r, today));
    if (expected.every((e): e is SpecPeriod => e !== undefined))
      out.push({ input: c.Input, today, expected });
  }
  return out;
}

/** Past-looking cases of DatePeriodParser.json (its PastResolution end is exclusive, like ours). */
export function loadParserCases(path: string): SpecCase[] {
  const out: SpecCase[] = [];
  for (const c of readJson<ParserCase[]>(path)) {
    const today = c.Context?.ReferenceDateTime?.slice(0, 10);
    if (!today || c.Results.length === 0) continue;
    const expected = c.Results.map((r) => {
      const p = r.Value?.PastResolution;
      if (
        r.Type !== 'daterange' ||
        !p?.startDate ||
        !p.endDate ||
        !DAY.test(p.startDate) ||
        p.startDate > today
      )
        return undefined;
      return { start: p.startDate, end: p.endDate };
    });
    if (expected.every((e): e is SpecPeriod => e !== undefined))
      out.push({ input: c.Input, today, expected });
  }
  return out;
}

function same(a: SpecPeriod, b: SpecPeriod): boolean {
  return a.start === b.start && a.end === b.end;
}

/**
 * Our conventions: a written range includes its last day, month, quarter or year ("1 to 15" ends on the 16th, the spec's on the 15th),
 * and a rolling window ("last 3 months") ends with today rather than yesterday.
 */
function equivalent(got: SpecPeriod, want: SpecPeriod): boolean {
  if (same(got, want)) return true;
  if (got.start === want.start && got.end === addDays(want.end, 1)) return true;
  // "from March to May" includes May here; the spec stops at 1 May. Likewise for quarters and years.
  if (got.start === want.start && want.end.endsWith('-01') && want.start.endsWith('-01')) {
    if (
      got.end === addMonths(want.end, 1) ||
      (/-(01|04|07|10)-01$/.test(want.end) && got.end === addMonths(want.end, 3)) ||
      (want.end.endsWith('-01-01') && got.end === addMonths(want.end, 12))
    )
      return true;
  }
  return got.start === addDays(want.start, 1) && got.end === addDays(want.end, 1);
}

/** Runs every case through findPeriods with the case's reference date as today. */
export function scoreSpec(cases: SpecCase[]): SpecScore {
  const score: SpecScore = { total: cases.length, exact: 0, passed: 0, failures: [] };
  for (const c of cases) {
    const got = findPeriods(c.input, c.today).map((m) => ({ start: m.period.start, end: m.period.end }));
    const sameCount = got.length === c.expected.length;
    if (sameCount && got.every((g, i) => same(g, c.expected[i] as SpecPeriod))) score.exact++;
    if (sameCount && got.every((g, i) => equivalent(g, c.expected[i] as SpecPeriod))) score.passed++;
    else score.failures.push({ input: c.input, today: c.today, expected: c.expected, got });
  }
  return score;
}
