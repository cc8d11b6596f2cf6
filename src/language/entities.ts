/**
 * What people type as words and tokens, how close two words are, and the categories they name (from the
 * synonym table). Merchant names are found in merchant-index.ts.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { distance } from 'fastest-levenshtein';
import { allMatches } from './matches.ts';
import type { CategoryRef } from './types.ts';

/** Words known to be ordinary language, not names: a Set, or anything that answers `has`. */
export interface WordSet {
  has(word: string): boolean;
}

/** A word of the text: `text` is lower-cased without apostrophes; offsets point into the original. */
export interface Token {
  text: string;
  index: number;
  length: number;
}

/** Something found in the text, covering tokens `[from, to)`. */
export interface EntityMatch<T> {
  value: T;
  from: number;
  to: number;
  /** The words as typed. */
  text: string;
}

export interface Ambiguity {
  kind: 'merchant' | 'account';
  text: string;
  options: string[];
}

const WORD = /[\p{L}\p{N}&]+(?:['’][\p{L}]+)*/gu;
const APOSTROPHES = /['’]/g;

/** Splits text into words, keeping where each came from so spans can be masked later. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of allMatches(text.toLowerCase(), WORD)) {
    const word = m[0];
    out.push({
      text: word.includes("'") || word.includes('’') ? word.replace(APOSTROPHES, '') : word,
      index: m.index,
      length: word.length,
    });
  }
  return out;
}

/**
 * Phrases on free tokens, left to right and none overlapping, the longest first at each token: `take` says
 * what the phrase of `words` words from token `from` names, if anything. The finders of categories, merchants
 * and brands each try every phrase of up to a few words this way.
 */
export function longestPhrases<T>(
  tokens: readonly Token[],
  free: readonly boolean[],
  maxWords: number,
  take: (phrase: string, from: number, words: number) => T | undefined,
): { from: number; words: number; value: T }[] {
  const found: { from: number; words: number; value: T }[] = [];
  const runs = freeRuns(free, tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const longest = Math.min(maxWords, tokens.length - i, runs[i] ?? 0);
    const phrases = phrasesFrom(tokens, i, longest);
    for (let n = longest; n >= 1; n--) {
      const value = take(phrases[n - 1] ?? '', i, n);
      if (value === undefined) continue;
      found.push({ from: i, words: n, value });
      i += n - 1;
      break;
    }
  }
  return found;
}

/**
 * How many free tokens run from each one: `free.slice(i, i + n).every(Boolean)` is `n <= runs[i]` for `n`
 * within the tokens.
 */
function freeRuns(free: readonly boolean[], length: number): number[] {
  const runs = new Array<number>(length + 1).fill(0);
  for (let i = length - 1; i >= 0; i--) runs[i] = free[i] ? (runs[i + 1] ?? 0) + 1 : 0;
  return runs;
}

/** The words from token `from`, one to `most` of them, joined by spaces: `[i]` holds `i + 1` words. */
function phrasesFrom(tokens: readonly Token[], from: number, most: number): string[] {
  const out: string[] = [];
  let phrase = '';
  for (let k = 0; k < most; k++) {
    const word = tokens[from + k]?.text ?? '';
    phrase = k === 0 ? word : `${phrase} ${word}`;
    out.push(phrase);
  }
  return out;
}

/** Words too common to be taken as a shortened merchant or account name on their own. */
export const COMMON_WORDS: ReadonlySet<string> = new Set([
  ...`a about above after again against all also am an and any are as at back be because been before being below best big
  black blue both but by can card cash city co coffee company corp could did do does doing down each east few first
  for from further general gold good great green had has have he her here him his home house how i if in inc into is
  it its just last less llc long market me more most my new next no nor north not now of off on once one only or other
  our out over own pay people plus prime red same shall she should so some south spend spent store stores such than
  that the their them then there these they this those through to too total under until up us very was we west were
  what when where which while white who whole why will with world would year you your`.split(/\s+/),
  // Quantifiers, pronouns and superlatives: "my biggest account", "from anyone", "overall" never name anything.
  ...`altogether anybody anyone anything anywhere average biggest cheapest combined costliest dearest earliest entire
  ever every everybody everyone everything everywhere greatest heaviest highest largest latest least longest lowest
  newest nobody none nothing oldest overall priciest shortest smallest somebody someone something sum typical usual
  whatever whichever whoever worst`.split(/\s+/),
]);

/** Trailing words a person leaves out when naming a merchant: "Whole Foods Market" → "whole foods". */
export const GENERIC_TAIL = new Set([
  'market',
  'markets',
  'coffee',
  'apartments',
  'inc',
  'co',
  'llc',
  'store',
  'stores',
  'shop',
  'company',
  'corp',
  'restaurant',
  'cafe',
]);

/** Spelling-insensitive key: "starbux" and "starbucks" both become "starbuks". */
export function soundKey(word: string): string {
  return word
    .replace(/[^a-z0-9]/g, '')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/[cq]/g, 'k')
    .replace(/z/g, 's')
    .replace(/(.)\1+/g, '$1');
}

/** First letter plus consonants: "amazon" → "amzn", how people abbreviate names. */
export function skeleton(word: string): string {
  return (word.slice(0, 1) + word.slice(1).replace(/[aeiouy]/g, '')).replace(/(.)\1+/g, '$1');
}

/** How far a typed word may be from a name and still mean it; short words must match exactly. */
export function allowedEdits(length: number): number {
  return length <= 4 ? 0 : length <= 7 ? 1 : 2;
}

// ---------------------------------------------------------------- categories

export interface CategoryLexicon {
  /** Normalised phrase → category. */
  phrases: Map<string, CategoryRef>;
  maxWords: number;
}

/** Reads `phrase,key,label,codes` rows; a key's rows must agree on label and codes. */
export function parseCategorySynonyms(csvText: string): { lexicon: CategoryLexicon; problems: string[] } {
  const rows = parse(csvText, { columns: true, skip_empty_lines: true, trim: true }) as Record<
    string,
    string
  >[];
  const phrases = new Map<string, CategoryRef>();
  const byKey = new Map<string, CategoryRef>();
  const problems: string[] = [];
  let maxWords = 1;
  rows.forEach((row, i) => {
    const phrase = tokenize(row.phrase ?? '')
      .map((t) => t.text)
      .join(' ');
    const key = row.key ?? '';
    const codes = (row.codes ?? '')
      .split('|')
      .map((c) => c.trim())
      .filter(Boolean);
    if (!phrase || !key || codes.length === 0)
      return void problems.push(`row ${i + 2}: phrase, key and codes are required`);
    let ref = byKey.get(key);
    if (!ref) byKey.set(key, (ref = { key, label: row.label || key, codes }));
    else if (ref.codes.join('|') !== codes.join('|'))
      problems.push(`row ${i + 2}: key "${key}" has different codes on another row`);
    if (phrases.has(phrase)) problems.push(`row ${i + 2}: phrase "${phrase}" appears twice`);
    phrases.set(phrase, ref);
    maxWords = Math.max(maxWords, phrase.split(' ').length);
  });
  return { lexicon: { phrases, maxWords }, problems };
}

/** Loads the synonym table; throws on a malformed table because a wrong category is worse than none. */
export async function loadCategorySynonyms(file: string): Promise<CategoryLexicon> {
  const { lexicon, problems } = parseCategorySynonyms(await readFile(file, 'utf8'));
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
  return lexicon;
}

/** Exact phrases first (longest wins), then one-word typos ("restraunts") for words the dictionary does not know. */
export function findCategories(
  tokens: Token[],
  lexicon: CategoryLexicon,
  free: boolean[],
  dictionary: WordSet,
): EntityMatch<CategoryRef>[] {
  const words = singleWords(lexicon);
  const out = longestPhrases(tokens, free, lexicon.maxWords, (phrase, i, n) => {
    const ref = lexicon.phrases.get(phrase) ?? lexicon.phrases.get(phrase.replace(/s$/, ''));
    if (ref) return ref;
    if (n === 1 && phrase.length >= 5 && !dictionary.has(phrase) && !COMMON_WORDS.has(phrase)) {
      const best = closest(phrase, words);
      return (best && lexicon.phrases.get(best)) || undefined;
    }
    // "eatting out", "dinning out": one misspelt word of a two-word phrase, the other exact.
    if (n === 2) return twoWordTypo(tokens[i]?.text ?? '', tokens[i + 1]?.text ?? '', lexicon, dictionary);
    return undefined;
  }).map((p) => match(tokens, p.from, p.from + p.words, p.value));
  // "restaurant bills", "grocery bill", "doctor's fees": after another category, "bill" or "fees" is what
  // was paid for it, not utilities or bank fees.
  // "interest rates", "exchange rate": "rates" alone are council rates, not the price of something.
  return out.filter(
    (m, k) =>
      !(BILL.test(m.text) && out[k - 1]?.to === m.from) &&
      !(m.text === 'rates' && PRICE_OF.has(tokens[m.from - 1]?.text ?? '')),
  );
}

const BILL = /^(?:bills?|fees?)$/;
const PRICE_OF = new Set([
  'interest',
  'exchange',
  'fx',
  'conversion',
  'hourly',
  'day',
  'daily',
  'tax',
  'mortgage',
]);

const TWO_WORDS = new WeakMap<CategoryLexicon, [string, string][]>();

function twoWordTypo(
  a: string,
  b: string,
  lexicon: CategoryLexicon,
  dictionary: WordSet,
): CategoryRef | undefined {
  const aTypo = a.length >= 5 && !dictionary.has(a);
  const bTypo = b.length >= 5 && !dictionary.has(b);
  if (aTypo === bTypo) return undefined;
  let pairs = TWO_WORDS.get(lexicon);
  if (!pairs) {
    pairs = [...lexicon.phrases.keys()]
      .filter((p) => p.split(' ').length === 2)
      .map((p) => p.split(' ') as [string, string]);
    TWO_WORDS.set(lexicon, pairs);
  }
  for (const [x, y] of pairs) {
    const hit = aTypo ? y === b && similar(a, x) : x === a && similar(b, y);
    if (hit) return lexicon.phrases.get(`${x} ${y}`);
  }
  return undefined;
}

const SINGLE_WORDS = new WeakMap<CategoryLexicon, string[]>();

/** The one-word phrases long enough to forgive a typo in, computed once per table. */
function singleWords(lexicon: CategoryLexicon): string[] {
  let words = SINGLE_WORDS.get(lexicon);
  if (!words)
    SINGLE_WORDS.set(
      lexicon,
      (words = [...lexicon.phrases.keys()].filter((p) => !p.includes(' ') && p.length >= 5)),
    );
  return words;
}

function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  // Category words are long and few, so long ones may take an edit more ("restraunts"), never a quarter of the word.
  let bestD = allowedEdits(word.length) + (word.length >= 8 ? 2 : 1);
  for (const c of candidates) {
    if (Math.abs(c.length - word.length) >= bestD) continue;
    const d = distance(word, c);
    if (d < bestD && similar(word, c, d)) [best, bestD] = [c, d];
  }
  return best;
}

/** Strict enough that a different word is never taken for a typo: at least three quarters of the letters agree. */
export function similar(a: string, b: string, edits = distance(a, b)): boolean {
  const longest = Math.max(a.length, b.length);
  return (edits <= Math.floor(longest / 4) || (longest >= 10 && edits <= 3)) && a[0] === b[0];
}

export function match<T>(tokens: Token[], from: number, to: number, value: T): EntityMatch<T> {
  return {
    value,
    from,
    to,
    text: tokens
      .slice(from, to)
      .map((t) => t.text)
      .join(' '),
  };
}
