/**
 * The user's merchant names as a searchable index: each name's aliases (whole, shortened, initialisms), found
 * exactly in what people type or, for a word that is not English, by a typo or sound-alike match.
 */
import { distance } from 'fastest-levenshtein';
import {
  type WordSet,
  type Token,
  type EntityMatch,
  type Ambiguity,
  tokenize,
  longestPhrases,
  COMMON_WORDS,
  GENERIC_TAIL,
  soundKey,
  skeleton,
  allowedEdits,
  match,
} from './entities.ts';

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
  const found = longestPhrases(tokens, free, index.maxWords, (typed, _from, n) => {
    // "whole food" and "trader joe" for Whole Foods and Trader Joe's: the last word with or without its s.
    const entry =
      index.aliases.get(typed) ??
      index.aliases.get(typed.endsWith('s') ? typed.slice(0, -1) : n > 1 ? `${typed}s` : '');
    return entry && { typed, names: entry.full.size === 1 ? [...entry.full] : [...entry.names] };
  });
  for (const { from, words, value } of found) {
    const [only] = value.names;
    if (value.names.length === 1 && only) matches.push(match(tokens, from, from + words, only));
    else ambiguous ??= { kind: 'merchant', text: value.typed, options: value.names.sort() };
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
