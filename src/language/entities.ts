/** Finds categories (from the synonym table), merchants and accounts (from the user's own data) in what people type. */
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
 * How many free tokens run from each one: `free.slice(i, i + n).every(Boolean)` is `n <= runs[i]` for `n`
 * within the tokens. For the finders that try every phrase of up to a few words at every token.
 */
export function freeRuns(free: readonly boolean[], length: number): number[] {
  const runs = new Array<number>(length + 1).fill(0);
  for (let i = length - 1; i >= 0; i--) runs[i] = free[i] ? (runs[i + 1] ?? 0) + 1 : 0;
  return runs;
}

/** The words from token `from`, one to `most` of them, joined by spaces: `[i]` holds `i + 1` words. */
export function phrasesFrom(tokens: readonly Token[], from: number, most: number): string[] {
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
const GENERIC_TAIL = new Set([
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
  const out: EntityMatch<CategoryRef>[] = [];
  const words = singleWords(lexicon);
  const runs = freeRuns(free, tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const longest = Math.min(lexicon.maxWords, tokens.length - i);
    const phrases = phrasesFrom(tokens, i, Math.min(longest, runs[i] ?? 0));
    for (let n = longest; n >= 1; n--) {
      if (n > (runs[i] ?? 0)) continue;
      const phrase = phrases[n - 1] ?? '';
      const ref = lexicon.phrases.get(phrase) ?? lexicon.phrases.get(phrase.replace(/s$/, ''));
      if (ref) {
        out.push(match(tokens, i, i + n, ref));
        i += n - 1;
        break;
      }
      if (n === 1 && phrase.length >= 5 && !dictionary.has(phrase) && !COMMON_WORDS.has(phrase)) {
        const best = closest(phrase, words);
        const found = best && lexicon.phrases.get(best);
        if (found) out.push(match(tokens, i, i + 1, found));
      }
      if (n === 2) {
        // "eatting out", "dinning out": one misspelt word of a two-word phrase, the other exact.
        const found = twoWordTypo(tokens[i]?.text ?? '', tokens[i + 1]?.text ?? '', lexicon, dictionary);
        if (found) {
          out.push(match(tokens, i, i + 2, found));
          i += 1;
          break;
        }
      }
    }
  }
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

// ---------------------------------------------------------------- merchants

export interface MerchantIndex {
  /**
   * Alias (space-separated words) → canonical names, and whether the alias is the whole name. Entries
   * are shared between users' indexes and never changed once made.
   */
  aliases: Map<string, AliasEntry>;
  maxWords: number;
  dictionary: WordSet;
}

export interface AliasEntry {
  readonly names: ReadonlySet<string>;
  readonly full: ReadonlySet<string>;
}

const NO_NAMES: ReadonlySet<string> = new Set();
/** Entries naming one merchant, shared by every user who has it (most aliases name one merchant). */
const ONE_NAME = new Map<string, { alias: string; entry: AliasEntry }>();
/** Distinct (alias, merchant) pairs kept; past it the table starts again (each index keeps its own). */
const ONE_NAME_LIMIT = 200_000;

/** The entry for an alias naming only `name`: made once, then handed to every index that needs it. */
function oneName(alias: string, name: string, full: boolean): { alias: string; entry: AliasEntry } {
  const key = `${full ? 'f' : 'p'}${alias}\u0000${name}`;
  let kept = ONE_NAME.get(key);
  if (!kept) {
    if (ONE_NAME.size >= ONE_NAME_LIMIT) ONE_NAME.clear();
    const names = new Set([name]);
    kept = { alias, entry: { names, full: full ? names : NO_NAMES } };
    ONE_NAME.set(key, kept);
  }
  return kept;
}

/** One way of naming a merchant: the alias, its shared entry, how many words it has, whether it is the whole name. */
interface AliasPlan {
  alias: string;
  entry: AliasEntry;
  words: number;
  full: boolean;
}

/**
 * The aliases of each merchant name, per dictionary and table of category words: users share most merchants
 * and a user's index is rebuilt whenever their ledger changes, so each name's aliases are worked out once.
 */
const PLANS = new WeakMap<WordSet, WeakMap<ReadonlySet<string>, Map<string, readonly AliasPlan[]>>>();
/** Distinct merchant names kept; past it the table starts again. */
const PLAN_LIMIT = 50_000;

function plansFor(
  dictionary: WordSet,
  categoryWords: ReadonlySet<string>,
): Map<string, readonly AliasPlan[]> {
  let byWords = PLANS.get(dictionary);
  if (!byWords) PLANS.set(dictionary, (byWords = new WeakMap()));
  let plans = byWords.get(categoryWords);
  if (!plans) byWords.set(categoryWords, (plans = new Map()));
  if (plans.size >= PLAN_LIMIT) plans.clear();
  return plans;
}

/** Builds the ways a user may name each of their merchants: whole name, name without "Market"/"Coffee", first words, a distinctive single word. */
export function indexMerchants(
  merchants: readonly string[],
  dictionary: WordSet,
  categoryWords: ReadonlySet<string>,
): MerchantIndex {
  const aliases = new Map<string, AliasEntry>();
  let maxWords = 1;
  const plans = plansFor(dictionary, categoryWords);
  // A server keeps an index per active user, and users share most merchants: an alias naming one
  // merchant reuses one entry (and one alias string) for all of them; entries are replaced, never changed.
  for (const name of merchants) {
    let plan = plans.get(name);
    if (!plan) plans.set(name, (plan = aliasPlan(name, dictionary, categoryWords)));
    for (const { alias, entry: shared, words, full } of plan) {
      const entry = aliases.get(alias);
      if (!entry) aliases.set(alias, shared);
      else if (!entry.names.has(name) || (full && !entry.full.has(name))) {
        aliases.set(alias, {
          names: new Set([...entry.names, name]),
          full: full ? new Set([...entry.full, name]) : entry.full,
        });
      }
      if (words > maxWords) maxWords = words;
    }
  }
  return { aliases, maxWords, dictionary };
}

/** One merchant's aliases in the order they are added to an index. */
function aliasPlan(name: string, dictionary: WordSet, categoryWords: ReadonlySet<string>): AliasPlan[] {
  const plan: AliasPlan[] = [];
  const add = (alias: string, full: boolean): void => {
    if (!alias) return;
    const shared = oneName(alias, name, full);
    plan.push({ alias: shared.alias, entry: shared.entry, words: alias.split(' ').length, full });
  };
  const unsafe = (w: string): boolean =>
    w.length < 4 || COMMON_WORDS.has(w) || dictionary.has(w) || categoryWords.has(w);
  const words = tokenize(name).map((t) => t.text);
  if (words.length === 0) return plan;
  add(words.join(' '), true);
  if (words.length > 1) add(words.join(''), true);
  let core = [...words];
  // "AMC THEATRES 1234": a store number is not part of what people call it; but "Forever 21" is not
  // "forever", so a name a number is cut from keeps only its safe words.
  const numbered = core.length > 1 && /^\d+$/.test(core.at(-1) ?? '');
  if (numbered) core = core.filter((w) => !/^\d+$/.test(w));
  while (core.length > 1 && GENERIC_TAIL.has(core[core.length - 1] ?? '')) core = core.slice(0, -1);
  for (let n = 2; n < words.length; n++) add(words.slice(0, n).join(' '), false);
  if (core.length > 1) add(core.join(''), false);
  const single = core.length === 1 ? core : core.filter((w, i) => i === 0 || !GENERIC_TAIL.has(w));
  for (const [i, w] of single.entries())
    if (
      !unsafe(w) ||
      (core.length === 1 && !numbered && !categoryWords.has(w)) ||
      (i === 0 && initialism(w, dictionary, categoryWords))
    )
      add(w, core.length === 1);
  return plan;
}

/** A short leading name no dictionary knows ("AMC" of "AMC Theatres", "KFC"): people say it alone. */
function initialism(word: string, dictionary: WordSet, categoryWords: ReadonlySet<string>): boolean {
  return (
    /^[a-z]{3}$/.test(word) && !COMMON_WORDS.has(word) && !dictionary.has(word) && !categoryWords.has(word)
  );
}

/** Exact aliases on free tokens; sets `ambiguous` when one alias names several merchants and none by its whole name. */
export function findMerchantsExact(
  tokens: Token[],
  index: MerchantIndex,
  free: boolean[],
): { matches: EntityMatch<string>[]; ambiguous?: Ambiguity } {
  const matches: EntityMatch<string>[] = [];
  let ambiguous: Ambiguity | undefined;
  const runs = freeRuns(free, tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const longest = Math.min(index.maxWords, tokens.length - i);
    const phrases = phrasesFrom(tokens, i, Math.min(longest, runs[i] ?? 0));
    for (let n = longest; n >= 1; n--) {
      if (n > (runs[i] ?? 0)) continue;
      const typed = phrases[n - 1] ?? '';
      // "whole food" and "trader joe" for Whole Foods and Trader Joe's: the last word with or without its s.
      const entry =
        index.aliases.get(typed) ??
        index.aliases.get(typed.endsWith('s') ? typed.slice(0, -1) : n > 1 ? `${typed}s` : '') ??
        undefined;
      if (!entry) continue;
      const names = entry.full.size === 1 ? [...entry.full] : [...entry.names];
      if (names.length === 1 && names[0]) matches.push(match(tokens, i, i + n, names[0]));
      else ambiguous ??= { kind: 'merchant', text: typed, options: names.sort() };
      i += n - 1;
      break;
    }
  }
  return { matches, ...(ambiguous ? { ambiguous } : {}) };
}

type Sound = { key: string; skel: string };
/** An index's aliases by the length of their sound key, and its one-word aliases by skeleton (three letters or more). */
interface FuzzyKeys {
  byLength: Map<number, string[]>;
  bySkeleton: Map<string, string[]>;
}
const SOUND_KEYS = new WeakMap<MerchantIndex, FuzzyKeys>();
/** Per alias, so the aliases users share share these too. */
const ALIAS_SOUNDS = new Map<string, Sound>();
/** Distinct aliases kept; past it the table starts again. */
const ALIAS_SOUNDS_LIMIT = 200_000;

/** An alias's spelling-insensitive key and consonant skeleton. */
function soundOf(alias: string): Sound {
  let sound = ALIAS_SOUNDS.get(alias);
  if (!sound) {
    if (ALIAS_SOUNDS.size >= ALIAS_SOUNDS_LIMIT) ALIAS_SOUNDS.clear();
    sound = { key: soundKey(alias), skel: alias.includes(' ') ? '' : skeleton(alias) };
    ALIAS_SOUNDS.set(alias, sound);
  }
  return sound;
}

/** Each alias's sound key and skeleton, grouped once per index, the first time a word needs them. */
function soundKeys(index: MerchantIndex): FuzzyKeys {
  let keys = SOUND_KEYS.get(index);
  if (keys) return keys;
  keys = { byLength: new Map(), bySkeleton: new Map() };
  for (const alias of index.aliases.keys()) {
    const sound = soundOf(alias);
    pushTo(keys.byLength, sound.key.length, alias);
    if (sound.skel.length >= 3) pushTo(keys.bySkeleton, sound.skel, alias);
  }
  SOUND_KEYS.set(index, keys);
  return keys;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The aliases a typed key can be close enough to: no rule below forgives more than two edits, and an edit
 * distance is at least the difference in length, so only keys within two letters of its length, and
 * one-word aliases whose skeleton is what was typed.
 */
function nearAliases(index: MerchantIndex, key: string, typed: string, oneWord: boolean): string[] {
  const keys = soundKeys(index);
  const out: string[] = [];
  for (let length = key.length - 2; length <= key.length + 2; length++)
    for (const alias of keys.byLength.get(length) ?? []) out.push(alias);
  if (oneWord) for (const alias of keys.bySkeleton.get(typed) ?? []) out.push(alias);
  return out;
}

/** Typos and abbreviations ("starbux", "amzn") for free words the dictionary does not know. */
export function findMerchantsFuzzy(
  tokens: Token[],
  index: MerchantIndex,
  free: boolean[],
  onAmbiguous?: (ambiguity: Ambiguity, where: EntityMatch<string>) => void,
): EntityMatch<string>[] {
  const out: EntityMatch<string>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let n = 2; n >= 1; n--) {
      if (i + n > tokens.length || !free.slice(i, i + n).every(Boolean)) continue;
      const words = tokens.slice(i, i + n).map((t) => t.text);
      const known = words.filter((w) => COMMON_WORDS.has(w) || index.dictionary.has(w)).length;
      // Two words may hold one dictionary word when the other is misspelt ("home depo", "air bnb").
      if (n === 1 ? known > 0 : known === n || words.some((w) => w.length <= 3 && COMMON_WORDS.has(w)))
        continue;
      const typed = words.join(' ');
      const key = soundKey(typed);
      if (typed.length < 3 || (known > 0 && key.length < 6)) continue;
      const hits = new Map<string, number>();
      for (const alias of nearAliases(index, key, typed, n === 1)) {
        const a = soundOf(alias);
        const d =
          a.skel.length >= 3 && n === 1 && a.skel === typed
            ? 0
            : transposed(key, a.key) || lastLetterDropped(key, a.key) || lettersSkipped(key, a.key)
              ? 1
              : distance(key, a.key);
        if (
          d <=
            (known > 0 ? 1 : Math.max(allowedEdits(typed.length), lastLetterDropped(key, a.key) ? 1 : 0)) &&
          (d === 0 || d <= Math.floor(Math.max(key.length, a.key.length) / 4))
        )
          for (const name of index.aliases.get(alias)?.names ?? [])
            hits.set(name, Math.min(d, hits.get(name) ?? 99));
      }
      const best = Math.min(...hits.values());
      const names = [...hits].filter(([, d]) => d === best).map(([name]) => name);
      if (names.length === 1 && names[0]) {
        out.push(match(tokens, i, i + n, names[0]));
        i += n - 1;
        break;
      }
      // As close to two or three of the user's merchants: which one is for the person to say, not a guess.
      if (names.length > 1 && names.length <= 3 && onAmbiguous) {
        onAmbiguous({ kind: 'merchant', text: typed, options: names.sort() }, match(tokens, i, i + n, typed));
        i += n - 1;
        break;
      }
    }
  }
  return out;
}

/** Two neighbouring letters swapped ("chevorn" for "chevron"): one slip, though Levenshtein counts two. */
export function transposed(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 4 || a === b) return false;
  const i = [...a].findIndex((c, k) => c !== b[k]);
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/**
 * Letters left out inside a name, first and last kept ("safwy" for "safeway", "mcdonls" for "mcdonalds"):
 * people type fast and skip vowels. At most two, and only in words of five letters or more.
 */
function lettersSkipped(typed: string, name: string): boolean {
  const skipped = name.length - typed.length;
  if (typed.length < 5 || skipped < 1 || skipped > 2 || typed[0] !== name[0] || typed.at(-1) !== name.at(-1))
    return false;
  let k = 0;
  for (const c of name) if (c === typed[k]) k++;
  return k === typed.length;
}

/** A short name with its last letter left off ("lyf" for "lyft"). */
function lastLetterDropped(typed: string, name: string): boolean {
  return typed.length >= 3 && name.length === typed.length + 1 && name.startsWith(typed);
}
