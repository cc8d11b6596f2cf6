/** Word patterns shared by the period rules, written against normalised (lower-case) text. */
import type { Period } from '../types.ts';
import { TEENS, TENS, UNITS } from './numbers.ts';

/** What every rule resolves against. */
export interface RuleContext {
  /** The user's local date, `yyyy-mm-dd`. */
  today: string;
  /** 0 = Sunday, 1 = Monday. */
  weekStartsOn: 0 | 1;
  /** True when the number at this index of the normalised text was written in words ("the ninth"). */
  spelledAt?: (index: number) => boolean;
}

/** A rule's reading, with what a range built from it needs to know. */
export interface Resolved {
  period: Period;
  /** Where a range starting here starts, when not at `period.start` ("from the end of March" → 1 April). */
  asStart?: string;
  /** Where a range ending here ends, when not at `period.end` ("to the middle of September" → 16 September). */
  asEnd?: string;
  /** Set when the year was not said, so a range can borrow it from its other end ("Nov – Feb 5th, 2017"). */
  yearless?: boolean;
}

/** One hand-written rule: a global regex over normalised text and how to turn a match into a period. */
export interface Rule {
  name: string;
  /** A cheap test the text must pass before `re` is worth running. */
  hint?: RegExp;
  re: RegExp;
  resolve: (m: RegExpExecArray, ctx: RuleContext) => Period | Resolved | undefined;
}

export const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b\\.?';

/** A four-digit year of this era, or a two-digit one after an apostrophe ('25). */
export const YEAR = "(?:(?:19|20)\\d{2}\\b|'\\d{2}\\b)";

/** A year as written after "of": also two bare digits ("April of 87"). */
export const OF_YEAR = `(?:${YEAR}|\\d{2}\\b(?![/:.]?\\d))`;

/** "1st" … "5th", "last": which of a run of weeks, weekends or days. */
export const NTH =
  '(?:penultimate|(?:second|2nd)[\\s-]+(?:to[\\s-]+)?last|last[\\s-]+but[\\s-]+(?:one|1)|1st|2nd|3rd|4th|5th|first|second|third|fourth|fifth|last|final)';

export const ORD = '(?:st|nd|rd|th)?';

/** Small counts people write as words or digits. */
export const COUNT =
  '(?:\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|thirty|sixty|ninety|couple(?:\\s+of)?|a\\s+couple(?:\\s+of)?|(?:a\\s+)?few)';

export const UNIT = '(?:day|week|fortnight|month|quarter|year)s?\\b';

export const WEEKDAY_FULL = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?';
export const WEEKDAY_ANY =
  '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\\b';

/** A year after a day or month: "2026", ", 2026", "of 87", "in 2025", "1733". */
export const YEAR_TAIL = `(?:\\s*,?\\s*(?:(?:of|in)\\s+${OF_YEAR}|${YEAR}|(?:1\\d|20)\\d{2}\\b))?`;

/**
 * A single calendar day written out: "march 3rd", "mar 3, 2026", "october, 1st", "april the 9th", "3 march",
 * "the 3rd of march 2025", "the 4th of july of 1995", "3/5", "3/5/2026", "2026-02-14", "22/jan/2019", "2019-aug-01".
 */
export const DAY_EXPR =
  `(?:${MONTH}\\s*(?:(?:,\\s*|the\\s+)\\d{1,2}(?:st|nd|rd|th)|\\d{1,2}${ORD})\\b${YEAR_TAIL}` +
  `|(?:the\\s+)?\\d{1,2}${ORD}\\s+(?:(?:day\\s+)?of\\s+)?${MONTH}${YEAR_TAIL}` +
  `|\\d{4}-\\d{1,2}-\\d{1,2}\\b` +
  `|\\d{4}[/-]${MONTH}[/-]\\d{1,2}\\b|\\d{1,2}[/-]${MONTH}[/-](?:\\d{4}|\\d{2})\\b` +
  `|\\d{1,2}/\\d{1,2}(?:/(?:\\d{4}|\\d{2}))?\\b(?![/.]\\d))`;

/** Words that join the two ends of a range; "and" only counts after "between". */
export const RANGE_JOIN = '(?:-|to|through|until|and)';

const COUNT_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  ...UNITS,
  ...TEENS,
  ...TENS,
  couple: 2,
  /** "the past few days": the spec's three. */
  few: 3,
};

/** "3" → 3, "three" → 3, "a couple of" → 2, "a few" → 3. */
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

/**
 * "2025" → 2025; two digits are the latest such year not after today's ("'25" → 2025, "30" in 2016 → 1930).
 */
export function yearValue(word: string, today?: string): number {
  const w = word.replace(/\D/g, '');
  if (w.length !== 2) return Number(w);
  const current = today ? Number(today.slice(0, 4)) : 2099;
  const year = current - (current % 100) + Number(w);
  return year > current ? year - 100 : year;
}

/** "1st" → "first", "final" → "last", for labels. */
export function nthWord(word: string): string {
  const n = nthValue(word);
  if (n === -2) return 'second-to-last';
  return n < 0 ? 'last' : (['first', 'second', 'third', 'fourth', 'fifth'][n - 1] ?? word);
}

/** "1st", "second", "last", "second to last" → 1, 2, -1, -2. */
export function nthValue(word: string): number {
  const w = word.trim();
  if (w === 'last' || w === 'final') return -1;
  if (/^(?:penultimate|(?:second|2nd)\W+(?:to\W+)?last|last\W+but\W+(?:one|1))$/.test(w)) return -2;
  const digit = /^\d/.exec(w);
  if (digit) return Number(digit[0]);
  return ['first', 'second', 'third', 'fourth', 'fifth'].indexOf(w) + 1;
}

/** Canonical unit from "months", "fortnight"… */
export function unitValue(word: string): 'day' | 'week' | 'fortnight' | 'month' | 'quarter' | 'year' {
  const w = word.replace(/s$/, '');
  if (w === 'day' || w === 'week' || w === 'fortnight' || w === 'month' || w === 'quarter') return w;
  return 'year';
}

/** Builds a global regex bounded by word edges from pattern source; a number right after a currency sign is money. */
export function rule(source: string): RegExp {
  // A hyphen before a word is a dash ("nov-feb"); before a number it belongs to it ("2026-03").
  return new RegExp(`(?<![\\w$£€¥/.]|[$£€¥]\\s|-(?=\\d))(?:${source})(?![\\w/])`, 'g');
}

/** A resolved rule match as a `Resolved`, whichever form the rule returned. */
export function asResolved(r: Period | Resolved): Resolved {
  return 'period' in r ? r : { period: r };
}
