/**
 * Budgets, tone and proactive-message settings in words: which of those a message asks for, and what it
 * names (an amount, a category or all spending, a tone, a kind of message and on or off). The classifier
 * learns these intents from dialogs/budgets.lu; the wording read here is what decides between them, so
 * "turn off budget alerts" is a setting and not a budget, and "set a budget for zorbs" keeps "zorbs" so the
 * bot asks instead of guessing.
 */
import { toMinorUnits } from '../money.ts';
import { findAmounts } from './amounts.ts';
import { alertToggle } from './frame-rules.ts';
import { coachingCue } from './pay-cycle.ts';
import type { Period } from '../insights/query.ts';
import { COACHING_INTENTS, type CategoryRef, type CoachingWords, type Frame, type Intent } from './types.ts';

export { COACHING_INTENTS };
const COACHING: ReadonlySet<Intent> = new Set(COACHING_INTENTS);

const BUDGET = /\bbudget(s|ed|ing)?\b/;
const NOTICE_WORDS: readonly [RegExp, NonNullable<CoachingWords['notice']>][] = [
  [
    /\b(recaps?|round-?ups?|digests?|weekly (summary|summaries|report|update|email|message)s?)\b/,
    'weekly_recap',
  ],
  [
    /\bbudget (alerts?|warnings?|notifications?|nudges?|messages?|reminders?|pings?)\b|\bwarn(ing)? me\b.*\bbudgets?\b/,
    'budget_alerts',
  ],
  [
    /\bbills? (reminders?|alerts?|notifications?|warnings?|messages?)\b|\breminders? (about|for|of) (my )?bills\b|\bremind(ing)? me (about|of|before) (my )?(bills|rent)\b|\bbefore (my )?(bills|rent) (are|is) due\b/,
    'bill_reminders',
  ],
  [
    /\b(payday|pay ?day|paycheck|salary) (messages?|alerts?|notifications?|notes?|reminders?|pings?)\b|\b(tell|let) me (know )?when (payday|pay ?day|i get paid)\b|\b(message|text|ping) me about payday\b/,
    'payday_notes',
  ],
];
const ROAST =
  /\broast(ing)? (me|my)\b|\broast mode\b|\bbe (savage|brutal|harsh|mean|honest with me)\b|\btough love\b|\bbe meaner\b/;
const HYPE =
  /\bhype (me|mode)\b|\bhype me up\b|\bcheer me (on|up)\b|\bgas me up\b|\bmotivate me\b|\bbe my (hype|cheer)/;
const NORMAL_TONE =
  /\b(normal|regular|usual|default|neutral|plain) (tone|mode|voice)\b|\bbe (nice|normal|kind|gentle)\b|\bstop (roasting|hyping)\b|\bno more (roast|hype)|\btone it down\b|\bback to normal\b|\bgo easy on me\b|\btalk to me normally\b/;
const REMOVE =
  /\b(drop|remove|delete|cancel|clear|scrap|ditch|kill|forget|get rid of|stop|end|lose|erase|reset)\b/;
const LIST =
  /\b(what|which|list|show|see|view|tell me)\b.*\bbudgets\b|^(my )?budgets\??$|\bbudgets (do|have) i\b|\bany budgets\b/;
const STATUS =
  /\bhow (am i|are we|'?m i|is it|are things) (doing|going)\b|\bon track\b|\b(on|over|under|within) (my |the )?(\w+ )?budgets?\b|\bbudgets? (status|check|progress)\b|\bhow('?s| is| are) (my|the) .*budgets?\b|\bleft in (my |the )?(\w+ )?budget\b|\bblown?\b|\bstaying (under|within)\b|\bhow much (is |do i have )?left (of|in|on) (my|the)\b/;
const SET =
  /\b(set|make|create|add|start|put|give|change|update|raise|lower|increase|decrease|bump|cut|reduce|limit|cap|allow|want|need|new|set up)\b/;
const MAKE_IT =
  /^(?:(?:ok(?:ay)?|actually|hmm|no|nah|wait)[,!]?\s+)?(?:make|change|set|bump|raise|lower|put|drop|cut|move|increase|reduce|decrease)\s+(?:it|that|this|the (?:limit|budget|amount))(?:\s+(?:up|down))?(?:\s+(?:to|at))?\s/;
const EVERY_BUDGET = /\b(all|every|each)( of)?( my| the)? budgets?\b|\bbudgets\b.*\b(all|everything)\b/;
const ALL_SPENDING =
  /\b(all|total|overall|everything|whole|entire|general|monthly|my) (spending|expenses|outgoings)\b|\b(for|on|of) (everything|all of it|all|total|overall)\b|\boverall budget\b|\btotal budget\b|\b(spending|overall|total|general) budget\b|\bbudget for (my )?spending\b/;

/** "that limit", "my grocery cap", "the coffee allowance": a budget named by another word. */
const LIMIT_NOUN = /\b(?:that|this|the same|my|our|the) (?:[a-z']+ ){0,2}?(?:limit|cap|allowance)s?\b/;
/** "that budget", "the same limit": the budget just set or talked about. */
const REFERS_BACK = /\b(?:that|this|the same|said) (?:budget|limit|cap|allowance)\b/;
/** Verbs that make a budget, which a status question does not use. */
const MAKING = /\b(?:set|create|add|start|change|update|raise|lower|increase|decrease|bump|put|make)\b/;

/** The bare amount a budget names: "$400", "£250", "300", "1.5k"; undefined when none. */
export function budgetAmountOf(text: string): { minor: number; currency?: string } | undefined {
  const explicit = findAmounts(text)[0];
  if (explicit)
    return explicit.currency
      ? { minor: explicit.minor, currency: explicit.currency }
      : { minor: explicit.minor };
  const m =
    /(?<![\w.,/-])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(\s*k\b)?(?![\w/-]|\s*(?:%|st|nd|rd|th|days?|weeks?|months?|years?)\b)/i.exec(
      text,
    );
  if (!m?.[1]) return undefined;
  const number = Number(m[1].replace(/,/g, ''));
  // A year on its own is not a budget.
  if (!m[2] && !m[3] && number >= 1900 && number <= 2100) return undefined;
  const minor = toMinorUnits(`${m[1].replace(/,/g, '')}${m[2] ? `.${m[2]}` : ''}`);
  if (minor === undefined) return undefined;
  return { minor: m[3] ? minor * 1000 : minor };
}

/** "all of it", "everything", "overall": a reply naming all spending. */
const WHOLE_SPENDING = /^(all|all of it|everything|all spending|all my spending|overall|total|in total)\b/i;

/** What a reply to a budget question gives: the amount it names, and whether it names all spending. */
export function budgetRepliesOf(text: string): Pick<Frame, 'amountSaid' | 'wholeSpending'> {
  const amountSaid = /\d/.test(text) ? budgetAmountOf(text) : undefined;
  return {
    ...(amountSaid ? { amountSaid } : {}),
    ...(WHOLE_SPENDING.test(text.trim()) ? { wholeSpending: true } : {}),
  };
}

/** Words around a subject that name none ("my budgets this month", "track"). */
const GENERIC =
  /\b(a|an|the|my|our|of|per|month|months|monthly|budgets?|please|limit|it|this|that|these|them|me|now|so|far|next|last|track|things|doing|going|each|every|week|year|today|right|same|up|new|another|one)\b/g;

/** The words a budget's subject was given in ("for zorbs"), when the message names one. */
function subjectWordsOf(lower: string): string | undefined {
  const m =
    /\b(?:for|on)\s+(?:my\s+|the\s+|our\s+)?(.+?)(?:\s+(?:a|per|each|every)\s+month|\s+monthly|\s+budget|\s+to\s+\$?\d.*|\s+at\s+\$?\d.*|[?.!]|$)/.exec(
      lower,
    ) ??
    /\b(?:drop|remove|delete|cancel|clear|scrap|ditch|kill|forget|the|my|set)\s+(?:the\s+|my\s+)?([a-z][a-z' -]*?)\s+budget\b/.exec(
      lower,
    );
  const words = m?.[1]
    ?.replace(/[$£€¥]?\d[\d,.]*k?\s*(dollars?|bucks|pounds|euros)?/g, '')
    .replace(GENERIC, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return words || undefined;
}

/**
 * Reads a coaching request from the message, or returns undefined when it is not one. `intent` is the
 * classifier's; `categories` every category the message names.
 */
export function readCoaching(
  text: string,
  intent: Intent,
  categories: readonly CategoryRef[],
  periods: readonly Period[] = [],
): { intent: Intent; words: CoachingWords } | undefined {
  const lower = text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[-_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const base: CoachingWords = { categories: [...categories], allSpending: false, everyBudget: false };
  for (const [re, notice] of NOTICE_WORDS) {
    if (!re.test(lower)) continue;
    const on = alertToggle(lower.replace(/'/g, '')) ?? !/\b(no|never|don'?t|without)\b/.test(lower);
    return { intent: 'notices', words: { ...base, notice, on } };
  }
  const tone = ROAST.test(lower)
    ? 'roast'
    : HYPE.test(lower)
      ? 'hype'
      : NORMAL_TONE.test(lower)
        ? 'normal'
        : undefined;
  if (tone) return { intent: 'tone', words: { ...base, tone } };
  if (intent === 'tone') return { intent: 'tone', words: base };

  const amount = budgetAmountOf(lower);
  const subjectWords = subjectWordsOf(lower);
  const words: CoachingWords = {
    ...base,
    ...(amount ? { amount } : {}),
    allSpending: ALL_SPENDING.test(lower) && categories.length === 0,
    everyBudget:
      EVERY_BUDGET.test(lower) ||
      (REMOVE.test(lower) && /\bbudgets\b/.test(lower) && categories.length === 0),
    ...(subjectWords && categories.length === 0 ? { subjectWords } : {}),
  };
  if (MAKE_IT.test(`${lower} `) && amount)
    return { intent: 'budget_set', words: { ...words, followUp: true } };
  const refersBack = REFERS_BACK.test(lower);
  const statusWords: CoachingWords = refersBack ? { ...words, followUp: true } : words;
  // "how did February go against my eating-out budget?", "where did January land against that limit?":
  // a budget measured over a named period, never set or removed without an amount or a verb for it.
  if (
    (BUDGET.test(lower) || LIMIT_NOUN.test(lower)) &&
    periods.length > 0 &&
    !amount &&
    !MAKING.test(lower) &&
    !REMOVE.test(lower)
  )
    return { intent: 'budget_status', words: statusWords };
  if (refersBack && !amount && !REMOVE.test(lower) && !MAKING.test(lower))
    return { intent: 'budget_status', words: statusWords };
  if (!BUDGET.test(lower)) {
    if (/\b(am i|are we) on track\b|\bon track (with|for)\b/.test(lower))
      return { intent: 'budget_status', words };
    // "cap coffee at 60 bucks a month", "I want to spend at most $250 on coffee": a limit without the word.
    const limit =
      /\b(cap|limit|restrict)\b.*\b(at|to)\b|\b(spend|allow myself|keep (it|myself)) (at most|no more than|max(imum)?|only|under|below|up to)\b/.test(
        lower,
      ) && !/\b(did|have|has|was|were)\b/.test(lower);
    if (amount && (limit || intent === 'budget_set') && (categories.length || words.allSpending))
      return { intent: 'budget_set', words };
    // "remind me what I owe before payday" asks about bills, not about reminders: the pay-cycle words decide.
    if (coachingCue(text)) return undefined;
    return COACHING.has(intent) && intent !== 'budget_set' ? { intent, words } : undefined;
  }
  if (REMOVE.test(lower) && !/\bstop (at|me)\b/.test(lower)) return { intent: 'budget_remove', words };
  if (amount && (SET.test(lower) || /^budget\b/.test(lower) || /\bbudget (of|is)\b/.test(lower)))
    return { intent: 'budget_set', words };
  if (STATUS.test(lower)) return { intent: 'budget_status', words };
  if (LIST.test(lower)) return { intent: 'budget_list', words };
  if (amount) return { intent: 'budget_set', words };
  if (SET.test(lower)) return { intent: 'budget_set', words };
  return { intent: categories.length || words.allSpending ? 'budget_status' : 'budget_list', words };
}

/** The frame of a coaching request: no money-question entities, only what the request names. */
export function coachingFrame(frame: Frame, read: { intent: Intent; words: CoachingWords }): Frame {
  return {
    intent: read.intent,
    confidence: Math.max(frame.intent === read.intent ? frame.confidence : 0, 0.9),
    // A budget's status may be asked of a named month; nothing else here is about a period.
    periods: read.intent === 'budget_status' ? frame.periods : [],
    categories: read.intent.startsWith('budget_') ? read.words.categories : [],
    merchants: [],
    accounts: [],
    coaching: read.words,
  };
}
