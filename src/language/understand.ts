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

// ---------------------------------------------------------------- rules people expect on top of the classifier

/** Intents that ask about the user's money, and so keep every entity found. */
const DATA_INTENTS: ReadonlySet<Intent> = new Set([
  'spending',
  'breakdown',
  'top',
  'compare',
  'trend',
  'balance',
  'income',
  'transactions',
  'unusual',
  'duplicates',
  'subscriptions',
  'price_rises',
]);
const SPENDING_LIKE: ReadonlySet<Intent> = new Set([
  'spending',
  'breakdown',
  'top',
  'compare',
  'trend',
  'transactions',
]);

const COMPARE_WORDS =
  /\b(vs|versus|v|compared?|comparing|comparison|against)\b|\b(more|less|cheaper|pricier|worse|better)\b.*\bthan\b/;
const BREAKDOWN_WORDS =
  /\b(break ?down|broken down|breakdwn|split)\b|\b(by|per|each|across)\s+(category|categories|merchants?|stores?|shops?|accounts?|cards?)\b/;
const TREND_WORDS = /\b(month by month|month over month|over time|trend(s|ed|ing)?)\b/;
const TOP_WORDS =
  /\b(top|biggest|largest|most)\b.*\b(merchants?|categor(y|ies)|stores?|shops?|places?|compan(y|ies))\b/;
const BALANCE_WORDS = /\bhow much (money|cash)\b.*\b(do i have|have i got|is left|i have)\b/;

interface Extra {
  categories: EntityMatch<CategoryRef>[];
  merchants: EntityMatch<string>[];
  top: number | undefined;
}

/** Wording people expect to be decisive ("X vs Y", "by merchant", "biggest merchant"), plus group-by, top, toggle and correction. */
function applyHeuristics(text: string, tokens: Token[], frame: Frame, extra: Extra): Frame {
  const lower = tokens.map((t) => t.text).join(' ');
  let intent = frame.intent;
  const many =
    frame.periods.length >= 2 ||
    frame.categories.length >= 2 ||
    frame.merchants.length >= 2 ||
    frame.accounts.length >= 2;
  if (
    intent !== 'compare' &&
    (SPENDING_LIKE.has(intent) || intent === 'none') &&
    COMPARE_WORDS.test(lower) &&
    (many || /\bcompar/.test(lower) || frame.periods.length === 1)
  )
    intent = 'compare';
  else if (
    (intent === 'spending' || intent === 'none') &&
    BALANCE_WORDS.test(lower) &&
    !/\bspen[dt]\b/.test(lower)
  )
    intent = 'balance';
  else if (
    (intent === 'spending' || intent === 'breakdown') &&
    TOP_WORDS.test(lower) &&
    !/\b(purchases?|transactions?|charges?)\b/.test(lower)
  )
    intent = 'top';
  else if (intent === 'spending' && BREAKDOWN_WORDS.test(lower)) intent = 'breakdown';
  else if ((intent === 'spending' || intent === 'breakdown') && TREND_WORDS.test(lower)) intent = 'trend';
  const out: Frame = { ...frame, intent };
  if (intent === 'breakdown') out.groupBy = groupByFor(lower);
  if (intent === 'top') {
    out.groupBy = /\bcategor/.test(lower) ? 'category' : 'merchant';
    const singular = /\b(merchant|category|store|shop|place|company|vendor)\b/.test(lower);
    const top = extra.top ?? (singular ? 1 : undefined);
    if (top !== undefined) out.top = top;
  }
  if (intent === 'transactions' && extra.top !== undefined) out.top = extra.top;
  if (intent === 'alerts') {
    const toggle = alertToggle(lower);
    if (toggle !== undefined) out.toggle = toggle;
  }
  if (intent === 'correct_category') {
    const correction = correctionOf(text, tokens, extra);
    if (correction) out.correction = correction;
  }
  return out;
}

function groupByFor(lower: string): NonNullable<Frame['groupBy']> {
  if (/\b(by|per|each)\s+month\b|\bmonthly\b/.test(lower)) return 'month';
  if (/\b(by|per|each|across|which)\s+(\w+\s+)?(accounts?|cards?)\b/.test(lower)) return 'account';
  if (/\b(merchants?|stores?|shops?|places?|restaurants?|compan(y|ies)|vendors?)\b/.test(lower))
    return 'merchant';
  return 'category';
}

/** "turn alerts off" → false, "alerts on" → true, "alert settings" → undefined. */
export function alertToggle(lower: string): boolean | undefined {
  if (/\b(unmute|resume|back on)\b/.test(lower)) return true;
  if (/\b(off|stop|stops|disable|mute|silence|pause|quit|unsubscribe|dont|no more|nothing)\b/.test(lower))
    return false;
  if (/\b(on|enable|start|want|send|notify|warn|let me know|text me|set up|alert me)\b/.test(lower))
    return true;
  return undefined;
}

const NEGATION = new Set(['not', 'isnt', 'arent', 'from', 'instead', 'nor']);
const CORRECTION_VERB =
  /^(?:please\s+)?(?:put|move|file|categori[sz]e|re-?categori[sz]e|mark|label|classify|treat|change|set|fix|make)\s+(?:the\s+category\s+(?:of|for)\s+)?(.+?)\s+(?:under|as|to|in|into|from|is)\b/i;
const CORRECTION_COPULA = /^(.+?)\s+(?:is|are|isnt|isn't|should|belongs|counts|goes|go)\b/i;

/** "Blue Bottle is coffee", "put uber under transport": which merchant, and the category it should be (not the one negated). */
function correctionOf(text: string, tokens: Token[], extra: Extra): Frame['correction'] {
  if (extra.categories.length === 0) return undefined;
  const positive = extra.categories.filter(
    (c) => !tokens.slice(Math.max(0, c.from - 2), c.from).some((t) => NEGATION.has(t.text)),
  );
  const category = (positive.length > 0 ? positive : extra.categories).at(-1)?.value;
  if (!category) return undefined;
  let merchantText = extra.merchants[0]?.text;
  if (!merchantText) {
    const m = CORRECTION_VERB.exec(text) ?? CORRECTION_COPULA.exec(text);
    merchantText = m?.[1]
      ?.toLowerCase()
      .replace(/^(that|the|this|my|all)\s+/, '')
      .replace(/\s+(charges?|purchases?|transactions?|payments?)$/, '')
      .trim();
  }
  return merchantText ? { merchantText, category } : undefined;
}

/** Drops what a reply to this intent cannot use ("good morning" is not a period to a greeting). */
/** Words without which nothing is ever removed: a bare "my amex" must not start unlinking. */
const DESTRUCTIVE_WORDS =
  /\b(un-?link|de-?link|remov|disconn?ec?t|delet|eras|forget|wipe|drop|purge|get rid|clear|close|stop (tracking|using|watching)|opt.?out|no longer|any ?more|revoke|gdpr)/i;

/**
 * Guards on the classifier: destructive intents need a destructive word, and an unclear message that
 * names a category, merchant or account is read as a spending question about it.
 */
function guardIntent(text: string, frame: Frame): Frame {
  const hasEntities =
    frame.periods.length > 0 || frame.categories.length > 0 || frame.merchants.length > 0 || frame.accounts.length > 0;
  if ((frame.intent === 'unlink_account' || frame.intent === 'delete_data') && !DESTRUCTIVE_WORDS.test(text)) {
    return { ...frame, intent: hasEntities ? 'spending' : 'none' };
  }
  if (frame.intent === 'trend' && !/trend|over time|month (by|to|on) month|monthly|each month|per month|every month|history|graph|chart|progress|going (up|down)|increas|decreas|rising|growing|climbing|dropping|lately|more and more|creeping/i.test(text)) {
    return { ...frame, intent: 'spending' };
  }
  const hasSubject = frame.categories.length > 0 || frame.merchants.length > 0 || frame.accounts.length > 0;
  if (
    (frame.intent === 'none' && (hasSubject || frame.ambiguous)) ||
    (frame.intent === 'correct_category' && frame.categories.length === 0 && !frame.correction && hasSubject)
  ) {
    return { ...frame, intent: 'spending' };
  }
  return frame;
}

function keepEntitiesFor(frame: Frame): Frame {
  if (DATA_INTENTS.has(frame.intent)) {
    if (frame.intent === 'subscriptions' || frame.intent === 'price_rises')
      frame.categories = frame.categories.filter((c) => c.key !== 'subscriptions');
    if (frame.intent !== 'transactions' && frame.intent !== 'top') delete frame.top;
    return frame;
  }
  const bare: Frame = {
    intent: frame.intent,
    confidence: frame.confidence,
    periods: [],
    categories: [],
    merchants: [],
    accounts: [],
  };
  if (frame.intent === 'link_account' || frame.intent === 'unlink_account') {
    bare.accounts = frame.accounts;
    if (frame.ambiguous?.kind === 'account') bare.ambiguous = frame.ambiguous;
  }
  if (frame.intent === 'correct_category') {
    bare.merchants = frame.merchants;
    bare.categories = frame.categories;
    if (frame.correction) bare.correction = frame.correction;
  }
  if (frame.toggle !== undefined) bare.toggle = frame.toggle;
  return bare;
}
