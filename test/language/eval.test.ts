import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CATEGORIES_FILE,
  evaluate,
  evaluateHeldoutQueries,
  HELDOUT_QUERY_FILE,
  HELDOUT_QUERY_VOCABULARY,
  LU_DIR,
  readHeldout,
  SYNONYMS_FILE,
  type HeldoutCase,
} from '../../src/cli/eval-language.ts';
import { ROOT } from '../../src/config.ts';
import {
  expectsQuery,
  readQueryCases,
  readTaxonomy,
  sha256OfFile,
  type QueryCase,
  type QueryExpect,
  type SubjectExpect,
  type Taxonomy,
} from '../../src/language/evaluation/query-cases.ts';
import { judge } from '../../src/language/evaluation/query-score.ts';
import {
  baseQuery,
  emptySubject,
  type Query,
  type SubjectFilter,
  type Understood,
} from '../../src/insights/query.ts';
import { exampleKey, loadLuFolder } from '../../src/language/lu.ts';
import { createUnderstanding, type Understanding } from '../../src/language/understand.ts';
import { INTENTS, type Frame } from '../../src/language/types.ts';

let cases: HeldoutCase[];
let questions: QueryCase[];
let taxonomy: Taxonomy;
let understanding: Understanding;
beforeAll(async () => {
  [cases, questions, taxonomy] = await Promise.all([
    readHeldout(),
    readQueryCases(HELDOUT_QUERY_FILE),
    readTaxonomy(CATEGORIES_FILE),
  ]);
  understanding = await createUnderstanding({ luDir: LU_DIR, synonymsFile: SYNONYMS_FILE });
});

async function trainingKeys(): Promise<Set<string>> {
  const doc = await loadLuFolder(LU_DIR);
  return new Set([...doc.intents.values()].flat().map((e) => exampleKey(e.text)));
}

describe('older utterances (used for tuning)', () => {
  it('are many, cover every intent, and none is a training example', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(250);
    expect(new Set(cases.map((c) => c.i))).toEqual(new Set(INTENTS));
    const trained = await trainingKeys();
    expect(cases.filter((c) => trained.has(exampleKey(c.t))).map((c) => c.t)).toEqual([]);
  });

  it('get the intent right at least 95% of the time and the whole frame at least 95%', () => {
    const result = evaluate(understanding, cases);
    expect(result.intentAccuracy, JSON.stringify(result.failures, null, 1)).toBeGreaterThanOrEqual(0.95);
    expect(result.frameAccuracy, JSON.stringify(result.failures, null, 1)).toBeGreaterThanOrEqual(0.95);
  });
});

const KINDS = [
  'total',
  'breakdown',
  'top',
  'trend',
  'compare_periods',
  'compare_subjects',
  'exclusion',
  'two_questions',
  'superlative',
  'threshold',
  'count',
  'average',
  'income',
  'net',
  'balance',
  'list',
  'no_period',
  'unknown_name',
  'unsupported',
  'british',
  'slang',
  'typo',
  'named_day',
  'non_money',
  'findings',
];

/** Every way a line's query can name something, so each can be checked against the user and the taxonomy. */
function subjectsOf(e: QueryExpect): SubjectExpect[] {
  const own = [e.include, e.exclude, ...(e.comparison?.kind === 'subjects' ? e.comparison.subjects : [])];
  return [...own.filter((s): s is SubjectExpect => !!s), ...(e.also ? subjectsOf(e.also) : [])];
}

function periodsOf(e: QueryExpect): [string, string][] {
  return [
    ...(e.periods ?? []),
    ...(e.series?.within ? [e.series.within] : []),
    ...(e.also ? periodsOf(e.also) : []),
  ];
}

describe('the frozen held-out questions', () => {
  it('are the very file whose SHA-256 docs/language-evaluation.md records', async () => {
    const doc = await readFile(join(ROOT, 'docs/language-evaluation.md'), 'utf8');
    const recorded = /SHA-256 of `test\/language\/data\/heldout-query\.jsonl`: `([0-9a-f]{64})`/.exec(
      doc,
    )?.[1];
    expect(recorded).toMatch(/^[0-9a-f]{64}$/);
    expect(await sha256OfFile(HELDOUT_QUERY_FILE)).toBe(recorded);
  });

  it('hold at least 600 lines, at least 20 of every kind', () => {
    expect(questions.length).toBeGreaterThanOrEqual(600);
    const perKind = new Map<string, number>();
    for (const q of questions) perKind.set(q.kind, (perKind.get(q.kind) ?? 0) + 1);
    expect([...perKind.keys()].sort()).toEqual([...KINDS].sort());
    expect([...perKind].filter(([, n]) => n < 20)).toEqual([]);
  });

  it("name only the user's own merchants and accounts, real taxonomy codes, known intents and real periods", () => {
    const merchants = new Set(HELDOUT_QUERY_VOCABULARY.merchants);
    const accounts = new Set(HELDOUT_QUERY_VOCABULARY.accounts.map((a) => a.name));
    const intents = new Set<string>(INTENTS);
    const problems: string[] = [];
    for (const { t, expect: e } of questions) {
      if (e.asks) continue;
      if (!e.intent || !intents.has(e.intent)) problems.push(`${t}: intent ${e.intent}`);
      for (const code of e.correction?.category ?? [])
        if (!taxonomy.codes.has(code)) problems.push(`${t}: ${code}`);
      if (!expectsQuery(e)) continue;
      for (const s of subjectsOf(e)) {
        for (const code of s.categories ?? []) if (!taxonomy.codes.has(code)) problems.push(`${t}: ${code}`);
        for (const m of s.merchants ?? []) if (!merchants.has(m)) problems.push(`${t}: merchant ${m}`);
        for (const a of s.accounts ?? []) if (!accounts.has(a)) problems.push(`${t}: account ${a}`);
      }
      for (const [start, end] of periodsOf(e))
        if (!/^\d{4}-\d\d-\d\d$/.test(start) || !/^\d{4}-\d\d-\d\d$/.test(end) || start >= end)
          problems.push(`${t}: period ${start}..${end}`);
    }
    expect(problems).toEqual([]);
  });

  it('share no wording with the training examples', async () => {
    const trained = await trainingKeys();
    expect(questions.filter((q) => trained.has(exampleKey(q.t))).map((q) => q.t)).toEqual([]);
  });

  it('are scored line by line, overall and per kind, whatever the accuracy', async () => {
    const result = await evaluateHeldoutQueries(understanding);
    expect(result.total).toBe(questions.length);
    expect([...result.perKind.values()].reduce((n, k) => n + k.total, 0)).toBe(questions.length);
    expect(result.misses.length).toBe(result.total - result.right);
    expect(result.queryRight).toBeGreaterThanOrEqual(result.right);
  });
});

describe('whole-frame scoring', () => {
  const JAN = { start: '2026-01-01', end: '2026-02-01', label: 'January 2026', grain: 'month' as const };
  const subject = (s: Partial<SubjectFilter> = {}): SubjectFilter => ({ ...emptySubject(), ...s });
  const frame = (intent: Frame['intent'], query: Partial<Query>, rest: Partial<Understood> = {}): Frame => ({
    intent,
    confidence: 1,
    periods: [],
    categories: [],
    merchants: [],
    accounts: [],
    understood: { query: { ...baseQuery([JAN]), ...query }, unplaced: [], unknownNames: [], ...rest },
  });
  const line = (expect: QueryCase['expect']): QueryCase => ({
    kind: 'exclusion',
    t: 'food except groceries in jan',
    expect,
  });
  const verdict = (c: QueryCase, f: Frame) => judge(c, f, { taxonomy, vocabulary: HELDOUT_QUERY_VOCABULARY });
  const foodButGroceries = line({
    intent: 'spending',
    measure: { kind: 'spent' },
    include: { categories: ['FOOD_AND_DRINK'] },
    exclude: { categories: ['FOOD_AND_DRINK_GROCERIES'] },
    periods: [['2026-01-01', '2026-02-01']],
  });
  const filters = (include: SubjectFilter, exclude = subject()): Query['filters'] => ({ include, exclude });
  const food = (): SubjectFilter =>
    subject({
      categories: [{ codes: taxonomy.detailedOf.get('FOOD_AND_DRINK') ?? [], label: 'food' }],
    });
  const groceries = subject({ categories: [{ codes: ['FOOD_AND_DRINK_GROCERIES'], label: 'groceries' }] });

  it('counts a primary code and every detailed code under it as the same category', () => {
    expect(verdict(foodButGroceries, frame('spending', { filters: filters(food(), groceries) })).right).toBe(
      true,
    );
  });

  it('is a miss when anything is extra, missing, left unplaced or the intent differs', () => {
    const withAmazon = subject({ ...food(), merchants: ['Amazon'] });
    expect(
      verdict(foodButGroceries, frame('spending', { filters: filters(withAmazon, groceries) })).right,
    ).toBe(false);
    expect(verdict(foodButGroceries, frame('spending', { filters: filters(food()) })).right).toBe(false);
    const unplaced = frame('spending', { filters: filters(food(), groceries) }, { unplaced: ['budget'] });
    expect(verdict(foodButGroceries, unplaced).right).toBe(false);
    const breakdown = verdict(foodButGroceries, frame('breakdown', { filters: filters(food(), groceries) }));
    expect([breakdown.right, breakdown.queryRight]).toEqual([false, true]);
    expect(verdict(foodButGroceries, { ...frame('spending', {}), understood: undefined }).right).toBe(false);
  });

  it('takes account types and the accounts of that type, and a monthly grouping and a monthly series, as one', () => {
    const cards = line({
      intent: 'trend',
      measure: { kind: 'spent' },
      include: { accountTypes: ['credit_card'] },
      groupBy: 'month',
      periods: [['2026-01-01', '2026-02-01']],
    });
    const series = frame('trend', {
      filters: filters(subject({ accounts: [2, 3, 4] })),
      periods: [],
      series: { grain: 'month', within: JAN },
    });
    expect(verdict(cards, series).right).toBe(true);
  });

  it('leaves open only an unsized ranking, and the periods of a defaulted question', () => {
    const top = line({
      intent: 'top',
      measure: { kind: 'spent' },
      groupBy: 'merchant',
      ranking: { order: 'top' },
      defaultedPeriod: 'latest-complete-month',
    });
    const got = frame('top', {
      groupBy: 'merchant',
      ranking: { order: 'top', n: 5 },
      form: 'breakdown',
      defaultedPeriod: 'latest-complete-month',
    });
    expect(verdict(top, got).right).toBe(true);
    expect(verdict(top, frame('top', { groupBy: 'merchant', ranking: { order: 'top', n: 5 } })).right).toBe(
      false,
    );
  });

  it('compares subjects side by side in any order', () => {
    const vs = line({
      intent: 'compare',
      measure: { kind: 'spent' },
      periods: [['2026-01-01', '2026-02-01']],
      comparison: { kind: 'subjects', subjects: [{ merchants: ['Chevron'] }, { merchants: ['Shell'] }] },
    });
    const got = frame('compare', {
      comparison: {
        kind: 'subjects',
        subjects: [
          { label: 'Shell', include: subject({ merchants: ['Shell'] }) },
          { label: 'Chevron', include: subject({ merchants: ['Chevron'] }) },
        ],
      },
    });
    expect(verdict(vs, got).right).toBe(true);
  });

  it('takes a line that must ask as right only when something is flagged or the intent is none', () => {
    const costco = line({ asks: true });
    expect(
      verdict(costco, frame('spending', {}, { unknownNames: [{ text: 'costco', kind: 'merchant' }] })).right,
    ).toBe(true);
    expect(verdict(costco, { ...frame('none', {}), understood: undefined }).right).toBe(true);
    expect(verdict(costco, frame('spending', {})).right).toBe(false);
  });
});
