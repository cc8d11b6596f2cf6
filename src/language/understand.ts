/** Turns a message into a Frame: the intent, and the periods, categories, merchants and accounts it names. */
import { findAmountRange, findTopN } from './amounts.ts';
import { trainClassifier, type TextClassifier } from './classifier.ts';
import {
  COMMON_WORDS,
  findAccounts,
  findCategories,
  findMerchantsExact,
  findMerchantsFuzzy,
  indexMerchants,
  loadCategorySynonyms,
  tokenize,
  type Ambiguity,
  type CategoryLexicon,
  type EntityMatch,
  type MerchantIndex,
  type Token,
} from './entities.ts';
import { loadLuFolder, type LuExample, type LuProblem } from './lu.ts';
import { applyHeuristics, guardIntent, keepEntitiesFor } from './frame-rules.ts';
import { findPeriods } from './periods/index.ts';
import { INTENTS, type CategoryRef, type Frame, type Intent, type UserVocabulary } from './types.ts';

export interface Understanding {
  /** Never throws; odd input gives intent 'none'. */
  understand(text: string, today: string, vocabulary: UserVocabulary): Frame;
  /** Problems found in the `.lu` files; examples with problems are left out of training. */
  problems: LuProblem[];
  /** Milliseconds spent at start-up: reading, masking and training. */
  trainMs: number;
  /** Of which fitting the classifier. */
  fitMs: number;
  /** The bare classifier on already-masked text (for measuring). */
  classifyMasked(masked: string): { label: string; confidence: number };
}

export interface UnderstandingOptions {
  luDir: string;
  synonymsFile: string;
  /** Below this classifier probability the intent is 'none'. */
  minConfidence?: number;
  classifier?: 'logistic' | 'bayes';
}

/** Longest message looked at; beyond this people are pasting, not asking. */
export const MAX_INPUT = 500;
const PLACEHOLDER_ENTITIES = new Set(['category', 'merchant', 'account', 'period', 'amount']);

interface Span {
  index: number;
  length: number;
  name: string;
}

/** Replaces each span by `{name}` so the classifier sees "how much on {merchant} {period}". */
export function maskSpans(text: string, spans: readonly Span[]): string {
  let out = '';
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.index - b.index)) {
    if (s.index < at) continue;
    out += `${text.slice(at, s.index)} {${s.name}} `;
    at = s.index + s.length;
  }
  return (out + text.slice(at)).replace(/\s+/g, ' ').trim();
}

function tokenSpan(tokens: Token[], m: EntityMatch<unknown>, name: string): Span {
  const first = tokens[m.from];
  const last = tokens[m.to - 1];
  return first && last
    ? { index: first.index, length: last.index + last.length - first.index, name }
    : { index: 0, length: 0, name };
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

/** The words a person might type that are not names: what the fuzzy matchers must not "correct". */
function buildDictionary(examples: readonly LuExample[], lexicon: CategoryLexicon): Set<string> {
  const dict = new Set<string>(COMMON_WORDS);
  for (const ex of examples) {
    let plain = ex.text;
    for (const e of ex.entities)
      plain = plain.slice(0, e.start) + ' '.repeat(e.end - e.start) + plain.slice(e.end);
    for (const t of tokenize(plain)) dict.add(t.text);
  }
  for (const phrase of lexicon.phrases.keys()) for (const w of phrase.split(' ')) dict.add(w);
  return dict;
}

interface Found {
  tokens: Token[];
  spans: Span[];
  periods: Frame['periods'];
  categories: EntityMatch<CategoryRef>[];
  merchants: EntityMatch<string>[];
  accounts: EntityMatch<number>[];
  amount?: Frame['amount'];
  ambiguous?: Ambiguity;
}

/**
 * Loads the `.lu` examples and category synonyms, trains the classifier, and returns the understanding.
 * Examples are masked with the same entity finders used at run time, so training and use see the same text.
 */
export async function createUnderstanding(options: UnderstandingOptions): Promise<Understanding> {
  const started = performance.now();
  const [doc, lexicon] = await Promise.all([
    loadLuFolder(options.luDir),
    loadCategorySynonyms(options.synonymsFile),
  ]);
  const known = new Set<string>(INTENTS);
  const examples = [...doc.intents]
    .filter(([intent]) => known.has(intent))
    .flatMap(([intent, exs]) => exs.map((ex) => ({ ex, intent })));
  const dictionary = buildDictionary(
    examples.map((e) => e.ex),
    lexicon,
  );
  const categoryWords = new Set([...lexicon.phrases.keys()].flatMap((p) => p.split(' ')));
  const merchantIndexes = new WeakMap<readonly string[], MerchantIndex>();
  const today = new Date().toISOString().slice(0, 10);

  const find = (
    text: string,
    day: string,
    vocabulary: UserVocabulary | undefined,
    marked: readonly Span[],
  ): Found => {
    const tokens = tokenize(text);
    const free = tokens.map(() => true);
    claim(tokens, free, marked);
    const spans: Span[] = [...marked];
    const periodMatches = findPeriods(text, day).filter(
      (p) => !marked.some((s) => p.index < s.index + s.length && s.index < p.index + p.length),
    );
    spans.push(...periodMatches.map((p) => ({ index: p.index, length: p.length, name: 'period' })));
    const amount = findAmountRange(text);
    if (amount) spans.push({ index: amount.index, length: amount.length, name: 'amount' });
    claim(tokens, free, spans);
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
      const exact = findMerchantsExact(tokens, index, free);
      merchants = exact.matches;
      ambiguous = exact.ambiguous;
      claimMatches(free, merchants);
      const acc = findAccounts(tokens, vocabulary.accounts, free, dictionary);
      accounts = acc.matches;
      ambiguous ??= acc.ambiguous;
      claimMatches(free, accounts);
    }
    const categories = findCategories(tokens, lexicon, free, dictionary);
    claimMatches(free, categories);
    if (index) {
      const fuzzy = findMerchantsFuzzy(tokens, index, free);
      merchants = [...merchants, ...fuzzy].sort((a, b) => a.from - b.from);
    }
    spans.push(...merchants.map((m) => tokenSpan(tokens, m, 'merchant')));
    spans.push(...accounts.map((m) => tokenSpan(tokens, m, 'account')));
    spans.push(...categories.map((m) => tokenSpan(tokens, m, 'category')));
    return {
      tokens,
      spans,
      periods: periodMatches.map((p) => p.period),
      categories,
      merchants,
      accounts,
      ...(amount ? { amount: amount.range } : {}),
      ...(ambiguous ? { ambiguous } : {}),
    };
  };

  const training = examples.map(({ ex, intent }) => {
    const marked = ex.entities
      .filter((e) => PLACEHOLDER_ENTITIES.has(e.name))
      .map((e) => ({ index: e.start, length: e.end - e.start, name: e.name }));
    const found = find(ex.text, today, undefined, marked);
    return { text: maskSpans(ex.text, found.spans), label: intent };
  });
  const fitStarted = performance.now();
  const classifier: TextClassifier = trainClassifier(training, { kind: options.classifier ?? 'logistic' });
  const minConfidence = options.minConfidence ?? 0.3;
  const trainMs = performance.now() - started;
  const fitMs = performance.now() - fitStarted;

  const understand = (rawText: string, day: string, vocabulary: UserVocabulary): Frame => {
    try {
      const text = String(rawText ?? '').slice(0, MAX_INPUT);
      if (!/[\p{L}\p{N}]/u.test(text)) return emptyFrame();
      const found = find(text, day, vocabulary, []);
      const masked = maskSpans(text, found.spans);
      const best = classifier.classify(masked);
      const intent: Intent =
        best.confidence >= minConfidence && known.has(best.label) ? (best.label as Intent) : 'none';
      const frame = applyHeuristics(
        text,
        found.tokens,
        {
          intent,
          confidence: best.confidence,
          periods: found.periods,
          categories: uniqueBy(
            found.categories.map((m) => m.value),
            (c) => c.key,
          ),
          merchants: [...new Set(found.merchants.map((m) => m.value))],
          accounts: [...new Set(found.accounts.map((m) => m.value))],
          ...(found.amount ? { amount: found.amount } : {}),
          ...(found.ambiguous ? { ambiguous: found.ambiguous } : {}),
        },
        { categories: found.categories, merchants: found.merchants, top: findTopN(text)?.n },
      );
      return keepEntitiesFor(guardIntent(text, frame));
    } catch {
      return emptyFrame();
    }
  };

  return {
    understand,
    problems: doc.problems,
    trainMs,
    fitMs,
    classifyMasked: (masked) => classifier.classify(masked),
  };
}

function emptyFrame(): Frame {
  return { intent: 'none', confidence: 0, periods: [], categories: [], merchants: [], accounts: [] };
}

function uniqueBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => (seen.has(key(t)) ? false : (seen.add(key(t)), true)));
}
