/** Finds the periods of time a message talks about and resolves them against the user's today. */
import type { PeriodMatch } from '../types.ts';
import { applyOffset, applyToDate, endAtAsOf, joinRanges, type Candidate } from './compose.ts';
import { mergeRecognized, worthRecognizing } from './fallback.ts';
import { asResolved, type Rule, type RuleContext } from './grammar.ts';
import { HOLIDAY_RULES, holidayTopics } from './holidays.ts';
import { normalise, originalSpan, type Normalised } from './normalise.ts';
import { isSpelled } from './numbers.ts';
import { recognizePeriods, warmUpRecognizer } from './recognizer.ts';
import { CALENDAR_RULES } from './rules-calendar.ts';
import { DAY_RULES } from './rules-days.ts';
import { HALF_RULES } from './rules-halves.ts';
import { PART_RULES } from './rules-parts.ts';
import { RELATIVE_RULES } from './rules-relative.ts';
import { TO_DATE_RULES } from './rules-to-date.ts';
import { WEEK_RULES } from './rules-weeks.ts';

export { warmUpRecognizer };

export interface FindPeriodsOptions {
  /** 0 = weeks start on Sunday, 1 = on Monday (the default). */
  weekStartsOn?: 0 | 1;
  /** Set false to use only the fast rules (no recognizer fallback). */
  fallback?: boolean;
}

/** Earlier rules win ties of equal length. */
const RULES: Rule[] = [
  ...RELATIVE_RULES,
  ...TO_DATE_RULES,
  ...PART_RULES,
  ...HALF_RULES,
  ...HOLIDAY_RULES,
  ...WEEK_RULES,
  ...DAY_RULES,
  ...CALENDAR_RULES,
];

/** A rule's match, resolved only if it survives the choice among overlapping matches. */
interface Match {
  rule: Rule;
  m: RegExpExecArray;
  from: number;
  to: number;
  priority: number;
}

function ruleMatches(n: Normalised): Match[] {
  const out: Match[] = [];
  RULES.forEach((rule, priority) => {
    if (rule.hint && !rule.hint.test(n.text)) return;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(n.text); m; m = rule.re.exec(n.text)) {
      if (m[0].length === 0) rule.re.lastIndex++;
      else out.push({ rule, m, from: m.index, to: m.index + m[0].length, priority });
    }
  });
  return out;
}

/** Words that do not make a corrected word a period: names follow them too ("spent on frida"). */
const BARE_CONTEXT = /^(?:\s|[,.'-]|\b(?:on|in|at|for|of|from|during|over|since|the)\b)*$/;

/**
 * A match that holds nothing but a word corrected to a short period word and prepositions: "on frida" and
 * "marhc" alone stay words, while "last fridya", "this yaer" and "marhc 2025" are periods.
 */
function onlyWeakWord(n: Normalised, x: Match, original: string): boolean {
  const { index, length } = originalSpan(n, x.from, x.to);
  const inside = (n.weak ?? []).filter(([a, b]) => a >= index && b <= index + length);
  if (inside.length === 0) return false;
  let rest = original.slice(index, index + length).toLowerCase();
  // Right to left, so earlier offsets stay put.
  for (const [a, b] of [...inside].reverse()) rest = rest.slice(0, a - index) + ' ' + rest.slice(b - index);
  return BARE_CONTEXT.test(rest);
}

/**
 * Longest first, then earliest, then rule order; keep those that do not overlap a kept one. A match is
 * resolved only when it would be kept, and one that resolves to nothing gives way to the next.
 */
function pickResolved(matches: Match[], ctx: RuleContext, n: Normalised, original: string): Candidate[] {
  matches.sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from || a.priority - b.priority);
  const kept: Candidate[] = [];
  for (const x of matches) {
    if (kept.some((k) => x.from < k.to && k.from < x.to)) continue;
    if (n.weak && onlyWeakWord(n, x, original)) continue;
    const found = x.rule.resolve(x.m, ctx);
    if (found) kept.push({ ...asResolved(found), from: x.from, to: x.to, priority: x.priority });
  }
  return kept.sort((a, b) => a.from - b.from);
}

/** Longest first, then earliest; drops what a longer reading now covers. */
function pickNonOverlapping(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort(
    (a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from || a.priority - b.priority,
  );
  const kept: Candidate[] = [];
  for (const c of sorted) if (!kept.some((k) => c.from < k.to && k.from < c.to)) kept.push(c);
  return kept.sort((a, b) => a.from - b.from);
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
  const n = normalise(text);
  const ctx: RuleContext = {
    today,
    weekStartsOn: options.weekStartsOn ?? 1,
    spelledAt: n.spelled && ((i) => isSpelled(n, i)),
  };
  const picked = pickResolved(ruleMatches(n), ctx, n, text);
  const extended = picked.map((c) => {
    const offset = applyOffset(c, n);
    return offset === c ? applyToDate(c, n, ctx) : offset;
  });
  // "from March to today": the to-date reading now covers "today"; drop what it swallowed.
  const grown = extended.some((c, i) => c !== picked[i]);
  const kept = endAtAsOf(joinRanges(grown ? pickNonOverlapping(extended) : extended, n), n, ctx);
  const topics = holidayTopics(n.text);
  const spans = topics.map((t) => originalSpan(n, t.from, t.to));
  const apart = (r: PeriodMatch) =>
    !spans.some((s) => r.index < s.index + s.length && s.index < r.index + r.length);
  // "black friday shopping": the holiday names what was bought, so neither it nor its "friday" is a date.
  const found: PeriodMatch[] = kept
    .map((c) => ({ period: c.period, ...originalSpan(n, c.from, c.to) }))
    .filter(apart);
  if (options.fallback !== false && worthRecognizing(n, [...kept, ...topics]))
    return mergeRecognized(found, recognizePeriods(text, today).filter(apart), text);
  return found;
}
