/**
 * Follow-ups in people's own words, through the real understanding: each case asks a first question, then a
 * follow-up, and checks the query that the follow-up's edit of the first one answers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { HELDOUT_QUERY_VOCABULARY, LU_DIR, SYNONYMS_FILE } from '../../src/cli/eval-language.ts';
import { editLastQuestion } from '../../src/conversation/follow-up.ts';
import type { Query } from '../../src/insights/query.ts';
import { createUnderstanding, type Understanding } from '../../src/language/understand.ts';

const TODAY = '2026-03-10';
const JAN = '2026-01-01/2026-02-01';
const FEB = '2026-02-01/2026-03-01';
const DEC = '2025-12-01/2026-01-01';
const THIS_YEAR = '2026-01-01/2027-01-01';

let understanding: Understanding;
beforeAll(async () => {
  understanding = await createUnderstanding({ luDir: LU_DIR, synonymsFile: SYNONYMS_FILE });
});

/** The query answered for `followUp` said after `first`, or undefined when it is not read as a follow-up. */
function after(first: string, followUp: string): Query | undefined {
  const last = understanding.understand(first, TODAY, HELDOUT_QUERY_VOCABULARY).understood;
  const next = understanding.understand(followUp, TODAY, HELDOUT_QUERY_VOCABULARY);
  if (!last || !next.understood) return undefined;
  return editLastQuestion(next.understood, next, { query: last.query, shown: 0 })?.understood.query;
}

const periodsOf = (q: Query | undefined) => q?.periods.map((p) => `${p.start}/${p.end}`);
const labels = (q: Query | undefined) => q?.filters.include.categories.map((c) => c.label);

describe('a period said again', () => {
  it.each(['January then?', 'what about january', 'and in jan?', 'january instead?', 'ok and january'])(
    '"%s" after groceries in February is groceries in January',
    (followUp) => {
      const q = after('how much did i spend on groceries in february', followUp);
      expect(periodsOf(q)).toEqual([JAN]);
      expect(labels(q)).toEqual(['groceries']);
      expect(q?.measure.kind).toBe('spent');
    },
  );
});

describe('a shop named after an income question', () => {
  it.each(['and at Blue Bottle?', 'what about at chipotle', 'and starbucks?', 'ok and on coffee?'])(
    '"%s" asks what was spent there, in the same period',
    (followUp) => {
      const q = after('how much did acme pay me last month', followUp);
      expect(q?.measure.kind).toBe('spent');
      expect(periodsOf(q)).toEqual([FEB]);
      expect(q?.filters.include.merchants.length ?? 0) // a shop or a category, never Acme
        .toBeLessThanOrEqual(1);
      expect(q?.filters.include.merchants).not.toContain('Acme Corp');
    },
  );

  it('a payer named after an income question stays money in', () => {
    const q = after('how much did acme pay me last month', 'and from upwork?');
    expect(q?.measure.kind).toBe('received');
    expect(q?.filters.include.merchants).toEqual(['Upwork']);
  });
});

describe('leaving something out, or keeping one account', () => {
  it.each([
    'and without Amazon?',
    'minus amazon?',
    'excluding amazon',
    'leave out amazon',
    'not counting amazon',
  ])('"%s" keeps food in February and leaves Amazon out', (followUp) => {
    const q = after('how much did i spend on food in february', followUp);
    expect(q?.filters.exclude.merchants).toEqual(['Amazon']);
    expect(labels(q)).toEqual(['food']);
    expect(periodsOf(q)).toEqual([FEB]);
  });

  it.each(['just the Amex', 'only on the amex gold', 'on my amex?'])(
    '"%s" keeps the period and narrows to the Amex',
    (followUp) => {
      const q = after('how much did i spend last month', followUp);
      expect(q?.filters.include.accounts).toEqual([3]);
      expect(periodsOf(q)).toEqual([FEB]);
    },
  );
});

describe('a new shape for the last answer', () => {
  it.each(['split that by month', 'break it down by month', 'month by month please', 'by month?'])(
    '"%s" after coffee this year is a monthly series over this year',
    (followUp) => {
      const q = after('how much did i spend on coffee this year', followUp);
      expect(q?.series?.grain).toBe('month');
      expect(q && `${q.series?.within.start}/${q.series?.within.end}`).toBe(THIS_YEAR);
      expect(labels(q)).toEqual(['coffee']);
    },
  );

  it.each(['show me those', 'list them', 'let me see them', 'which ones?', 'can i see the transactions'])(
    '"%s" lists the charges the last answer added up',
    (followUp) => {
      const q = after('uber in december', followUp);
      expect(q?.form).toBe('list');
      expect(q?.filters.include.merchants).toEqual(['Uber']);
      expect(periodsOf(q)).toEqual([DEC]);
    },
  );
});

describe('a count of what the last answer covered', () => {
  it.each([
    'how many rides was that?',
    'and how many rides was that',
    'how many trips were those',
    'how many times was that',
  ])('"%s" after Uber last month counts the Uber charges', (followUp) => {
    const q = after('how much did i spend on uber last month', followUp);
    expect(q?.measure).toEqual({ kind: 'count', of: 'spent' });
    expect(q?.filters.include.merchants).toEqual(['Uber']);
    expect(labels(q)).toEqual([]);
    expect(periodsOf(q)).toEqual([FEB]);
  });
});

describe('an average per visit', () => {
  it.each([
    'what do i typically spend at chipotle',
    'how much do i usually spend at chipotle',
    'usual damage at chipotle?',
  ])('"%s" is the average Chipotle charge over everything linked', (text) => {
    const q = understanding.understand(text, TODAY, HELDOUT_QUERY_VOCABULARY).understood?.query;
    expect(q?.measure).toEqual({ kind: 'average', of: 'spent', per: 'transaction' });
    expect(q?.filters.include.merchants).toEqual(['Chipotle']);
    expect(q?.defaultedPeriod).toBe('all-linked');
  });
});
