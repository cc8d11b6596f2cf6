/**
 * Merchants people name that are not in their own data: the well-known chains and billers of
 * `data/merchants.csv`. A name found here but not among the user's merchants is said back ("I don't see any
 * payments to Best Buy"), and its words are never read as a category ("whole foods" is not food, "planet
 * fitness" is not fitness).
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import {
  COMMON_WORDS,
  match,
  longestPhrases,
  tokenize,
  type EntityMatch,
  type Token,
  type WordSet,
} from './entities.ts';

export interface BrandIndex {
  /** Lower-case words of a name (and of the name without "Market", "Inc"…) → the name. */
  phrases: Map<string, string>;
  maxWords: number;
}

/** One-word shop names that are read as the ordinary word far more often than as the shop. */
const TOO_ORDINARY = new Set(
  'budget dollar three exact rain crazy lucky loves bird lift dish game ring savers tops discover container clicks builders travelers fullers'.split(
    ' ',
  ),
);
const TAIL = new Set([
  'market',
  'markets',
  'inc',
  'co',
  'llc',
  'ltd',
  'plc',
  'store',
  'stores',
  'supermarket',
  'supermarkets',
]);

/** Builds the index from merchant names, leaving out any that are also words for a category. */
export function indexBrands(names: readonly string[], isCategory: (phrase: string) => boolean): BrandIndex {
  const phrases = new Map<string, string>();
  let maxWords = 1;
  const add = (words: string[], name: string): void => {
    const phrase = words.join(' ');
    if (phrase.length < 3 || /^\d+$/.test(phrase) || isCategory(phrase) || phrases.has(phrase)) return;
    // "@home" must not make "at home" a shop, nor "on budget" a car hire.
    if (words.length === 1 && (COMMON_WORDS.has(phrase) || TOO_ORDINARY.has(phrase))) return;
    phrases.set(phrase, name);
    maxWords = Math.max(maxWords, words.length);
  };
  for (const name of names) {
    const all = tokenize(name).map((t) => t.text);
    if (all.length === 0) continue;
    add(all, name);
    // "The Home Depot" is "home depot" to most people.
    const words = all.length > 1 && all[0] === 'the' ? all.slice(1) : all;
    if (words !== all) add(words, name);
    let core = words;
    while (core.length > 1 && TAIL.has(core.at(-1) ?? '')) core = core.slice(0, -1);
    if (core !== words) add(core, name);
    if (core.length > 1) add([core.join('')], name);
  }
  return { phrases, maxWords };
}

/** Reads `merchant` names from a `pattern,merchant,…` table; a missing file gives an empty index. */
export async function loadBrands(file: string, isCategory: (phrase: string) => boolean): Promise<BrandIndex> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { phrases: new Map(), maxWords: 1 };
  }
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  return indexBrands([...new Set(rows.map((r) => r.merchant ?? '').filter(Boolean))], isCategory);
}

const SLOT_BEFORE = new Set(['at', 'from', 'with', 'to', 'on', 'in', 'paid', 'pay', 'and', 'or', 'vs']);
const NOUN_AFTER =
  /^(?:charges?|purchases?|payments?|transactions?|orders?|bills?|spending|spend|subscriptions?|trips?|visits?|receipts?|account|card|gas|petrol|fuel)$/;

/**
 * Brand names on free tokens that are not the user's own merchants. A one-word brand that is also an English
 * word ("shell", "next", "boots", "target") counts only where a name goes: after "at"/"from", before
 * "charges" or "gas", or capitalised in the middle of a sentence.
 */
export function findBrands(
  text: string,
  tokens: Token[],
  free: boolean[],
  index: BrandIndex,
  own: ReadonlySet<string>,
  dictionary: WordSet,
): EntityMatch<string>[] {
  return longestPhrases(tokens, free, index.maxWords, (phrase, i, n) => {
    const name = index.phrases.get(phrase);
    if (!name || own.has(name.toLowerCase())) return undefined;
    if (n === 1 && dictionary.has(tokens[i]?.text ?? '') && !placedAsName(text, tokens, i, i + n))
      return undefined;
    return name;
  }).map((p) => match(tokens, p.from, p.from + p.words, p.value));
}

function placedAsName(text: string, tokens: Token[], from: number, to: number): boolean {
  if (SLOT_BEFORE.has(tokens[from - 1]?.text ?? '')) return true;
  if (NOUN_AFTER.test(tokens[to]?.text ?? '')) return true;
  const first = tokens[from];
  const letter = first ? (text[first.index] ?? '') : '';
  return from > 0 && letter !== letter.toLowerCase();
}
