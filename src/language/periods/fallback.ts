/**
 * When Microsoft's recognizer is worth its milliseconds, and how its readings join the rules'. It is called
 * only when something that could still be a date is left once the rules, amounts, counts and frequencies
 * ("every month", "top 5", "over 1000") have been set aside.
 */
import type { PeriodMatch } from '../types.ts';
import type { Normalised } from './normalise.ts';

interface Span {
  from: number;
  to: number;
}

/** Words and numbers that may still name a date. Times of day are not periods; "now" is not one either. */
const DATE_LIKE = new RegExp(
  '\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december' +
    '|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday' +
    '|days?|weeks?|weekends?|months?|years?|quarters?|fortnights?|decades?|century|ago|since|yesterday|today|tomorrow' +
    '|christmas|xmas|thanksgiving|easter|halloween|seasons?|summer|winter|spring|autumn|fall|eve' +
    '|eoy|eom|otd|cy\\d\\d|fy\\d\\d)\\b|\\d',
);

const MONTHS = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const UNITS = '(?:days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))';

/** Text that looks like a date to the pattern above but is not one. */
const NOT_DATES: readonly RegExp[] = [
  // Amounts and counts.
  /[$£€¥]\s*[\d.,]+k?|\btop\s+\d+|\d[\d.,]*\s*(?:%|percent|dollars?|bucks|euros?|pounds?|k\b|x\b|times\b)/g,
  // Frequencies and groupings: "month by month", "month over month", "every month", "per week".
  new RegExp(`\\b${UNITS}\\s+(?:by|over|on|to|after)\\s+${UNITS}\\b`, 'g'),
  new RegExp(`\\b(?:every|each|per|a|by|over|monthly|weekly)\\s+(?:other\\s+)?${UNITS}\\b`, 'g'),
  // Greetings and small talk: "good day", "g'day", "what year is it".
  /\bg(?:ood\s+|')day\b|\bwhat\s+(?:day|year|month)\s+is\s+it\b/g,
  // A bare number with nothing of a date around it: "my 3 biggest", "over 1000", "5 times 7"; not a year like 2025.
  new RegExp(
    `(?<![\\d/:.-]|${MONTHS}\\s{0,3})(?!(?:19|20)\\d\\d\\b)\\d+(?![\\d/:.-]|st|nd|rd|th|\\s*(?:s\\b|am\\b|pm\\b|a\\.m|p\\.m|${UNITS}|(?:of\\s+)?${MONTHS}))`,
    'g',
  ),
];

function blank(text: string, spans: Span[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.from) + ' '.repeat(s.to - s.from) + out.slice(s.to);
  return out;
}

/** True when, besides `covered`, the normalised text still holds something the recognizer could read as a date. */
export function worthRecognizing(n: Normalised, covered: Span[]): boolean {
  // Numbers written in words ("capital one", "two times") were never date-like on their own.
  let rest = blank(n.text, [...covered, ...(n.spelled ?? []).map(([from, to]) => ({ from, to }))]);
  for (const re of NOT_DATES) rest = rest.replace(re, ' ');
  return DATE_LIKE.test(rest);
}

/** Readings the recognizer makes that are not periods to a spending question: "now", "right now". */
const NOT_PERIODS = /^(?:right\s+)?now$|^(?:at\s+)?(?:the\s+)?moment$|^currently$/i;

/**
 * Adds the recognizer's periods where the rules found nothing. Where the recognizer read a longer phrase
 * that covers rule matches ("the last week of july" over "of july"), its fuller reading wins.
 * `original` is the message, to read what each recognized span says.
 */
export function mergeRecognized(
  found: PeriodMatch[],
  recognized: PeriodMatch[],
  original: string,
): PeriodMatch[] {
  let out = [...found];
  for (const r of recognized) {
    if (NOT_PERIODS.test(original.slice(r.index, r.index + r.length).trim())) continue;
    const rEnd = r.index + r.length;
    const overlapping = out.filter((f) => r.index < f.index + f.length && f.index < rEnd);
    const covers = overlapping.every(
      (f) => r.index <= f.index && f.index + f.length <= rEnd && f.length < r.length,
    );
    if (overlapping.length === 0) out.push(r);
    else if (covers) out = [...out.filter((f) => !overlapping.includes(f)), r];
  }
  return out.sort((a, b) => a.index - b.index);
}
