/**
 * One canonical form for what a held-out line expects and for what the understanding produced, so the two can
 * be compared as strings. Forms that mean the same figures are made the same; nothing else is forgiven.
 *
 * - categories become the set of detailed codes they cover (a primary code stands for every code under it);
 * - accounts and account types become the set of the user's accounts they select;
 * - `saved` is `net` (the same figure, named for savings questions);
 * - a grouping by month over one period is a monthly series over it; a series' period is not repeated in
 *   `periods`; `category` and `primary` groupings are one (the level of "category" is the product's choice);
 * - the form is only "a list of transactions" or not (a grouping already says it is a breakdown);
 * - subjects side by side are compared in any order; periods in the order said.
 */
import type { Query, SubjectFilter, Understood } from '../../insights/query.ts';
import type { UserVocabulary } from '../types.ts';
import type { QueryExpect, SubjectExpect, Taxonomy } from './query-cases.ts';

interface CanonicalSubject {
  categories: string[];
  merchants: string[];
  accounts: string[];
}

export interface CanonicalQuery {
  measure: { kind: string; of?: string; per?: string };
  include: CanonicalSubject;
  exclude: CanonicalSubject;
  amount?: { min?: number; max?: number };
  periods: [string, string][];
  series?: { grain?: string; within?: [string, string] };
  groupBy?: string;
  ranking?: { order: string; n?: number };
  comparison?: 'periods' | CanonicalSubject[];
  form: 'list' | 'not-list';
  defaultedPeriod?: string;
  also?: CanonicalQuery;
}

export interface CanonicalContext {
  taxonomy: Taxonomy;
  vocabulary: UserVocabulary;
}

const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

function codesOf(codes: readonly string[], taxonomy: Taxonomy): string[] {
  return sorted(codes.flatMap((c) => taxonomy.detailedOf.get(c) ?? [c]));
}

/** The names of the user's accounts selected: by name, by type, or (both given) by both. */
function accountsOf(
  names: readonly string[],
  types: readonly string[],
  vocabulary: UserVocabulary,
): string[] {
  const byType = vocabulary.accounts.filter((a) => types.includes(a.type)).map((a) => a.name);
  if (names.length && types.length) return sorted(names.filter((n) => byType.includes(n)));
  return sorted(names.length ? names : byType);
}

function expectedSubject(s: SubjectExpect | undefined, ctx: CanonicalContext): CanonicalSubject {
  return {
    categories: codesOf(s?.categories ?? [], ctx.taxonomy),
    merchants: sorted(s?.merchants ?? []),
    accounts: accountsOf(s?.accounts ?? [], s?.accountTypes ?? [], ctx.vocabulary),
  };
}

function understoodSubject(s: SubjectFilter | undefined, ctx: CanonicalContext): CanonicalSubject {
  const name = (id: number): string => ctx.vocabulary.accounts.find((a) => a.id === id)?.name ?? `#${id}`;
  return {
    categories: codesOf(s?.categories.flatMap((c) => c.codes) ?? [], ctx.taxonomy),
    merchants: sorted(s?.merchants ?? []),
    accounts: accountsOf(s?.accounts.map(name) ?? [], s?.accountTypes ?? [], ctx.vocabulary),
  };
}

const subjectKey = (s: CanonicalSubject): string => JSON.stringify(s);

function sortSubjects(subjects: CanonicalSubject[]): CanonicalSubject[] {
  return [...subjects].sort((a, b) => subjectKey(a).localeCompare(subjectKey(b)));
}

/** The parts every query has, in canonical form, before the month and series rules are applied. */
type Draft = Omit<CanonicalQuery, 'also'>;

function finish(draft: Draft): Draft {
  const out: Draft = { ...draft };
  if (out.measure.kind === 'saved') out.measure = { ...out.measure, kind: 'net' };
  if (out.groupBy === 'primary') out.groupBy = 'category';
  if (out.groupBy === 'month' && !out.series) {
    const only = out.periods.length === 1 ? out.periods[0] : undefined;
    out.series = only ? { grain: 'month', within: only } : { grain: 'month' };
    if (only) out.periods = [];
    delete out.groupBy;
  }
  const within = out.series?.within;
  if (within && out.periods.length === 1 && out.periods[0]?.join() === within.join()) out.periods = [];
  return out;
}

export function canonicalExpected(e: QueryExpect, ctx: CanonicalContext): CanonicalQuery {
  const measure: CanonicalQuery['measure'] = { kind: e.measure.kind };
  if (e.measure.of) measure.of = e.measure.of;
  if (e.measure.per) measure.per = e.measure.per;
  const draft = finish({
    measure,
    include: expectedSubject(e.include, ctx),
    exclude: expectedSubject(e.exclude, ctx),
    ...(e.amount ? { amount: { ...e.amount } } : {}),
    periods: (e.periods ?? []).map(([s, t]) => [s, t]),
    ...(e.series ? { series: { ...e.series } } : {}),
    ...(e.groupBy ? { groupBy: e.groupBy } : {}),
    ...(e.ranking ? { ranking: { ...e.ranking } } : {}),
    ...(e.comparison
      ? {
          comparison:
            e.comparison.kind === 'periods'
              ? ('periods' as const)
              : sortSubjects(e.comparison.subjects.map((s) => expectedSubject(s, ctx))),
        }
      : {}),
    form: e.form === 'list' ? 'list' : 'not-list',
    ...(e.defaultedPeriod ? { defaultedPeriod: e.defaultedPeriod } : {}),
  });
  return e.also ? { ...draft, also: canonicalExpected(e.also, ctx) } : draft;
}

export function canonicalQuery(q: Query, ctx: CanonicalContext, also?: Understood): CanonicalQuery {
  const m = q.measure;
  const measure: CanonicalQuery['measure'] = { kind: m.kind };
  if ('of' in m) measure.of = m.of;
  if ('per' in m) measure.per = m.per;
  const amount = q.filters.amount;
  const draft = finish({
    measure,
    include: understoodSubject(q.filters.include, ctx),
    exclude: understoodSubject(q.filters.exclude, ctx),
    ...(amount && (amount.minMinor !== undefined || amount.maxMinor !== undefined)
      ? {
          amount: {
            ...(amount.minMinor !== undefined ? { min: amount.minMinor } : {}),
            ...(amount.maxMinor !== undefined ? { max: amount.maxMinor } : {}),
          },
        }
      : {}),
    periods: q.periods.map((p) => [p.start, p.end]),
    ...(q.series
      ? { series: { grain: q.series.grain, within: [q.series.within.start, q.series.within.end] } }
      : {}),
    ...(q.groupBy ? { groupBy: q.groupBy } : {}),
    ...(q.ranking ? { ranking: { order: q.ranking.order, n: q.ranking.n } } : {}),
    ...(q.comparison
      ? {
          comparison:
            q.comparison.kind === 'periods'
              ? ('periods' as const)
              : sortSubjects(q.comparison.subjects.map((s) => understoodSubject(s.include, ctx))),
        }
      : {}),
    form: q.form === 'list' ? 'list' : 'not-list',
    ...(q.defaultedPeriod ? { defaultedPeriod: q.defaultedPeriod } : {}),
  });
  return also ? { ...draft, also: canonicalQuery(also.query, ctx, also.also) } : draft;
}

/**
 * Removes from `got` what the expectation leaves open: the size of an unsized ranking, the grain or period of
 * a series that names none, and the periods of a question whose period the bot chooses.
 */
export function openTo(want: CanonicalQuery, got: CanonicalQuery): CanonicalQuery {
  const out: CanonicalQuery = { ...got };
  if (want.ranking && want.ranking.n === undefined && out.ranking) out.ranking = { order: out.ranking.order };
  if (want.series && out.series) {
    const series = { ...out.series };
    if (want.series.grain === undefined) delete series.grain;
    if (want.series.within === undefined) delete series.within;
    out.series = series;
  }
  if (want.defaultedPeriod) {
    out.periods = [];
    if (out.series) {
      const { within: _within, ...rest } = out.series;
      out.series = rest;
    }
  }
  if (want.also && got.also) out.also = openTo(want.also, got.also);
  return out;
}

/** Canonical JSON with keys in a fixed order and empty lists left out, so equal meanings give equal strings. */
export function show(q: CanonicalQuery | undefined): string {
  return JSON.stringify(q ?? null, (_key, value: unknown) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([, v]) => !(Array.isArray(v) && v.length === 0),
    );
    return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  });
}
