/**
 * Misspelt period words ("decembr", "yesterdy", "lsat month", "this yaer"), fixed before the rules run.
 *
 * A word is corrected only when it is not ordinary English and lies close to one period word:
 * - words of five letters or more, one edit (an insertion, deletion, substitution or swap of neighbours);
 *   two for words of eight letters or more ("novmbr" → november);
 * - four-letter words only by a swap of neighbours ("yaer", "lsat");
 * - right after "this", "last", "next", "past" or "previous", any word one edit from a unit of five letters or
 *   more, ordinary or not ("this moth" → this month): there it can mean nothing else.
 * A correction to a short period word ("marhc", "mondya", "yaer") is weak: it counts only when the rule that
 * reads it also takes a word beside it ("in marhc", "this yaer"), so a name like "Frida" is not a Friday.
 */
import { ENGLISH_WORDS, isEnglishWord, oneEditApart } from '../english.ts';

/** Misspellings seen often enough in chat to be fixed whatever stands beside them. */
export const TYPOS: Readonly<Record<string, string>> = {
  janurary: 'january',
  januray: 'january',
  janaury: 'january',
  jaunary: 'january',
  janury: 'january',
  febuary: 'february',
  feburary: 'february',
  febrary: 'february',
  februrary: 'february',
  feburay: 'february',
  apirl: 'april',
  aprl: 'april',
  agust: 'august',
  augst: 'august',
  septmber: 'september',
  setpember: 'september',
  sepember: 'september',
  septemeber: 'september',
  octber: 'october',
  ocotber: 'october',
  novmber: 'november',
  novemeber: 'november',
  decmber: 'december',
  decemeber: 'december',
  dicember: 'december',
  mnth: 'month',
  mnths: 'months',
  monht: 'month',
  mth: 'month',
  mths: 'months',
  mo: 'month',
  mos: 'months',
  yr: 'year',
  yrs: 'years',
  yeat: 'year',
  wk: 'week',
  wks: 'weeks',
  weeek: 'week',
  qtr: 'quarter',
  qtrs: 'quarters',
  wkend: 'weekend',
  wknd: 'weekend',
  weekned: 'weekend',
  yday: 'yesterday',
  yesterdy: 'yesterday',
  yesteday: 'yesterday',
  yesturday: 'yesterday',
  lst: 'last',
  lat: 'last',
  prev: 'previous',
  thru: 'through',
  til: 'until',
  till: 'until',
  wednesay: 'wednesday',
  wensday: 'wednesday',
  thurday: 'thursday',
  tuseday: 'tuesday',
  saturady: 'saturday',
  firday: 'friday',
};

/** Period words of seven letters or more: distinctive enough to be corrected wherever they stand. */
const STRONG = `january february september october november december tuesday wednesday thursday saturday
  weekend weekends fortnight fortnights quarter quarters yesterday tomorrow christmas thanksgiving halloween`
  .split(/\s+/)
  .filter(Boolean);

/** Shorter period words: a correction to one needs a word beside it in the rule's reading. */
const WEAK =
  'march april august monday friday sunday month months today weeks years easter first second third fourth fifth final'.split(
    ' ',
  );

/** Four-letter period words, reached only by a swap of neighbours. */
const SWAPPED = 'year week last past next this june july days'.split(' ');

/** Units an ordinary word may stand for right after "this", "last"… ("this moth"). */
const UNITS_AFTER_MODIFIER = ['month', 'months', 'weekend', 'quarter', 'fortnight'];
const MODIFIER = /(?:^|\s)(?:this|last|next|past|previous)\s+$/;

const KNOWN = new Set([...STRONG, ...WEAK, ...SWAPPED]);

/** Optimal string alignment distance (edits, counting a swap of neighbours as one), or `limit + 1` past it. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] ?? limit + 1;
}

/** The same letters with one pair of neighbours swapped ("yaer" and "year"). */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** A correction and whether it is weak; undefined when the word stays as written. */
export interface Correction {
  word: string;
  weak: boolean;
}

/** The single period word `word` is close to, if exactly one is closest. */
function nearestPeriodWord(word: string): Correction | undefined {
  if (word.length === 4) {
    const hits = SWAPPED.filter((t) => swapped(word, t));
    return hits.length === 1 && hits[0] ? { word: hits[0], weak: true } : undefined;
  }
  let best: Correction | undefined;
  let bestDistance = 3;
  let tie = false;
  for (const [targets, weak] of [
    [STRONG, false],
    [WEAK, true],
  ] as const) {
    for (const t of targets) {
      const limit = t.length >= 8 && word.length >= 6 ? 2 : 1;
      // "augusta", "marchy": a period word with a letter added is more often a name than a slip.
      if (weak && word.length === t.length + 1 && word.startsWith(t) && !word.endsWith('s')) continue;
      const d = distance(word, t, limit);
      if (d > limit) continue;
      if (d < bestDistance) [best, bestDistance, tie] = [{ word: t, weak }, d, false];
      else if (d === bestDistance && best?.word !== t) tie = true;
    }
  }
  return tie ? undefined : best;
}

const cache = new Map<string, Correction | null>();

/**
 * The period word a misspelt word stands for, given the normalised text before it.
 * @example correctPeriodWord('decembr', 'spent in ') // { word: 'december', weak: false }
 * @example correctPeriodWord('moth', 'spent this ') // { word: 'month', weak: false }
 */
export function correctPeriodWord(word: string, before: string): Correction | undefined {
  const fixed = TYPOS[word];
  if (fixed) return { word: fixed, weak: false };
  if (word.length < 4 || KNOWN.has(word)) return undefined;
  if (MODIFIER.test(before)) {
    const unit = UNITS_AFTER_MODIFIER.find((u) => u !== word && oneEditApart(u, word));
    if (unit) return { word: unit, weak: false };
  }
  // Four letters are too few for inflections to tell: "yaer" is not "ya" + "er".
  if (word.length === 4 ? ENGLISH_WORDS.has(word) : isEnglishWord(word)) return undefined;
  let found = cache.get(word);
  if (found === undefined) {
    found = nearestPeriodWord(word) ?? null;
    if (cache.size > 5000) cache.clear();
    cache.set(word, found);
  }
  return found ?? undefined;
}
