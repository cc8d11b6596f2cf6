import {
  emptySubject,
  isEmptySubject,
  type Query,
  type SubjectFilter,
  type Understood,
} from '../insights/query.ts';
import type { Frame } from '../language/types.ts';
import type { LastQuestion } from './types.ts';

export interface FollowUp {
  understood: Understood;
  /** "show more": the next page, from this offset. */
  offset?: number;
}

/**
 * What a message says of its own, as opposed to what its query holds by default. "and in January?" names
 * one period: the same question again, not a comparison with the month before it; "compare with December"
 * compares the last question's period with December.
 */
function said(q: Query, frame: Frame, next: Understood, base: Query) {
  let comparison = q.comparison;
  let periodList = q.periods;
  let against: Query['periods'] = [];
  if (q.comparison?.kind === 'periods' && frame.periods.length < 2) {
    const worded = frame.followUp?.compareWorded ?? false;
    comparison = worded ? q.comparison : undefined;
    periodList = worded ? [] : frame.periods;
    if (worded) against = frame.periods;
  }
  return {
    periodList,
    against,
    periods: periodList.length > 0 && !q.defaultedPeriod,
    subject: q.filters.include.categories.length > 0 || q.filters.include.merchants.length > 0,
    accounts: q.filters.include.accounts.length > 0 || q.filters.include.accountTypes.length > 0,
    exclude: !isEmptySubject(q.filters.exclude),
    amount: q.filters.amount !== undefined,
    shape: q.groupBy !== undefined || q.series !== undefined || q.form !== 'figure',
    ranking: q.ranking !== undefined,
    comparison,
    measure: (q.measure.kind !== 'spent' && !guessedFlow(q, frame, next)) || shopAfterMoneyIn(q, base),
  };
}

/**
 * "and at Blue Bottle?" after an income question: a shop or a kind of spending is where money goes, so the
 * follow-up asks what was spent there. A payer ("and from Upwork?") is read as money in by the language layer.
 */
function shopAfterMoneyIn(q: Query, base: Query): boolean {
  if (directionOf(base) !== 'in' || q.measure.kind !== 'spent') return false;
  const include = q.filters.include;
  return (
    include.merchants.length > 0 ||
    (include.categories.length > 0 &&
      include.categories.every((c) => c.codes.every((code) => !code.startsWith('INCOME'))))
  );
}

/**
 * Money in read from a hunch alone: "January?" said after a spending question is not worded as income, so a
 * classifier leaning that way without confidence does not turn the follow-up into an income question.
 */
function guessedFlow(q: Query, frame: Frame, next: Understood): boolean {
  return q.measure.kind === 'received' && next.flowGuessed === true && frame.confidence < OWN_QUESTION;
}

/** Which way the money of a query goes: in, out, or neither (a balance). */
function directionOf(q: Query): 'in' | 'out' | 'neither' {
  const m = q.measure;
  if (m.kind === 'balance') return 'neither';
  if (m.kind === 'received' || m.kind === 'net' || m.kind === 'saved') return 'in';
  return 'of' in m && m.of === 'received' ? 'in' : 'out';
}

const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];

/** Adds what is newly left out, and takes it out of what was included. */
function leaveOut(
  include: SubjectFilter,
  exclude: SubjectFilter,
  more: SubjectFilter,
): { include: SubjectFilter; exclude: SubjectFilter } {
  const codes = new Set(more.categories.flatMap((c) => c.codes));
  return {
    include: {
      categories: include.categories.filter((c) => !c.codes.some((code) => codes.has(code))),
      merchants: include.merchants.filter((m) => !more.merchants.includes(m)),
      accounts: include.accounts.filter((a) => !more.accounts.includes(a)),
      accountTypes: include.accountTypes.filter((t) => !more.accountTypes.includes(t)),
    },
    exclude: {
      categories: [
        ...exclude.categories,
        ...more.categories.filter((c) => !exclude.categories.some((e) => e.label === c.label)),
      ],
      merchants: union(exclude.merchants, more.merchants),
      accounts: union(exclude.accounts, more.accounts),
      accountTypes: union(exclude.accountTypes, more.accountTypes),
    },
  };
}

/**
 * Edits the last question with what a follow-up says: "and in January?" replaces the period, "what about
 * Amazon?" the subject, "just the Amex" the accounts, "and without Amazon?" adds an exclusion, "split that
 * by month" makes a series, "show me those" lists the transactions, "top 5 of those" ranks them, "show
 * more" turns the page. Undefined when the message is a question (or a request) of its own.
 */
export function editLastQuestion(
  next: Understood,
  frame: Frame,
  last: LastQuestion | undefined,
): FollowUp | undefined {
  if (!last?.query) return undefined;
  const base = last.query;
  if (base.form === 'list' && frame.followUp?.more)
    return { understood: { query: base, unplaced: [], unknownNames: [] }, offset: last.shown };
  const kind = frame.followUp?.kind;
  if (!kind || next.unknownNames.length || next.also) return undefined;
  const q = next.query;
  const s = said(q, frame, next, base);
  const anything =
    s.periods ||
    s.subject ||
    s.accounts ||
    s.exclude ||
    s.amount ||
    s.shape ||
    s.ranking ||
    s.comparison ||
    s.measure;
  if (!anything) return undefined;
  if (kind === 'short') return { understood: { ...next, query: borrow(q, s, base, frame) } };
  const out: Query = structuredClone(base);
  if (s.measure) {
    // Money in "on coffee" means nothing: a change of direction keeps the accounts and the period only.
    if (directionOf(out) !== directionOf(q)) {
      if (!s.subject) Object.assign(out.filters.include, { categories: [], merchants: [] });
      if (!s.exclude) out.filters.exclude = emptySubject();
    }
    out.measure = q.measure;
  }
  if (s.periods) {
    delete out.defaultedPeriod;
    const periods = s.periodList;
    if (out.series && periods.length === 1) out.series = { ...out.series, within: periods[0]! };
    else {
      out.periods = structuredClone(periods);
      delete out.series;
    }
    if (out.comparison?.kind === 'periods' && periods.length < 2 && !s.comparison) delete out.comparison;
  }
  if (s.subject) {
    out.filters.include.categories = q.filters.include.categories;
    out.filters.include.merchants = q.filters.include.merchants;
  }
  if (s.accounts) {
    out.filters.include.accounts = q.filters.include.accounts;
    out.filters.include.accountTypes = q.filters.include.accountTypes;
  }
  if (s.exclude)
    Object.assign(out.filters, leaveOut(out.filters.include, out.filters.exclude, q.filters.exclude));
  if (s.amount) out.filters.amount = q.filters.amount;
  if (s.comparison) {
    out.comparison = s.comparison;
    const other = s.against[0];
    if (
      s.comparison.kind === 'periods' &&
      other &&
      out.periods.length === 1 &&
      other.start !== out.periods[0]!.start
    )
      out.periods = [other, ...out.periods];
  }
  if (s.shape) reshape(out, q);
  if (s.ranking) {
    out.ranking = q.ranking;
    if (out.form === 'figure' && !out.groupBy && out.measure.kind !== 'largest') out.form = 'breakdown';
    if (q.groupBy) out.groupBy = q.groupBy;
  } else if (s.shape && q.form === 'list') delete out.ranking;
  return { understood: { query: out, unplaced: next.unplaced, unknownNames: [] } };
}

/** Above this the message was confidently read as a question of its own kind ("spending last month"). */
const OWN_QUESTION = 0.6;

/**
 * A short question of its own: "Amazon?" takes the last question's period, "January?" its subject, and one
 * that names neither ("how many?") both; one that names both, or that asks afresh for a period ("spending
 * last month", "biggest purchase last month"), borrows no subject.
 */
function borrow(q: Query, s: ReturnType<typeof said>, base: Query, frame: Frame): Query {
  const subject = s.subject || s.accounts || s.exclude;
  const afresh =
    (frame.intent !== 'none' && frame.confidence >= OWN_QUESTION) || s.measure || s.shape || s.ranking;
  const out: Query = structuredClone(q);
  if (!s.measure) out.measure = structuredClone(base.measure);
  if (!s.comparison && out.comparison?.kind === 'periods') {
    delete out.comparison;
    out.periods = structuredClone(s.periodList);
  }
  if (s.periods && subject) return out;
  if (!s.periods && !out.series) {
    out.periods = base.series ? [base.series.within] : structuredClone(base.periods);
    if (base.defaultedPeriod) out.defaultedPeriod = base.defaultedPeriod;
    else delete out.defaultedPeriod;
  }
  if (!subject && !(s.periods && afresh))
    out.filters = { ...structuredClone(base.filters), amount: out.filters.amount ?? base.filters.amount };
  return out;
}

/** Takes the new answer form: a list, a breakdown, or a series over the last question's period. */
function reshape(out: Query, q: Query): void {
  if (q.form === 'list') {
    out.form = 'list';
    delete out.groupBy;
    delete out.comparison;
    if (out.series) {
      out.periods = [out.series.within];
      delete out.series;
    }
    return;
  }
  const grain = q.series?.grain ?? (q.groupBy === 'month' ? 'month' : undefined);
  if (grain) {
    const within = out.series?.within ?? spanOf(out.periods) ?? q.series?.within;
    delete out.groupBy;
    delete out.comparison;
    out.form = 'figure';
    if (within) {
      out.series = { grain, within };
      out.periods = [];
    }
    return;
  }
  if (q.groupBy || q.form === 'breakdown') {
    out.form = 'breakdown';
    out.groupBy = q.groupBy;
    delete out.series;
    delete out.comparison;
  }
}

/** The days from the first period's start to the last one's end. */
function spanOf(periods: readonly Query['periods'][number][]): Query['periods'][number] | undefined {
  if (!periods.length) return undefined;
  if (periods.length === 1) return periods[0];
  const start = periods.map((p) => p.start).sort()[0]!;
  const end = periods
    .map((p) => p.end)
    .sort()
    .at(-1)!;
  return { start, end, label: '', grain: 'custom' };
}
