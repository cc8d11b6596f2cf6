/** Turns a message into a Frame: the intent, the periods, categories, merchants and accounts it names, and the query it asks. */
import { dirname, join } from 'node:path';
import { findTopN } from './amounts.ts';
import { withoutCourtesy } from './courtesy.ts';
import { plainWords } from './text-speak.ts';
import { loadBrands } from './brands.ts';
import { trainClassifier, type TextClassifier } from './classifier.ts';
import { cachedLogisticClassifier } from './classifier-cache.ts';
import { cachedMasking, maskingKey } from './masked-examples-cache.ts';
import { loadCategorySynonyms } from './entities.ts';
import { loadLuFolder, type LuProblem } from './lu.ts';
import { periodAloneOf } from './coaching-ask.ts';
import { coachingDetailsOf, guardCoaching } from './pay-cycle.ts';
import { applyHeuristics, demoRequest, guardIntent, keepEntitiesFor } from './frame-rules.ts';
import { followUpCueOf } from './follow-up-cues.ts';
import { buildDictionary, mentionFinder, type Mentions, type Span } from './mentions.ts';
import { joinQuestions, pairedParts, splitQuestions, withBothFlows } from './query/split.ts';
import { reviseFrame, understandQuery } from './query/index.ts';
import { unknownNames } from './query/names.ts';
import { readingOf, type ReadingContext } from './query/reading.ts';
import { trailingSubjectParts } from './query/trailing-subject.ts';
import { moneyIntentOf } from './query/intent.ts';
import { accountTypeOf, ordinalOf, yesNoOf } from './short-answers.ts';
import { budgetRepliesOf, COACHING_INTENTS, coachingFrame, readCoaching } from './coaching.ts';
import { DATA_INTENTS, INTENTS, type Frame, type Intent, type UserVocabulary } from './types.ts';

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
  /** Known merchants (`pattern,merchant,…`); by default `merchants.csv` beside the synonyms file. */
  merchantsFile?: string;
  /** Below this classifier probability the intent is 'none'. */
  minConfidence?: number;
  classifier?: 'logistic' | 'bayes';
  /** A folder to keep the fitted model in between start-ups (see classifier-cache.ts); none by default. */
  modelCacheDir?: string;
}

/** Longest message looked at; beyond this people are pasting, not asking. */
export const MAX_INPUT = 500;
const MONEY_QUESTIONS: ReadonlySet<Intent> = new Set(DATA_INTENTS);
/** An order to move an amount of money, which Tally cannot carry out. */
const MOVES_MONEY =
  /^(?:please |pls |can you |could you )?(?:transfer|move|send|wire|pay|deposit|withdraw|lend)\b.*(?:[$£€]\s?\d|\b\d+(?:\.\d+)?\s*(?:dollars|bucks|pounds|quid|euros|k)\b|\b(?:money|cash|funds)\b)/i;
const PLACEHOLDER_ENTITIES = new Set(['category', 'merchant', 'account', 'period', 'amount']);

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
  const merchantsFile = options.merchantsFile ?? join(dirname(options.synonymsFile), 'merchants.csv');
  const brands = await loadBrands(merchantsFile, (phrase) => lexicon.phrases.has(phrase));
  const known = new Set<string>(INTENTS);
  const examples = [...doc.intents]
    .filter(([intent]) => known.has(intent))
    .flatMap(([intent, exs]) => exs.map((ex) => ({ ex, intent })));
  const dictionary = buildDictionary(
    examples.map((e) => e.ex),
    lexicon,
  );
  const today = new Date().toISOString().slice(0, 10);
  const find = mentionFinder(lexicon, dictionary, brands);

  const mask = () =>
    examples.map(({ ex, intent }) => {
      const marked = ex.entities
        .filter((e) => PLACEHOLDER_ENTITIES.has(e.name))
        .map((e) => ({ index: e.start, length: e.end - e.start, name: e.name }));
      const found = find(ex.text, today, undefined, marked);
      return { text: maskSpans(ex.text, found.spans), label: intent };
    });
  // Masking loads the date recognizer and runs every example through the finders: kept beside the model.
  const training = options.modelCacheDir
    ? cachedMasking(
        maskingKey(
          examples.map(({ ex, intent }) => [intent, ex.text, ex.entities]),
          {
            files: [options.synonymsFile, merchantsFile],
            dataDir: dirname(options.synonymsFile),
            today,
          },
        ),
        options.modelCacheDir,
        mask,
      ).examples
    : mask();
  const fitStarted = performance.now();
  const kind = options.classifier ?? 'logistic';
  const classifier: TextClassifier =
    options.modelCacheDir && kind === 'logistic'
      ? cachedLogisticClassifier(training, {}, options.modelCacheDir).classifier
      : trainClassifier(training, { kind });
  const minConfidence = options.minConfidence ?? 0.3;
  const trainMs = performance.now() - started;
  const fitMs = performance.now() - fitStarted;

  /** One question: classify the masked text, apply the rules, and read the query from the same mentions. */
  const understandOne = (
    text: string,
    day: string,
    vocabulary: UserVocabulary,
  ): { frame: Frame; mentions: Mentions } => {
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
        periods: found.periods.map((p) => p.period),
        categories: uniqueBy(
          found.categories.map((m) => m.value),
          (c) => c.key,
        ),
        merchants: [...new Set(found.merchants.map((m) => m.value))],
        accounts: [...new Set(found.accounts.map((m) => m.value))],
        ...(found.amount ? { amount: found.amount.range } : {}),
        ...(found.ambiguous ? { ambiguous: found.ambiguous } : {}),
      },
      { categories: found.categories, merchants: found.merchants, top: findTopN(text)?.n },
    );
    // "transfer $50 to savings" moves money; no budget, payday or bill is set or asked about.
    const coaching = MOVES_MONEY.test(text)
      ? undefined
      : readCoaching(text, frame.intent, frame.categories, frame.periods);
    if (coaching) return { frame: withShortAnswers(coachingFrame(frame, coaching), text), mentions: found };
    if ((COACHING_INTENTS as readonly Intent[]).includes(frame.intent)) frame.intent = 'none';
    const guarded = guardCoaching(text, guardIntent(text, frame));
    const lower = found.tokens.map((t) => t.text).join(' ');
    const payee = found.merchants.length + found.brands.length > 0;
    const subject = payee || found.categories.length > 0;
    const asked = {
      ...guarded,
      intent: moneyIntentOf(
        guarded.intent,
        lower,
        payee,
        subject && found.periods.length > 0,
        found.periods.length > 0,
      ),
    };
    const kept = withShortAnswers(keepEntitiesFor(asked), text);
    const context = { mentions: found, dictionary };
    if (kept.intent === 'unlink_account')
      return { frame: withUnknownAccounts(kept, text, vocabulary, day, context), mentions: found };
    if (!MONEY_QUESTIONS.has(kept.intent)) return { frame: kept, mentions: found };
    kept.understood = understandQuery(kept, text, vocabulary, day, context);
    return { frame: reviseFrame(kept, text, vocabulary, day, context), mentions: found };
  };

  const understand = (rawText: string, day: string, vocabulary: UserVocabulary): Frame => {
    try {
      const text = withoutCourtesy(plainWords(String(rawText ?? '').slice(0, MAX_INPUT)));
      if (!/[\p{L}\p{N}]/u.test(text)) return emptyFrame();
      const { frame, mentions } = understandAll(text, day, vocabulary);
      return withConversationCues(withCoachingDetails(frame, text, day, mentions), text);
    } catch {
      return emptyFrame();
    }
  };

  const understandAll = (
    text: string,
    day: string,
    vocabulary: UserVocabulary,
  ): { frame: Frame; mentions?: Mentions } => {
    const said = splitQuestions(text);
    const first = understandOne(said.first, day, vocabulary);
    // "Uber in January and Lyft in February": read whole first; split only when each half has its own period.
    const parts =
      said.second === undefined
        ? (pairedParts(text, first.mentions) ?? trailingSubjectParts(text, first.mentions))
        : said;
    if (parts?.second === undefined) return { ...first, frame: withBothFlows(first.frame, text) };
    if (said.second === undefined) return understandPair(parts.first, parts.second, day, vocabulary) ?? first;
    const second = understandOne(parts.second, day, vocabulary);
    const samePeriods =
      parts.otherPeriod &&
      first.frame.understood?.query.measure.kind === second.frame.understood?.query.measure.kind &&
      first.mentions.periods.map((p) => `${p.period.start}/${p.period.end}`).join() ===
        second.mentions.periods.map((p) => `${p.period.start}/${p.period.end}`).join();
    if (
      samePeriods ||
      (parts.weak && (first.mentions.periods.length === 0 || second.mentions.periods.length === 0))
    ) {
      const whole = understandOne(text, day, vocabulary);
      // "Shell in Q4 and at Chevron": the period said once, a second subject after it.
      const tacked = parts.weak ? trailingSubjectParts(text, whole.mentions) : undefined;
      const pair = tacked?.second && understandPair(tacked.first, tacked.second, day, vocabulary);
      return pair || whole;
    }
    return {
      frame: joinQuestions(first.frame, { text: parts.second, ...second }, vocabulary, day, dictionary),
    };
  };

  /** Two halves joined as two questions, or undefined when the second adds no question of its own. */
  const understandPair = (
    firstText: string,
    secondText: string,
    day: string,
    vocabulary: UserVocabulary,
  ): { frame: Frame } | undefined => {
    const first = understandOne(firstText, day, vocabulary);
    const second = understandOne(secondText, day, vocabulary);
    const frame = joinQuestions(first.frame, { text: secondText, ...second }, vocabulary, day, dictionary);
    return frame.understood?.also ? { frame } : undefined;
  };

  return {
    understand,
    problems: doc.problems,
    trainMs,
    fitMs,
    classifyMasked: (masked) => classifier.classify(masked),
  };
}

/** Adds the yes or no, the pick and the kind of account the words give, when they give one. */
/**
 * "Unlink my Chase card" from someone with no Chase account: the account words name none of theirs, so no
 * account of the same kind is taken in its place.
 */
function withUnknownAccounts(
  frame: Frame,
  text: string,
  vocabulary: UserVocabulary,
  day: string,
  context: ReadingContext,
): Frame {
  const names = unknownNames(readingOf(text, vocabulary, day, context), 'spent')
    .filter((n) => n.kind === 'account')
    .map((n) => n.text);
  // A brand none of their accounts carries ("unlink my amex", "unlink netflix") names no account of theirs either.
  if (frame.accounts.length === 0) names.push(...(context.mentions?.brands ?? []).map((b) => b.text));
  return names.length ? { ...frame, accounts: [], unknownAccounts: [...new Set(names)] } : frame;
}

function withShortAnswers(frame: Frame, text: string): Frame {
  const yesNo = yesNoOf(text, frame.intent);
  if (yesNo !== undefined) frame.yesNo = yesNo;
  const ordinal = ordinalOf(text);
  if (ordinal !== undefined) frame.ordinal = ordinal;
  const accountType = accountTypeOf(text);
  if (accountType) frame.accountType = accountType;
  return frame;
}

/** What the dialogs read instead of the text: the lean on the last answer, a demo request, the length. */
function withConversationCues(frame: Frame, text: string): Frame {
  frame.followUp = followUpCueOf(text);
  const demo = demoRequest(text);
  if (demo) frame.demo = demo;
  frame.words = text.trim().split(/\s+/).length;
  return frame;
}

/** What the coaching dialogs read instead of the text: the pay-cycle ask, a price or amount, a follow-on. */
function withCoachingDetails(frame: Frame, text: string, day: string, mentions?: Mentions): Frame {
  const details = coachingDetailsOf(text, frame.intent, day);
  const period = mentions?.periods.length === 1 ? mentions.periods[0] : undefined;
  if (!details.followOn && period) {
    const alone = periodAloneOf(text, period);
    if (alone) details.followOn = alone;
  }
  // "what about groceries?" names a category even where the intent keeps none.
  const named = uniqueBy(mentions?.categories.map((m) => m.value) ?? [], (c) => c.key);
  if (details.followOn && named.length) details.followOn.categories = named;
  return Object.assign(frame, details, budgetRepliesOf(text));
}

function emptyFrame(): Frame {
  return { intent: 'none', confidence: 0, periods: [], categories: [], merchants: [], accounts: [] };
}

function uniqueBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => (seen.has(key(t)) ? false : (seen.add(key(t)), true)));
}
