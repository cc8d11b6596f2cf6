/** A message as the query readers see it: its words, what was found where, and which words are still free. */
import { tokenize, type WordSet } from '../entities.ts';
import { isEnglishWord } from '../english.ts';
import { allMatches } from '../matches.ts';
import type { Mentions } from '../mentions.ts';
import type { UserVocabulary } from '../types.ts';

export interface Reading {
  /** The message as typed. */
  text: string;
  /** Lower-cased words without apostrophes, as the entity finders saw them. */
  words: string[];
  /** The words joined by single spaces: what the cue patterns run on. */
  lower: string;
  /** `lower` with the words of periods as "_": for cues a period's own words must not trigger ("a month ago"). */
  outsidePeriods: string;
  /** `lower` with every word something took (period, amount, name, category) as "_" ("the weekly shop"). */
  open: string;
  mentions: Mentions;
  dictionary: WordSet;
  vocabulary: UserVocabulary;
  today: string;
  /** Character offset of each word in `lower`. */
  starts: number[];
}

export interface ReadingContext {
  mentions: Mentions;
  dictionary: WordSet;
}

/** Without mentions (a bare frame), the words alone: nothing found, every word free. */
export function readingOf(
  text: string,
  vocabulary: UserVocabulary,
  today: string,
  context?: ReadingContext,
): Reading {
  const mentions: Mentions = context?.mentions ?? bareMentions(text);
  const words = mentions.tokens.map((t) => t.text);
  const starts: number[] = [];
  let at = 0;
  for (const w of words) {
    starts.push(at);
    at += w.length + 1;
  }
  const reading = {
    text,
    words,
    lower: words.join(' '),
    outsidePeriods: '',
    open: '',
    mentions,
    dictionary: context?.dictionary ?? { has: isEnglishWord },
    vocabulary,
    today,
    starts,
  };
  reading.outsidePeriods = words.map((w, j) => (inPeriod(reading, j) ? '_' : w)).join(' ');
  reading.open = words.map((w, j) => (mentions.free[j] ? w : '_')).join(' ');
  return reading;
}

function inPeriod(r: Reading, word: number): boolean {
  const t = r.mentions.tokens[word];
  return !!t && r.mentions.periods.some((p) => t.index < p.index + p.length && p.index < t.index + t.length);
}

function bareMentions(text: string): Mentions {
  const tokens = tokenize(text);
  return {
    tokens,
    free: tokens.map(() => true),
    spans: [],
    periods: [],
    future: [],
    categories: [],
    merchants: [],
    brands: [],
    accounts: [],
  };
}

/** The word a character offset of `lower` falls in. */
export function wordAt(r: Reading, offset: number): number {
  let lo = 0;
  let hi = r.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((r.starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Every match of a global pattern on `lower`, as word ranges `[from, to)`. */
export function findWords(r: Reading, pattern: RegExp): { from: number; to: number; text: string }[] {
  const out: { from: number; to: number; text: string }[] = [];
  for (const m of allMatches(r.lower, pattern)) {
    if (m[0] === '') continue;
    out.push({ from: wordAt(r, m.index), to: wordAt(r, m.index + m[0].length - 1) + 1, text: m[0] });
  }
  return out;
}

/** The words `[from, to)` as typed, for naming them back ("Costco"). */
export function typed(r: Reading, from: number, to: number): string {
  const first = r.mentions.tokens[from];
  const last = r.mentions.tokens[to - 1];
  return first && last ? r.text.slice(first.index, last.index + last.length) : '';
}

/** True when a period or the amount covers the word (taken, but by neither a name nor a category). */
export function inPeriodOrAmount(r: Reading, word: number): boolean {
  const t = r.mentions.tokens[word];
  if (!t) return false;
  const covers = (s: { index: number; length: number }): boolean =>
    t.index < s.index + s.length && s.index < t.index + t.length;
  return (
    r.mentions.periods.some(covers) ||
    r.mentions.future.some(covers) ||
    (r.mentions.amount ? covers(r.mentions.amount) : false)
  );
}
