/**
 * A follow-up edits the last question's query: each case gives the last query, what the new message's
 * query holds (as the language layer hands it over), and the query that must be answered.
 */
import { describe, expect, it } from 'vitest';
import { editLastQuestion } from '../../src/conversation/follow-up.ts';
import {
  baseQuery,
  emptySubject,
  type Period,
  type Query,
  type Understood,
} from '../../src/insights/query.ts';
import { followUpCueOf } from '../../src/language/follow-up-cues.ts';
import type { Frame } from '../../src/language/types.ts';

const JAN: Period = { start: '2026-01-01', end: '2026-02-01', label: 'January 2026', grain: 'month' };
const FEB: Period = { start: '2026-02-01', end: '2026-03-01', label: 'February 2026', grain: 'month' };
const DEC: Period = { start: '2025-12-01', end: '2026-01-01', label: 'December 2025', grain: 'month' };
const Y2025: Period = { start: '2025-01-01', end: '2026-01-01', label: '2025', grain: 'year' };
const FOOD = { codes: ['FOOD_AND_DRINK'], label: 'food' };

/** Food in February on every account: the last question in most cases. */
function foodInFebruary(): Query {
  const q = baseQuery([FEB]);
  q.filters.include.categories = [FOOD];
  return q;
}

/** What the language layer makes of a follow-up on its own: nothing but what it says. */
function said(edit: (q: Query) => void, periods: Period[] = []): { understood: Understood; frame: Frame } {
  const query = baseQuery();
  edit(query);
  if (!query.periods.length && !query.series) query.defaultedPeriod = 'latest-complete-month';
  const frame: Frame = {
    intent: 'spending',
    confidence: 0.5,
    periods,
    categories: [],
    merchants: [],
    accounts: [],
  };
  return { understood: { query, unplaced: [], unknownNames: [] }, frame };
}

/** The frame as the language layer hands it over for these words: with how they lean on the last answer. */
function cued(next: ReturnType<typeof said>, text: string): Frame {
  return { ...next.frame, followUp: followUpCueOf(text) };
}

function edit(last: Query, text: string, next: ReturnType<typeof said>, shown = 0): Query | undefined {
  return editLastQuestion(next.understood, cued(next, text), { query: last, shown })?.understood.query;
}

describe('follow-ups edit the last query', () => {
  it('"and without Amazon?" adds an exclusion and keeps everything else', () => {
    const out = edit(
      foodInFebruary(),
      'and without Amazon?',
      said((q) => (q.filters.exclude.merchants = ['Amazon'])),
    );
    expect(out?.filters.exclude.merchants).toEqual(['Amazon']);
    expect(out?.filters.include.categories).toEqual([FOOD]);
    expect(out?.periods).toEqual([FEB]);
    expect(out?.defaultedPeriod).toBeUndefined();
  });

  it('exclusions add up, and what is excluded leaves the inclusion', () => {
    const last = foodInFebruary();
    last.filters.include.merchants = ['Amazon', 'Safeway'];
    last.filters.exclude.categories = [{ codes: ['FOOD_AND_DRINK_GROCERIES'], label: 'groceries' }];
    const out = edit(
      last,
      'and without Amazon?',
      said((q) => (q.filters.exclude.merchants = ['Amazon'])),
    );
    expect(out?.filters.include.merchants).toEqual(['Safeway']);
    expect(out?.filters.exclude).toEqual({
      ...emptySubject(),
      categories: [{ codes: ['FOOD_AND_DRINK_GROCERIES'], label: 'groceries' }],
      merchants: ['Amazon'],
    });
  });

  it('"just the Amex" replaces the accounts, keeping the subject', () => {
    const last = foodInFebruary();
    last.filters.include.accounts = [3];
    const out = edit(
      last,
      'just the Amex',
      said((q) => (q.filters.include.accounts = [7])),
    );
    expect(out?.filters.include.accounts).toEqual([7]);
    expect(out?.filters.include.categories).toEqual([FOOD]);
    const cards = edit(
      last,
      'just the cards',
      said((q) => (q.filters.include.accountTypes = ['credit_card'])),
    );
    expect(cards?.filters.include).toMatchObject({ accounts: [], accountTypes: ['credit_card'] });
  });

  it('"what about last year?" replaces the periods', () => {
    const last = { ...foodInFebruary(), defaultedPeriod: 'latest-complete-month' as const };
    const out = edit(
      last,
      'what about last year?',
      said((q) => (q.periods = [Y2025]), [Y2025]),
    );
    expect(out?.periods).toEqual([Y2025]);
    expect(out?.defaultedPeriod).toBeUndefined();
    expect(out?.filters.include.categories).toEqual([FOOD]);
  });

  it('"and in January?" asks the same question again, not a comparison with the month before', () => {
    // The language layer reads a lone period after "and" as a comparison with the period before it.
    const next = said(
      (q) => {
        q.periods = [JAN, DEC];
        q.comparison = { kind: 'periods' };
      },
      [JAN],
    );
    const out = edit(foodInFebruary(), 'and in January?', next);
    expect(out?.periods).toEqual([JAN]);
    expect(out?.comparison).toBeUndefined();
  });

  it('"compare with January" compares the last question’s period with January', () => {
    const next = said(
      (q) => {
        q.periods = [JAN, DEC];
        q.comparison = { kind: 'periods' };
      },
      [JAN],
    );
    const out = edit(foodInFebruary(), 'compare with January', next);
    expect(out?.comparison).toEqual({ kind: 'periods' });
    expect(out?.periods).toEqual([JAN, FEB]);
  });

  it('"split that by month" turns the figure into a series over the same period', () => {
    const last = foodInFebruary();
    last.periods = [
      { start: '2025-12-01', end: '2026-03-01', label: 'December to February', grain: 'custom' },
    ];
    const out = edit(
      last,
      'split that by month',
      said((q) => (q.groupBy = 'month')),
    );
    expect(out?.series).toEqual({ grain: 'month', within: last.periods[0] });
    expect(out?.periods).toEqual([]);
    expect(out?.filters.include.categories).toEqual([FOOD]);
    const weekly = edit(
      last,
      'and by week?',
      said((q) => (q.series = { grain: 'week', within: JAN })),
    );
    expect(weekly?.series).toEqual({ grain: 'week', within: last.periods[0] });
  });

  it('"break that down by merchant", "show me those" and "top 5 of those" change the form only', () => {
    const byMerchant = edit(
      foodInFebruary(),
      'break that down by merchant',
      said((q) => ((q.form = 'breakdown'), (q.groupBy = 'merchant'))),
    );
    expect(byMerchant).toMatchObject({ form: 'breakdown', groupBy: 'merchant', periods: [FEB] });
    const list = edit(
      byMerchant!,
      'show me those',
      said((q) => (q.form = 'list')),
    );
    expect(list).toMatchObject({ form: 'list', periods: [FEB] });
    expect(list?.groupBy).toBeUndefined();
    expect(list?.filters.include.categories).toEqual([FOOD]);
    const top = edit(
      foodInFebruary(),
      'top 5 of those',
      said((q) => (q.ranking = { order: 'top', n: 5 })),
    );
    expect(top).toMatchObject({ form: 'breakdown', ranking: { order: 'top', n: 5 }, periods: [FEB] });
    // After a list, "top 5 of those" keeps listing: the five largest.
    const topOfList = edit(
      list!,
      'top 5 of those',
      said((q) => (q.ranking = { order: 'top', n: 5 })),
    );
    expect(topOfList).toMatchObject({ form: 'list', ranking: { order: 'top', n: 5 } });
  });

  it('"show more" turns the page of the last list', () => {
    const list = { ...foodInFebruary(), form: 'list' as const };
    const next = said(() => undefined);
    expect(editLastQuestion(next.understood, cued(next, 'show more'), { query: list, shown: 10 })).toEqual({
      understood: { query: list, unplaced: [], unknownNames: [] },
      offset: 10,
    });
  });

  it('a different measure is taken: "and income?" after spending', () => {
    const out = edit(
      foodInFebruary(),
      'and income?',
      said((q) => (q.measure = { kind: 'received' })),
    );
    expect(out?.measure).toEqual({ kind: 'received' });
    expect(out?.periods).toEqual([FEB]);
  });

  it('a short question of its own borrows only what it leaves out', () => {
    const amazon = edit(
      foodInFebruary(),
      'Amazon?',
      said((q) => (q.filters.include.merchants = ['Amazon'])),
    );
    expect(amazon).toMatchObject({ periods: [FEB] });
    expect(amazon?.filters.include).toEqual({ ...emptySubject(), merchants: ['Amazon'] });
    const january = edit(
      foodInFebruary(),
      'January?',
      said((q) => (q.periods = [JAN]), [JAN]),
    );
    expect(january?.filters.include.categories).toEqual([FOOD]);
    // Clearly asking afresh for a period ("spending last month") borrows no subject.
    const afresh = said((q) => (q.periods = [JAN]), [JAN]);
    afresh.frame.confidence = 0.9;
    expect(edit(foodInFebruary(), 'spending in January', afresh)?.filters.include.categories).toEqual([]);
    // Naming both its own period and subject borrows nothing.
    const fresh = edit(
      foodInFebruary(),
      'Amazon in January',
      said((q) => ((q.periods = [JAN]), (q.filters.include.merchants = ['Amazon'])), [JAN]),
    );
    expect(fresh?.filters.include.categories).toEqual([]);
  });

  it('a question of its own, a name not in the data, or two questions are not follow-ups', () => {
    const whole = said((q) => ((q.periods = [JAN]), (q.filters.include.merchants = ['Amazon'])), [JAN]);
    expect(edit(foodInFebruary(), 'How much did I spend at Amazon in January?', whole)).toBeUndefined();
    const unknown = said((q) => (q.periods = [JAN]), [JAN]);
    unknown.understood.unknownNames = [{ text: 'Costco', kind: 'merchant' }];
    expect(edit(foodInFebruary(), 'and at Costco?', unknown)).toBeUndefined();
    const nothing = said(() => undefined);
    expect(edit(foodInFebruary(), 'and?', nothing)).toBeUndefined();
    expect(editLastQuestion(nothing.understood, cued(nothing, 'and in January?'), undefined)).toBeUndefined();
  });
});
