/**
 * From a message to the query it asks: the measure, the include and exclude filters, the periods or series,
 * the grouping, ranking, comparison and answer form, plus whatever the words carry that the query cannot hold.
 * The intent gives the starting shape; the words refine it.
 */
import { baseQuery, type Query, type Understood } from '../../insights/query.ts';
import type { Frame, Intent, UserVocabulary } from '../types.ts';
import { subjectOf } from './filters.ts';
import { meaningfulLeftovers } from './leftovers.ts';
import { unknownNames } from './names.ts';
import { flowGuessed, flowOf } from './measure.ts';
import { isFuture, lastTwelveMonths, previousLikePeriod } from './periods.ts';
import { readingOf, type Reading, type ReadingContext } from './reading.ts';
import { refine } from './refine.ts';
import { readSubjects } from './subjects.ts';
import { effectiveIntent } from './intent.ts';
import { inOneDayWords, withoutOneDayPeriods } from './day-peak.ts';

export { subjectOf, toCategoryFilter } from './filters.ts';
export { lastTwelveMonths, previousLikePeriod } from './periods.ts';

/**
 * The query a frame asks, from its intent and entities alone (no further reading of the words).
 * @example frameQuery({ intent: 'top', top: 3, ... }, today).ranking // { order: 'top', n: 3 }
 */
export function frameQuery(frame: Frame, today: string): Query {
  const query = baseQuery([...frame.periods]);
  query.filters.include = subjectOf(frame);
  if (frame.amount && (frame.amount.minMinor !== undefined || frame.amount.maxMinor !== undefined)) {
    query.filters.amount = {
      ...(frame.amount.minMinor !== undefined ? { minMinor: frame.amount.minMinor } : {}),
      ...(frame.amount.maxMinor !== undefined ? { maxMinor: frame.amount.maxMinor } : {}),
    };
  }
  switch (frame.intent) {
    case 'breakdown':
      query.form = 'breakdown';
      query.groupBy = frame.groupBy ?? 'category';
      break;
    case 'top':
      query.form = 'breakdown';
      query.groupBy = frame.groupBy ?? 'merchant';
      query.ranking = { order: 'top', n: frame.top ?? 5 };
      break;
    case 'compare': {
      query.comparison = { kind: 'periods' };
      const only = query.periods.length === 1 ? query.periods[0] : undefined;
      if (only) query.periods.push(previousLikePeriod(only));
      break;
    }
    case 'trend':
      query.series = { grain: 'month', within: query.periods[0] ?? lastTwelveMonths(today) };
      query.periods = [];
      break;
    case 'balance':
      query.measure = { kind: 'balance' };
      break;
    case 'income':
      query.measure = { kind: 'received' };
      break;
    case 'transactions':
    case 'unusual':
    case 'duplicates':
    case 'subscriptions':
    case 'price_rises':
      query.form = 'list';
      if (frame.top !== undefined) query.ranking = { order: 'top', n: frame.top };
      break;
    default:
      break;
  }
  defaultPeriod(query, '');
  return query;
}

/**
 * With no period named, which one answers the question: everything linked for a named merchant or payer, for
 * "ever"/"in total", for a count, an average or the largest charge, and for "which month"; the month so far for
 * a bare "so far"; otherwise the latest complete month ("my spending", "groceries", "top merchants").
 * Balances and series need none.
 */
export function defaultPeriod(query: Query, words: string): void {
  delete query.defaultedPeriod;
  if (query.periods.length > 0 || query.series || query.measure.kind === 'balance') return;
  const c = query.comparison;
  const merchant =
    query.filters.include.merchants.length > 0 ||
    (c?.kind === 'subjects' && c.subjects.some((s) => s.include.merchants.length > 0));
  const kind = query.measure.kind;
  const whole =
    merchant ||
    EVER.test(words) ||
    kind === 'count' ||
    kind === 'average' ||
    kind === 'largest' ||
    query.groupBy === 'month';
  query.defaultedPeriod = whole
    ? 'all-linked'
    : SO_FAR.test(words)
      ? 'month-to-date'
      : 'latest-complete-month';
}

/** "ever", "in total", "so far": everything linked, even for "my spending". */
const EVER =
  /\b(?:ever|all time|of all time|in total|altogether|all together|since (?:i|we) (?:started|joined|began|signed up|opened))\b/;
/** "how much have I spent so far", with nothing after "so far". */
const SO_FAR = /\bso far\s*$/;

/**
 * What the message asks, as a query, and what of it could not be placed.
 * @param text the message as typed (already cut to the length understanding looks at)
 * @param context what the entity finders found, with positions; without it only the intent and entities are read
 */
export function understandQuery(
  frame: Frame,
  text: string,
  vocabulary: UserVocabulary,
  today: string,
  context?: ReadingContext,
): Understood {
  const r = readingOf(text, vocabulary, today, context);
  const unplaced: string[] = [];
  const future = r.mentions.periods.filter((p) => isFuture(p, today));
  for (const p of [...future, ...r.mentions.future].sort((a, b) => a.index - b.index))
    if (!inOneDayWords(r, p)) unplaced.push(r.text.slice(p.index, p.index + p.length));
  const intent = effectiveIntent(frame.intent, r);
  // "my uber total last month and my lyft total last month": a period said twice is one period.
  const periods = withoutOneDayPeriods(
    r,
    frame.periods.filter(
      (p, i) =>
        !future.some((f) => f.period.start === p.start && f.period.end === p.end) &&
        frame.periods.findIndex((o) => o.start === p.start && o.end === p.end) === i,
    ),
  );
  const query = frameQuery({ ...frame, intent, periods }, today);
  if (!context) return { query, unplaced, unknownNames: [] };

  const subjects = readSubjects(r, frame);
  unplaced.push(...subjects.unplacedExclusions);
  refine(query, { r, frame, intent, periods, subjects, today });
  defaultPeriod(query, r.lower);
  unplaced.push(...meaningfulLeftovers(r, query.form === 'breakdown'));
  const ambiguousText = frame.ambiguous?.text.toLowerCase();
  const names = unknownNames(r, flowOf(r, intent)).filter((u) => u.text.toLowerCase() !== ambiguousText);
  const guessed = flowGuessed(r, intent) ? { flowGuessed: true as const } : {};
  return { query, unplaced: [...new Set(unplaced)], unknownNames: names, ...guessed };
}

const FINDINGS: ReadonlySet<Intent> = new Set(['unusual', 'duplicates', 'subscriptions', 'price_rises']);

/**
 * The intent a query is, the first that applies: a balance; a comparison; a list of transactions; a series or
 * a grouping by month (trend); a ranking (top); any other grouping (breakdown); money in, net or saved
 * (income); everything else (spending).
 */
export function intentOf(q: Query): Intent {
  const kind = q.measure.kind;
  if (kind === 'balance') return 'balance';
  if (q.comparison) return 'compare';
  if (q.form === 'list') return 'transactions';
  if (q.series || q.groupBy === 'month') return 'trend';
  if (q.ranking) return 'top';
  if (q.groupBy) return 'breakdown';
  if (kind === 'received' || kind === 'net' || kind === 'saved') return 'income';
  return 'spending';
}

/**
 * The frame brought in line with its query: the intent the words support, and names that were excluded taken
 * out of the entity lists (so nothing reads "everything but rent" as rent).
 */
export function reviseFrame(
  frame: Frame,
  text: string,
  vocabulary: UserVocabulary,
  today: string,
  context: ReadingContext,
): Frame {
  const understood = frame.understood;
  if (!understood) return frame;
  const r: Reading = readingOf(text, vocabulary, today, context);
  const q = understood.query;
  const finding = FINDINGS.has(frame.intent) ? effectiveIntent(frame.intent, r) : undefined;
  const intent: Intent = finding && FINDINGS.has(finding) ? finding : intentOf(q);
  const groupBy = q.groupBy === 'primary' ? 'category' : q.groupBy === 'weekday' ? undefined : q.groupBy;
  const ex = understood.query.filters.exclude;
  // "take out the rent": the words read as takeaways were the exclusion's own, so no category of theirs is kept.
  const cueLabels = readSubjects(r, frame).cueWords.map((n) => n.label);
  const excludedLabels = new Set([...ex.categories.map((c) => c.label), ...cueLabels]);
  return {
    ...frame,
    intent,
    ...(groupBy && (intent === 'breakdown' || intent === 'top') ? { groupBy } : {}),
    categories: frame.categories.filter((c) => !excludedLabels.has(c.label)),
    merchants: frame.merchants.filter((m) => !ex.merchants.includes(m)),
    accounts: frame.accounts.filter((a) => !ex.accounts.includes(a)),
  };
}
