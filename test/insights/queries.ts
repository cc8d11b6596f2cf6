/** Queries over the hand-written ledger of ./ledger.ts, for the executor's tests. */
import { expect } from 'vitest';
import type { ExecContext, QueryResult } from '../../src/insights/execute.ts';
import {
  baseQuery,
  emptySubject,
  type Period,
  type Query,
  type SubjectFilter,
} from '../../src/insights/query.ts';
import type { Ledger } from './ledger.ts';

export const JAN: Period = { start: '2026-01-01', end: '2026-02-01', label: 'January 2026', grain: 'month' };
export const FEB: Period = { start: '2026-02-01', end: '2026-03-01', label: 'February 2026', grain: 'month' };
const KNOWN = ['Amazon', 'Safeway', 'Starbucks', 'Westgate', 'Acme', 'Dana', 'Rewe', 'Lucca'];

/** Alice's executor context: her merchants by name (unknown names have no ids) and what her data covers. */
export function aliceContext(l: Ledger): ExecContext {
  const ids = new Map(KNOWN.map((n) => [n, l.merchant(n)]));
  return {
    store: l.store,
    userId: 'alice',
    merchantIds: (name) => (ids.has(name) ? [ids.get(name)!] : []),
    span: { first: '2026-01-05', last: '2026-03-01' },
  };
}

/** A query in February unless said otherwise, with the given changes. */
export function q(
  changes: Partial<Query> = {},
  include: Partial<SubjectFilter> = {},
  exclude: Partial<SubjectFilter> = {},
): Query {
  const base = baseQuery([FEB]);
  return {
    ...base,
    ...changes,
    filters: {
      include: { ...emptySubject(), ...include },
      exclude: { ...emptySubject(), ...exclude },
      ...(changes.filters?.amount ? { amount: changes.filters.amount } : {}),
    },
  };
}

export const food = { codes: ['FOOD_AND_DRINK'], label: 'food' };
export const groceries = { codes: ['FOOD_AND_DRINK_GROCERIES'], label: 'groceries' };

/** The result, checked to be of the shape expected. */
export function shape<S extends QueryResult['shape']>(
  r: QueryResult,
  s: S,
): Extract<QueryResult, { shape: S }> {
  expect(r.shape).toBe(s);
  return r as Extract<QueryResult, { shape: S }>;
}

export const usd = (values: { currency: string; amountMinor: number }[]) =>
  values.find((v) => v.currency === 'USD')?.amountMinor;
