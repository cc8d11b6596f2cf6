/** Finds the periods of time a message talks about and resolves them against the user's today. */
import type { PeriodMatch } from '../types.ts';
import { addDays } from './dates.ts';
import { describe, sinceLabel, toDatePeriod } from './build.ts';
import type { Rule, RuleContext } from './grammar.ts';
import { normalise, originalSpan, type Normalised } from './normalise.ts';
import { recognizePeriods, warmUpRecognizer } from './recognizer.ts';
import { CALENDAR_RULES } from './rules-calendar.ts';
import { DAY_RULES } from './rules-days.ts';
import { RELATIVE_RULES } from './rules-relative.ts';

export { warmUpRecognizer };

export interface FindPeriodsOptions {
  /** 0 = weeks start on Sunday, 1 = on Monday (the default). */
  weekStartsOn?: 0 | 1;
  /** Set false to use only the fast rules (no recognizer fallback). */
  fallback?: boolean;
}

/** Earlier rules win ties of equal length. */
const RULES: Rule[] = [...RELATIVE_RULES, ...DAY_RULES, ...CALENDAR_RULES];

interface Candidate extends PeriodMatch {
  /** Span in normalised text. */
  from: number;
  to: number;
  priority: number;
}

function ruleCandidates(n: Normalised, ctx: RuleContext): Candidate[] {
  const out: Candidate[] = [];
  RULES.forEach((r, priority) => {
    r.re.lastIndex = 0;
    for (let m = r.re.exec(n.text); m; m = r.re.exec(n.text)) {
      if (m[0].length === 0) {
        r.re.lastIndex++;
        continue;
      }
      const period = r.resolve(m, ctx);
      if (period) out.push({ period, from: m.index, to: m.index + m[0].length, priority, index: 0, length: 0 });
    }
  });
  return out;
}

/** Longest first, then earliest, then rule order; keep those that do not overlap a kept one. */
function pickNonOverlapping(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from || a.priority - b.priority);
  const kept: Candidate[] = [];
  for (const c of sorted) if (!kept.some((k) => c.from < k.to && k.from < c.to)) kept.push(c);
  return kept.sort((a, b) => a.from - b.from);
}

const SINCE_BEFORE = /(?:since|from|between|starting(?:\s+from)?|after)\s+$/;
const UNTIL_NOW_AFTER = /^\s*(?:(?:to|until|through|and|-)\s+(?:today|now|date|current\s+date|the\s+present)|so\s+far|to\s+date|onwards?)\b/;
const SO_FAR_BEFORE = /so\s+far\s+(?:(?:in|for|during)\s+)?$/;

/** "since March", "from last friday until now", "2026 so far": the found period becomes start-to-today. */
function applyToDate(c: Candidate, n: Normalised, ctx: RuleContext): Candidate {
  if (c.period.end === addDays(ctx.today, 1) && c.period.grain === 'custom') return c;
  const before = n.text.slice(Math.max(0, c.from - 24), c.from);
  const after = n.text.slice(c.to, c.to + 24);
  const since = SINCE_BEFORE.exec(before);
  const soFarBefore = SO_FAR_BEFORE.exec(before);
  const untilNow = UNTIL_NOW_AFTER.exec(after);
  const leading = since ?? soFarBefore;
  const isSince = Boolean(since) && (since?.[0].startsWith('since') || Boolean(untilNow));
  if (!isSince && !soFarBefore && !untilNow) return c;
  if (c.period.start > ctx.today) return c;
  const from = leading && (isSince || soFarBefore) ? c.from - leading[0].length : c.from;
  const to = untilNow ? c.to + untilNow[0].length : c.to;
  const label = sinceLabel(c.period.start, ctx);
  return { ...c, from, to, period: toDatePeriod(c.period.start, ctx, label) };
}

const JOIN_BETWEEN = /^\s*(?:-|~|to|through|until|and)\s*$/;
const RANGE_OPENER = /(?:from|between)\s+$/;

/** "between 2015 and Feb 2018": two neighbouring periods joined by a range word become one run of days. */
function joinRanges(kept: Candidate[], n: Normalised): Candidate[] {
  const out: Candidate[] = [];
  for (const c of kept) {
    const prev = out[out.length - 1];
    const gap = prev ? n.text.slice(prev.to, c.from) : '';
    const opener = prev ? RANGE_OPENER.exec(n.text.slice(0, prev.from)) : null;
    const joins = prev && JOIN_BETWEEN.test(gap) && (opener || !/and/.test(gap)) && prev.period.start < c.period.end;
    if (prev && joins && prev.period.end <= c.period.end) {
      const period = describe(prev.period.start, c.period.end);
      out[out.length - 1] = { ...prev, from: prev.from - (opener?.[0].length ?? 0), to: c.to, period };
    } else out.push(c);
  }
  return out;
}

/** Anything date-like left once the rules have taken their share: if not, the recognizer is not needed. */
const DATE_LIKE = new RegExp(
  '\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december' +
    '|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday' +
    '|days?|weeks?|weekends?|months?|years?|quarters?|fortnights?|decades?|century|ago|since|yesterday|today|tomorrow|tonight|now' +
    '|christmas|xmas|thanksgiving|easter|halloween|holidays?|seasons?|summer|winter|spring|autumn|fall|eve|morning|afternoon|evening|night|noon|midnight' +
    '|eoy|eom|otd|cy\\d\\d|fy\\d\\d)\\b|\\d',
);

/** Amounts and counts are digits that are not dates: leave them out of the check above. */
const NOT_DATE_NUMBERS = /[$£€¥]\s*[\d.,]+k?|\btop\s+\d+|\d[\d.,]*\s*(?:%|percent|dollars?|bucks|euros?|pounds?|k\b)/g;

function remainder(text: string, spans: { from: number; to: number }[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.from) + ' '.repeat(s.to - s.from) + out.slice(s.to);
  return out;
}

/**
 * Adds the recognizer's periods where the rules found nothing. Where the recognizer read a longer phrase
 * that covers rule matches ("the last week of july" over "of july"), its fuller reading wins.
 */
function mergeRecognized(found: PeriodMatch[], recognized: PeriodMatch[]): PeriodMatch[] {
  let out = [...found];
  for (const r of recognized) {
    const rEnd = r.index + r.length;
    const overlapping = out.filter((f) => r.index < f.index + f.length && f.index < rEnd);
    const covers = overlapping.every((f) => r.index <= f.index && f.index + f.length <= rEnd && f.length < r.length);
    if (overlapping.length === 0) out.push(r);
    else if (covers) out = [...out.filter((f) => !overlapping.includes(f)), r];
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * Finds the periods in a message, in the order written and never overlapping, resolved against the
 * user's local `today` (`yyyy-mm-dd`). A month or day named without a year is its most recent occurrence
 * that is not in the future; to-date periods end tomorrow so that today counts.
 * Fast rules handle the usual phrasings; Microsoft's recognizer handles the rest when something date-like remains.
 * @example findPeriods('spending last month vs dec', '2026-03-10')
 * // [{ period: { start: '2026-02-01', end: '2026-03-01', label: 'February 2026', grain: 'month' }, index: 9, length: 10 }, …]
 */
export function findPeriods(text: string, today: string, options: FindPeriodsOptions = {}): PeriodMatch[] {
  const ctx: RuleContext = { today, weekStartsOn: options.weekStartsOn ?? 1 };
  const n = normalise(text);
  const kept = joinRanges(pickNonOverlapping(ruleCandidates(n, ctx).map((c) => applyToDate(c, n, ctx))), n);
  const found: PeriodMatch[] = kept.map((c) => ({ period: c.period, ...originalSpan(n, c.from, c.to) }));

  if (options.fallback !== false && DATE_LIKE.test(remainder(n.text, kept).replace(NOT_DATE_NUMBERS, ' '))) {
    return mergeRecognized(found, recognizePeriods(text, today));
  }
  return found;
}
