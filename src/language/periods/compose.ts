/**
 * Periods built from the periods the rules found and the words around them: "since March" (to date),
 * "between 2015 and Feb 2018" (one run of days), "2 weeks before May 13" (a day counted from another),
 * "for 3 days from today" (a stretch starting on a day).
 */
import type { Period } from '../types.ts';
import { addDays, addYearsTo } from './dates.ts';
import { describe, dayPeriod, customPeriod, sinceLabel, toDatePeriod } from './build.ts';
import { DURATION, parseDuration, shift } from './durations.ts';
import type { RuleContext } from './grammar.ts';
import { shortDay } from './labels.ts';
import type { Normalised } from './normalise.ts';

/** A rule's match in the normalised text, with what ranges need to know about it. */
export interface Candidate {
  period: Period;
  /** Span in normalised text. */
  from: number;
  to: number;
  priority: number;
  asStart?: string;
  asEnd?: string;
  yearless?: boolean;
}

const SINCE_BEFORE = /(?:since|from|between|starting(?:\s+from)?|after)\s+$/;
const UNTIL_NOW_AFTER =
  /^\s*(?:(?:to|until|through|and|-)\s+(?:today|now|date|current\s+date|the\s+present)|so\s+far|to\s+date|onwards?)\b/;
const SO_FAR_BEFORE = /so\s+far\s+(?:(?:in|for|during)\s+)?$/;

/** "since March", "from last friday until now", "2026 so far": the found period becomes start-to-today. */
export function applyToDate(c: Candidate, n: Normalised, ctx: RuleContext): Candidate {
  if (c.period.end === addDays(ctx.today, 1) && c.period.grain === 'custom') return c;
  const before = n.text.slice(Math.max(0, c.from - 24), c.from);
  const after = n.text.slice(c.to, c.to + 24);
  const since = SINCE_BEFORE.exec(before);
  const soFarBefore = SO_FAR_BEFORE.exec(before);
  const untilNow = UNTIL_NOW_AFTER.exec(after);
  const leading = since ?? soFarBefore;
  const isSince = Boolean(since) && (since?.[0].startsWith('since') || Boolean(untilNow));
  if (!isSince && !soFarBefore && !untilNow) return c;
  // "since the end of last month" starts where last month ends, as a range from it would.
  const start = c.asStart ?? c.period.start;
  if (start > ctx.today) return c;
  const from = leading && (isSince || soFarBefore) ? c.from - leading[0].length : c.from;
  const to = untilNow ? c.to + untilNow[0].length : c.to;
  return { ...c, from, to, period: toDatePeriod(start, ctx, sinceLabel(start, ctx)) };
}

/** The words that can link a length of time to the period after it, checked before the longer patterns. */
const LINK_BEFORE =
  /(?:before|prior\s+to|earlier\s+than|after|following|later\s+than|since|from|starting|beginning|commencing)(?:\s+(?:on|from|at))?\s+$/;
const LEADING_PREP = /^(?:from|since|after|before|on|of|in|for|during|over|within)\s+/;
const OFFSET_BEFORE = new RegExp(
  `(?:(the|in)\\s+)?(${DURATION})\\s+(before|prior\\s+to|earlier\\s+than|after|following|later\\s+than|since|from)\\s+$`,
);
const FOR_FROM_BEFORE = new RegExp(
  `for\\s+(?:the\\s+)?(?:next\\s+)?(${DURATION})\\s*,?\\s*(?:starting|beginning|commencing|from)(?:\\s+(?:on|from|at))?\\s+$`,
);

/**
 * "2 weeks before May 13 1999" is a day; "the 2 weeks before Christmas" the days up to it;
 * "for 3 days from today" and "for 2 weeks starting May 20th" the days from it.
 */
export function applyOffset(c: Candidate, n: Normalised): Candidate {
  // A rule may have taken the preposition ("from today"): read it as part of what comes before.
  const lead = LEADING_PREP.exec(n.text.slice(c.from, c.to))?.[0].length ?? 0;
  const before = n.text.slice(Math.max(0, c.from - 60), c.from + lead);
  if (!LINK_BEFORE.test(before)) return c;
  const window = FOR_FROM_BEFORE.exec(before);
  const windowLength = window && parseDuration(window[1] ?? '');
  if (window && windowLength) {
    const end = shift(c.period.start, windowLength, 1);
    const period = customPeriod(c.period.start, end, `${window[1]} from ${shortDay(c.period.start)}`);
    return { period, from: c.from + lead - window[0].length, to: c.to, priority: c.priority };
  }
  const m = OFFSET_BEFORE.exec(before);
  const d = m && parseDuration(m[2] ?? '');
  if (!m || !d) return c;
  const backwards = /before|prior|earlier/.test(m[3] ?? '');
  if (m[3] === 'from' && m.index > 0 && /\bfor\s+$/.test(before.slice(0, m.index))) return c;
  let period: Period;
  if (m[1] === 'the') {
    period = backwards
      ? customPeriod(
          shift(c.period.start, d, -1),
          c.period.start,
          `the ${m[2]} before ${shortDay(c.period.start)}`,
        )
      : customPeriod(
          c.period.end,
          shift(c.period.end, d, 1),
          `the ${m[2]} after ${shortDay(addDays(c.period.end, -1))}`,
        );
  } else {
    const day = shift(c.period.start, d, backwards ? -1 : 1);
    period = dayPeriod(
      day,
      `${m[2]} ${backwards ? 'before' : 'after'} ${shortDay(c.period.start)} (${shortDay(day)})`,
    );
  }
  return { period, from: c.from + lead - m[0].length, to: c.to, priority: c.priority };
}

const JOIN_BETWEEN = /^\s*(-|~|to|through|until|and)\s*$/;
const RANGE_OPENER = /(from|between)\s+$/;

/** Moves a period by whole years, keeping its shape. */
function byYears(c: Candidate, years: number): Candidate {
  const start = addYearsTo(c.period.start, years);
  const end = addYearsTo(c.period.end, years);
  return { ...c, period: describe(start, end), yearless: false };
}

/** A yearless end takes its year from the other end: "Nov – Feb 5th, 2017" starts in November 2016. */
function alignYears(a: Candidate, b: Candidate): [Candidate, Candidate] {
  if (a.yearless && !b.yearless && a.period.start > b.period.start) return [byYears(a, -1), b];
  if (b.yearless && !a.yearless && b.period.start < a.period.start) {
    let moved = b;
    for (let k = 0; k < 2 && moved.period.start < a.period.start; k++) moved = byYears(moved, 1);
    return [a, moved];
  }
  return [a, b];
}

/**
 * "between 2015 and Feb 2018", "from the end of March to the middle of September": two neighbouring periods
 * joined by a range word become one run of days. "And" joins only after "between".
 */
export function joinRanges(kept: Candidate[], n: Normalised): Candidate[] {
  const out: Candidate[] = [];
  for (const c of kept) {
    const prev = out[out.length - 1];
    const gap = prev ? JOIN_BETWEEN.exec(n.text.slice(prev.to, c.from)) : null;
    const opener = prev ? RANGE_OPENER.exec(n.text.slice(Math.max(0, prev.from - 10), prev.from)) : null;
    if (!prev || !gap || (gap[1] === 'and' && opener?.[1] !== 'between')) {
      out.push(c);
      continue;
    }
    const [a, b] = alignYears(prev, c);
    const start = a.asStart ?? a.period.start;
    const end = b.asEnd ?? b.period.end;
    if (start < end && a.period.start <= b.period.start) {
      out[out.length - 1] = {
        ...a,
        from: a.from - (opener?.[0].length ?? 0),
        to: c.to,
        period: describe(start, end),
      };
    } else out.push(c);
  }
  return out;
}

const AS_OF = /^as\s+(?:of|at)\s/;

/**
 * "so far this year as of the end of last month": a to-date period beside an "as of" point ends at that point
 * (1 January to 28 February), instead of being read as two periods to compare.
 */
export function endAtAsOf(kept: Candidate[], n: Normalised, ctx: RuleContext): Candidate[] {
  const tomorrow = addDays(ctx.today, 1);
  const out: Candidate[] = [];
  for (const c of kept) {
    const prev = out[out.length - 1];
    const [toDate, point] = AS_OF.test(n.text.slice(c.from, c.to)) ? [prev, c] : [c, prev];
    const beside = prev && /^[\s,]*$/.test(n.text.slice(prev.to, c.from));
    if (
      prev &&
      toDate &&
      point &&
      beside &&
      toDate.period.end === tomorrow &&
      AS_OF.test(n.text.slice(point.from, point.to)) &&
      toDate.period.start < point.period.end
    ) {
      out[out.length - 1] = {
        ...toDate,
        from: prev.from,
        to: c.to,
        period: describe(toDate.period.start, point.period.end),
      };
    } else out.push(c);
  }
  return out;
}
