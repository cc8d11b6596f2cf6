/**
 * The query language: what understanding produces and what every answer is computed from. One typed value
 * says what to measure, over which transactions, for which periods, grouped, ranked or compared how, and
 * in what form to answer. `language/` fills it from words, `insights/execute.ts` runs it, `store/` turns it
 * into one parameterised SQL statement per figure, and `dialogs/` says it back in plain words.
 */

/** A half-open range of calendar days `[start, end)` in the user's time zone. */
export interface Period {
  /** First day included, ISO `yyyy-mm-dd`. */
  start: string;
  /** First day excluded, ISO `yyyy-mm-dd`. */
  end: string;
  /** How to name it in a reply: "February 2026", "the last 30 days", "2026 so far", "1–15 October 2025". */
  label: string;
  grain: 'day' | 'week' | 'month' | 'quarter' | 'half' | 'year' | 'custom';
}

/**
 * What is measured.
 * - `spent`: money out minus refunds (flow spending; transfers and income never count).
 * - `received`: money in (flow income), optionally from named payers.
 * - `net`: received minus spent.
 * - `saved`: received minus spent, per period (the same figure as net, named for savings questions).
 * - `count`: how many transactions match.
 * - `average`: the measure `of` per `per` unit of time over the period ("a day", "a week", "a month"),
 *   or per transaction when `per` is `transaction`.
 * - `largest`: the single largest matching charge (or payment in, for received).
 * - `balance`: the latest balance of the matching accounts.
 */
export type Measure =
  | { kind: 'spent' }
  | { kind: 'received' }
  | { kind: 'net' }
  | { kind: 'saved' }
  | { kind: 'count'; of: 'spent' | 'received' }
  | { kind: 'average'; of: 'spent' | 'received'; per: 'day' | 'week' | 'month' | 'transaction' }
  | { kind: 'largest'; of: 'spent' | 'received' }
  | { kind: 'balance' };

export type MeasureKind = Measure['kind'];

/** A category as named: detailed codes (FOOD_AND_DRINK_GROCERIES) or primary codes (FOOD_AND_DRINK). */
export interface CategoryFilter {
  /** Taxonomy codes, primary or detailed; a primary code matches every detailed code under it. */
  codes: string[];
  /** Words for replies: "groceries", "eating out". */
  label: string;
}

/**
 * Which transactions. Within one list the entries are alternatives (any of them); across lists they all
 * apply; `exclude` removes whatever matches any entry. Names are canonical names from the user's own data.
 */
export interface SubjectFilter {
  categories: CategoryFilter[];
  /** Canonical merchant names from the user's data (also payers, for `received`). */
  merchants: string[];
  /** Account ids of the user's. */
  accounts: number[];
  accountTypes: ('checking' | 'savings' | 'credit_card')[];
}

export interface Filters {
  include: SubjectFilter;
  exclude: SubjectFilter;
  /** Amount conditions on each transaction's absolute amount, inclusive minor units. */
  amount?: { minMinor?: number; maxMinor?: number };
}

/** A time series: one figure per step of `grain` across `within`. */
export interface Series {
  grain: 'day' | 'week' | 'month' | 'quarter' | 'year';
  within: Period;
}

export type GroupKey = 'category' | 'primary' | 'merchant' | 'account' | 'month' | 'weekday';

/** "top 5", "which month… least": order groups (or transactions) and keep the first `n`. */
export interface Ranking {
  order: 'top' | 'bottom';
  n: number;
}

/**
 * Side by side. `periods`: the same subject in each period of `Query.periods` (two or more).
 * `subjects`: each entry is its own subject with its own figure, over the same period(s).
 */
export type Comparison =
  { kind: 'periods' } | { kind: 'subjects'; subjects: { label: string; include: SubjectFilter }[] };

/** How to answer: one figure, a breakdown by group, or the transactions themselves. */
export type AnswerForm = 'figure' | 'breakdown' | 'list';

export interface Query {
  measure: Measure;
  filters: Filters;
  /**
   * The periods asked about, in the order said (empty: none named). With more than one and no comparison,
   * each is answered in turn ("January and March").
   */
  periods: Period[];
  /** Set when the period was chosen by the bot, not named: replies say which and why. */
  defaultedPeriod?: 'latest-complete-month' | 'all-linked' | 'month-to-date';
  series?: Series;
  groupBy?: GroupKey;
  ranking?: Ranking;
  comparison?: Comparison;
  form: AnswerForm;
}

/**
 * What understanding made of a message: the query, and the words that carry meaning but were not placed in
 * it. The conversation answers only when `unplaced` is empty and nothing is `unknownNames`; otherwise it
 * says what it understood and asks.
 */
export interface Understood {
  query: Query;
  /** Meaningful words or phrases left over ("budget", "afford", "cancel", a second question). */
  unplaced: string[];
  /** Names the user gave that match nothing in their data ("Costco"), with what kind they looked like. */
  unknownNames: { text: string; kind: 'merchant' | 'account' | 'category' | 'payer' }[];
  /** A second question in the same message, understood on its own. */
  also?: Understood;
  /** Money in came from the intent the words leaned to, not from any word saying so ("January?"). */
  flowGuessed?: true;
}

export function emptySubject(): SubjectFilter {
  return { categories: [], merchants: [], accounts: [], accountTypes: [] };
}

export function isEmptySubject(s: SubjectFilter): boolean {
  return !s.categories.length && !s.merchants.length && !s.accounts.length && !s.accountTypes.length;
}

/** A query with nothing narrowed: everything spent, as one figure, in the periods given. */
export function baseQuery(periods: Period[] = []): Query {
  return {
    measure: { kind: 'spent' },
    filters: { include: emptySubject(), exclude: emptySubject() },
    periods,
    form: 'figure',
  };
}
