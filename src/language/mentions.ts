/**
 * Everything a message mentions, with where: periods, an amount limit, categories, merchants and accounts,
 * and which words none of them took. The classifier sees the text with these masked; the query reads their
 * positions ("food except groceries": which category comes after "except").
 */
import { findAmountRange } from './amounts.ts';
import { isEnglishWord } from './english.ts';
import { findAccounts } from './accounts.ts';
import { findBrands, type BrandIndex } from './brands.ts';
import {
  COMMON_WORDS,
  findCategories,
  tokenize,
  type Ambiguity,
  type CategoryLexicon,
  type EntityMatch,
  type Token,
  type WordSet,
} from './entities.ts';
import {
  findMerchantsExact,
  findMerchantsFuzzy,
  indexMerchants,
  type MerchantIndex,
} from './merchant-index.ts';
import type { LuExample } from './lu.ts';
import { allMatches } from './matches.ts';
import { findPeriods } from './periods/index.ts';
import type { AmountRange, CategoryRef, PeriodMatch, UserVocabulary } from './types.ts';

export interface Span {
  index: number;
  length: number;
  name: string;
}

export interface Mentions {
  tokens: Token[];
  /** Tokens that no period, amount, category, merchant or account took. */
  free: boolean[];
  spans: Span[];
  periods: PeriodMatch[];
  /** "next month", "the rest of the year": periods asked about that have not happened yet. */
  future: { index: number; length: number }[];
  categories: EntityMatch<CategoryRef>[];
  merchants: EntityMatch<string>[];
  /** Well-known merchants named that are not in the user's data ("Best Buy" for someone who never paid it). */
  brands: EntityMatch<string>[];
  accounts: EntityMatch<number>[];
  amount?: { range: AmountRange; index: number; length: number };
  ambiguous?: Ambiguity;
}

/**
 * Ordinary verbs whose words would otherwise read as names or categories: "shell out" is not Shell, "stack
 * up" is not Shake Shack, "add up" is nobody, and cash "taken out" is not a takeaway.
 */
const PHRASAL =
  /\b(?:shell(?:s|ed|ing)?\s+out|fork(?:s|ed|ing)?\s+out|cough(?:s|ed|ing)?\s+up|stack(?:s|ed|ing)?\s+up|add(?:s|ed|ing)?\s+up|rack(?:s|ed|ing)?\s+up|splash(?:es|ed|ing)?\s+out|burn(?:s|ed|t|ing)?\s+through|chuck(?:s|ed|ing)?\s+away|(?<=\b(?:cash|money)\b(?:\s+\w+){0,3}\s+)(?:take|takes|took|taken|taking)\s+out|(?:take|takes|took|taken|taking)\s+out(?=\s+(?:\w+\s+){0,2}?(?:cash|money)\b|\s+(?:of|from)\s+(?:the\s+|an\s+)?(?:atm|cash ?point|cash machine)\b))\b/gi;

/** Interest the person paid or was charged, not interest paid to them: "how much interest did I pay". */
const INTEREST_PAID =
  /\b(?:pay|pays|paid|paying)\b(?! (?:me|us)\b)|\b(?:charged?|charges|charging|cost|costs|owe|owed|lose|lost)\b/i;
const INTEREST_EARNED =
  /\b(?:earn|earns|earned|earning|receive|received|got|get|gets|paid (?:me|us)|pays? (?:me|us))\b/i;

/** "Interest" is interest earned unless the words say it was paid: then it is the interest charged. */
function interestPaidOrEarned(
  text: string,
  found: EntityMatch<CategoryRef>[],
  lexicon: CategoryLexicon,
): EntityMatch<CategoryRef>[] {
  const earned = (m: EntityMatch<CategoryRef>) =>
    m.value.codes.length === 1 && m.value.codes[0] === 'INCOME_INTEREST_EARNED';
  if (!found.some(earned) || !INTEREST_PAID.test(text) || INTEREST_EARNED.test(text)) return found;
  const charged = lexicon.phrases.get('interest charges');
  return charged ? found.map((m) => (earned(m) ? { ...m, value: charged } : m)) : found;
}

function phrasalSpans(text: string): { index: number; length: number }[] {
  return allMatches(text, PHRASAL).map((m) => ({ index: m.index, length: m[0].length }));
}

/**
 * Words about kinds of day or month, not a particular one: "which day of the week", "what month", "a week" as
 * a rate. Blanked before periods are looked for, so they are never read as one (nor sent to the slow
 * recognizer, which they would otherwise wake). "Capital One last week" names a card, not one week, and
 * "the APR" is a rate, not April.
 */
const NOT_PERIOD =
  /\bcapital one\b|\b(?:the|an|my|whats|what's|what is) apr\b|\b(?:days?|time) of (?:the )?(?:week|month)\b|\b(?:per|a|each|every) (?:day|week|month|year|fortnight)\b(?! (?:ago|back|before|earlier|later|from|since|or so))|\b(?:which|what|whichever|what's the|whats the) (?:day|week|month|year|quarter|weekday)s?\b(?! (?:ago|before|after|of|in|is it))|\b(?:my|the|a|an|our) (?:(?:most|least) (?!last|this|next|past|previous)\w+|(?!lat)\w+est|best|worst) (?:day|week|month|year|quarter|weekday)s?\b/gi;
/** Periods in the future: no statement covers them, so they are said back rather than resolved. */
const FUTURE =
  /\b(?:next|coming|upcoming|following) (?:week|weekend|month|year|quarter|fortnight|few (?:days|weeks|months))\b|\b(?:the )?rest of (?:the|this) (?:week|month|year)\b|\bby the end of (?:the|this) (?:week|month|year)\b|\bin (?:the )?future\b/gi;

function spansOf(text: string, pattern: RegExp): { index: number; length: number }[] {
  return allMatches(text, pattern).map((m) => ({ index: m.index, length: m[0].length }));
}

function blank(text: string, spans: readonly { index: number; length: number }[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.index) + ' '.repeat(s.length) + out.slice(s.index + s.length);
  return out;
}

/** The words a person might type that are not names: what the fuzzy matchers must not "correct". */
export function buildDictionary(examples: readonly LuExample[], lexicon: CategoryLexicon): WordSet {
  const dict = new Set<string>(COMMON_WORDS);
  for (const ex of examples) {
    let plain = ex.text;
    for (const e of ex.entities)
      plain = plain.slice(0, e.start) + ' '.repeat(e.end - e.start) + plain.slice(e.end);
    for (const t of tokenize(plain)) dict.add(t.text);
  }
  for (const phrase of lexicon.phrases.keys()) for (const w of phrase.split(' ')) dict.add(w);
  // Every finder asks about the same few words of a message, and English is the same for every message.
  const english = new Map<string, boolean>();
  return {
    has: (word) => {
      if (dict.has(word)) return true;
      let known = english.get(word);
      if (known === undefined) {
        if (english.size >= 20_000) english.clear();
        english.set(word, (known = isEnglishWord(word)));
      }
      return known;
    },
  };
}

/** Marks tokens inside the character spans as taken. */
function claim(tokens: Token[], free: boolean[], spans: readonly { index: number; length: number }[]): void {
  tokens.forEach((t, i) => {
    if (spans.some((s) => t.index < s.index + s.length && s.index < t.index + t.length)) free[i] = false;
  });
}

function claimMatches(free: boolean[], matches: readonly EntityMatch<unknown>[]): void {
  for (const m of matches) for (let i = m.from; i < m.to; i++) free[i] = false;
}

function tokenSpan(tokens: Token[], m: EntityMatch<unknown>, name: string): Span {
  const first = tokens[m.from];
  const last = tokens[m.to - 1];
  return first && last
    ? { index: first.index, length: last.index + last.length - first.index, name }
    : { index: 0, length: 0, name };
}

export type FindMentions = (
  text: string,
  day: string,
  vocabulary: UserVocabulary | undefined,
  marked: readonly Span[],
) => Mentions;

/** The finder, sharing one dictionary and category table; merchant indexes are kept per vocabulary. */
export function mentionFinder(
  lexicon: CategoryLexicon,
  dictionary: WordSet,
  brandIndex?: BrandIndex,
): FindMentions {
  const categoryWords = new Set([...lexicon.phrases.keys()].flatMap((p) => p.split(' ')));
  const merchantIndexes = new WeakMap<readonly string[], MerchantIndex>();
  const ownNames = new WeakMap<readonly string[], Set<string>>();
  return (text, day, vocabulary, marked) => {
    const tokens = tokenize(text);
    const free = tokens.map(() => true);
    claim(tokens, free, marked);
    const spans: Span[] = [...marked];
    const future = spansOf(text, FUTURE);
    // The amount first: "over 500 last month" is $500 in February, not 500 months.
    const amount = findAmountRange(blank(text, marked));
    const notPeriods = [...marked, ...spansOf(text, NOT_PERIOD), ...future, ...(amount ? [amount] : [])];
    const periods = findPeriods(blank(text, notPeriods), day);
    spans.push(...periods.map((p) => ({ index: p.index, length: p.length, name: 'period' })));
    spans.push(...future.map((f) => ({ ...f, name: 'period' })));
    if (amount) spans.push({ index: amount.index, length: amount.length, name: 'amount' });
    claim(tokens, free, spans);
    const phrasal = tokens.map(() => true);
    claim(tokens, phrasal, phrasalSpans(text));
    const open = free.map((f, i) => f && (phrasal[i] ?? true));
    let ambiguous: Ambiguity | undefined;
    let merchants: EntityMatch<string>[] = [];
    let accounts: EntityMatch<number>[] = [];
    let index: MerchantIndex | undefined;
    if (vocabulary) {
      index = merchantIndexes.get(vocabulary.merchants);
      if (!index)
        merchantIndexes.set(
          vocabulary.merchants,
          (index = indexMerchants(vocabulary.merchants, dictionary, categoryWords)),
        );
      const exact = findMerchantsExact(tokens, index, open);
      merchants = exact.matches;
      ambiguous = exact.ambiguous;
      claimMatches(open, merchants);
      const acc = findAccounts(tokens, vocabulary.accounts, open, dictionary);
      accounts = acc.matches;
      ambiguous ??= acc.ambiguous;
      claimMatches(open, accounts);
    }
    let brands: EntityMatch<string>[] = [];
    if (vocabulary && brandIndex) {
      let own = ownNames.get(vocabulary.merchants);
      if (!own)
        ownNames.set(vocabulary.merchants, (own = new Set(vocabulary.merchants.map((m) => m.toLowerCase()))));
      brands = findBrands(text, tokens, open, brandIndex, own, dictionary);
      claimMatches(open, brands);
    }
    const categories = interestPaidOrEarned(text, findCategories(tokens, lexicon, open, dictionary), lexicon);
    claimMatches(open, categories);
    if (index) {
      const fuzzy = findMerchantsFuzzy(tokens, index, open, (a, where) => {
        ambiguous ??= a;
        // Masked as a merchant, so "panora last month" reads as a question about a payee still to be named.
        spans.push(tokenSpan(tokens, where, 'merchant'));
        claimMatches(open, [where]);
        claimMatches(free, [where]);
      });
      merchants = [...merchants, ...fuzzy].sort((a, b) => a.from - b.from);
      claimMatches(open, fuzzy);
    }
    claimMatches(free, [...merchants, ...accounts, ...categories, ...brands]);
    spans.push(...[...merchants, ...brands].map((m) => tokenSpan(tokens, m, 'merchant')));
    spans.push(...accounts.map((m) => tokenSpan(tokens, m, 'account')));
    spans.push(...categories.map((m) => tokenSpan(tokens, m, 'category')));
    return {
      tokens,
      free,
      spans,
      periods,
      future,
      categories,
      merchants,
      accounts,
      brands,
      ...(amount ? { amount } : {}),
      ...(ambiguous ? { ambiguous } : {}),
    };
  };
}
