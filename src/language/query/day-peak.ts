/**
 * Single-day peaks: "the most I spent in a single day in March", "my biggest day last month", "the day I spent
 * the most". The day is a step of a series ranked to its top one, never a period of its own: "a single day"
 * and "the day" are not the day of the question.
 */
import type { Period } from '../../insights/query.ts';
import { allMatches } from '../matches.ts';
import type { Reading } from './reading.ts';

/** Words that say one day is being looked for among many. */
const ONE_DAY =
  /\b(?:in|on|over|during) (?:a|one) (?:single )?day\b|\bin (?:a|one) day\b|\bthe (?:one )?day (?:i|we|when|that|on which)\b|\b(?:which|what) (?:single )?day\b(?! of (?:the )?(?:week|month))|\b(?:biggest|largest|highest|most expensive|priciest|costliest|heaviest|worst|busiest|smallest|lowest|cheapest|quietest) (?:single )?(?:spending |spend )?days?\b|\bsingle day\b/g;
const MOST = /\b(?:most|biggest|largest|highest|most expensive|priciest|costliest|heaviest|worst|busiest)\b/;
const LEAST = /\b(?:least|smallest|lowest|cheapest|quietest)\b/;

/** "the month I spent the most", "the least in a week": one step of a series looked for, not a period. */
const ONE_STEP =
  /\bthe (?:month|week|year|quarter) (?:i|we|when|that|in which)\b|\b(?:in|during|over) (?:a|one) (?:single |given |particular )?(?:week|month|quarter|year)\b/g;

/** Character ranges of the one-day (or one-step) words in the message as typed. */
function oneDaySpans(r: Reading, words: RegExp = ONE_DAY): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of allMatches(r.lower, words)) {
    const first = r.starts.findIndex((s) => s >= m.index);
    const lastChar = m.index + m[0].length - 1;
    let last = first;
    while ((r.starts[last + 1] ?? Infinity) <= lastChar) last++;
    const a = r.mentions.tokens[first];
    const b = r.mentions.tokens[last];
    if (a && b) out.push({ start: a.index, end: b.index + b.length });
  }
  return out;
}

/** The order of a single-day peak the words ask for, if they ask for one. */
export function dayPeakOrder(r: Reading): 'top' | 'bottom' | undefined {
  if (oneDaySpans(r).length === 0) return undefined;
  const cleaned = r.lower.replace(/\b(?:more|less|fewer) than\b/g, ' ');
  if (LEAST.test(cleaned)) return 'bottom';
  return MOST.test(cleaned) ? 'top' : undefined;
}

/** Whether a period found lies in the one-day words ("in one day" is not tomorrow here). */
export function inOneDayWords(r: Reading, match: { index: number; length: number }): boolean {
  if (!dayPeakOrder(r)) return false;
  return oneDaySpans(r).some((s) => match.index < s.end && s.start < match.index + match.length);
}

/** The periods named, without those the one-day words were read as ("a single day", "the day I…"). */
export function withoutOneDayPeriods(r: Reading, periods: readonly Period[]): Period[] {
  const steps = MOST.test(r.lower) || LEAST.test(r.lower) ? oneDaySpans(r, ONE_STEP) : [];
  const inStep = (m: { index: number; length: number }) =>
    steps.some((s) => m.index >= s.start && m.index + m.length <= s.end);
  const inside = r.mentions.periods.filter((p) => inOneDayWords(r, p) || inStep(p));
  return periods.filter((p) => !inside.some((m) => m.period.start === p.start && m.period.end === p.end));
}
