/** Word patterns shared by the period rules, written against normalised (lower-case) text. */
import type { Period } from '../types.ts';

/** What every rule resolves against. */
export interface RuleContext {
  /** The user's local date, `yyyy-mm-dd`. */
  today: string;
  /** 0 = Sunday, 1 = Monday. */
  weekStartsOn: 0 | 1;
}

/** One hand-written rule: a global regex over normalised text and how to turn a match into a period. */
export interface Rule {
  name: string;
  re: RegExp;
  resolve: (m: RegExpExecArray, ctx: RuleContext) => Period | undefined;
}

export const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b\\.?';

/** A four-digit year of this era, or a two-digit one after an apostrophe ('25). */
export const YEAR = "(?:(?:19|20)\\d{2}\\b|'\\d{2}\\b)";

export const ORD = '(?:st|nd|rd|th)?';

/** Small counts people write as words or digits. */
export const COUNT =
  '(?:\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|thirty|sixty|ninety|couple(?:\\s+of)?|a\\s+couple(?:\\s+of)?)';

export const UNIT = '(?:day|week|fortnight|month|quarter|year)s?\\b';

export const WEEKDAY_FULL = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?';
export const WEEKDAY_ANY =
  '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\\b';

/**
 * A single calendar day written out: "march 3rd", "mar 3, 2026", "3 march", "the 3rd of march 2025",
 * "3/5", "3/5/2026", "2026-02-14".
 */
export const DAY_EXPR =
  `(?:${MONTH}\\s*\\d{1,2}${ORD}\\b(?:\\s*,?\\s*${YEAR})?` +
  `|(?:the\\s+)?\\d{1,2}${ORD}\\s+(?:of\\s+)?${MONTH}(?:\\s*,?\\s*${YEAR})?` +
  `|\\d{4}-\\d{1,2}-\\d{1,2}\\b` +
  `|\\d{1,2}/\\d{1,2}(?:/(?:\\d{4}|\\d{2}))?\\b(?![/.]\\d))`;

/** Words that join the two ends of a range; "and" only counts after "between". */
export const RANGE_JOIN = '(?:-|to|through|until|and)';

const COUNT_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  eighteen: 18,
  twenty: 20,
  thirty: 30,
  sixty: 60,
  ninety: 90,
  couple: 2,
};

/** "3" → 3, "three" → 3, "a couple of" → 2. */
export function countValue(word: string): number | undefined {
  const w = word.trim();
  if (/^\d+$/.test(w)) return Number(w);
  const first = w.replace(/^a\s+/, '').split(/\s+/)[0] ?? '';
  return COUNT_WORDS[first] ?? COUNT_WORDS[w];
}

const MONTH_PREFIXES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "sept." → 9. */
export function monthValue(word: string): number | undefined {
  const i = MONTH_PREFIXES.indexOf(word.trim().slice(0, 3));
  return i < 0 ? undefined : i + 1;
}

const WEEKDAY_PREFIXES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** "thurs" → 4 (0 = Sunday). */
export function weekdayValue(word: string): number | undefined {
  const i = WEEKDAY_PREFIXES.indexOf(word.trim().slice(0, 3));
  return i < 0 ? undefined : i;
}

/** "2025" → 2025, "'25" → 2025. */
export function yearValue(word: string): number {
  const w = word.replace(/\D/g, '');
  return w.length === 2 ? 2000 + Number(w) : Number(w);
}

/** Canonical unit from "months", "fortnight"… */
export function unitValue(word: string): 'day' | 'week' | 'fortnight' | 'month' | 'quarter' | 'year' {
  const w = word.replace(/s$/, '');
  if (w === 'day' || w === 'week' || w === 'fortnight' || w === 'month' || w === 'quarter') return w;
  return 'year';
}

/** Builds a global regex bounded by word edges from pattern source. */
export function rule(source: string): RegExp {
  return new RegExp(`(?<![\\w$£€¥/.-])(?:${source})(?![\\w/])`, 'g');
}
