/** A made-up household to read questions against, and a compact form of an Understood for tables. */
import { join } from 'node:path';
import type { SubjectFilter, Understood } from '../../../src/insights/query.ts';
import { createUnderstanding, type Understanding } from '../../../src/language/understand.ts';
import type { Frame, UserVocabulary } from '../../../src/language/types.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
export const TODAY = '2026-03-10';

export const VOCABULARY: UserVocabulary = {
  merchants: [
    'Starbucks',
    'Amazon',
    'Uber',
    'Lyft',
    'Whole Foods Market',
    "Trader Joe's",
    'Netflix',
    'Spotify',
    'Shell',
    'Chevron',
    'Shake Shack',
    'Blue Bottle Coffee',
    'Oakwood Apartments',
    'Acme Corp',
    'Best Buy',
    'Chipotle',
    'Tesco',
  ],
  accounts: [
    { id: 1, name: 'Chase Checking', type: 'checking', institution: 'Chase' },
    { id: 2, name: 'Chase Sapphire', type: 'credit_card', institution: 'Chase' },
    { id: 3, name: 'Amex Gold', type: 'credit_card', institution: 'American Express' },
    { id: 4, name: 'Discover It', type: 'credit_card', institution: 'Discover' },
    { id: 5, name: 'Ally Savings', type: 'savings', institution: 'Ally' },
  ],
};

let shared: Promise<Understanding> | undefined;
export function understanding(): Promise<Understanding> {
  shared ??= createUnderstanding({
    luDir: join(ROOT, 'dialogs'),
    synonymsFile: join(ROOT, 'data/category-synonyms.csv'),
  });
  return shared;
}

const accountName = (id: number): string => VOCABULARY.accounts.find((a) => a.id === id)?.name ?? String(id);

function subject(s: SubjectFilter): string[] {
  return [
    ...s.categories.map((c) => `cat:${c.label}`),
    ...s.merchants.map((m) => `mer:${m}`),
    ...s.accounts.map((a) => `acc:${accountName(a)}`),
    ...s.accountTypes.map((t) => `type:${t}`),
  ];
}

/** The query's parts as short strings, so a table can state only the parts it is about. */
export interface Brief {
  measure: string;
  include: string[];
  exclude: string[];
  amount?: string;
  periods: string[];
  defaulted?: string;
  series?: string;
  groupBy?: string;
  ranking?: string;
  comparison?: string;
  subjects?: string[][];
  form: string;
  unplaced: string[];
  unknown: string[];
  also?: Brief;
}

export function brief(u: Understood): Brief {
  const q = u.query;
  const m = q.measure;
  const measure =
    m.kind === 'count' || m.kind === 'largest'
      ? `${m.kind}:${m.of}`
      : m.kind === 'average'
        ? `average:${m.of}/${m.per}`
        : m.kind;
  const out: Brief = {
    measure,
    include: subject(q.filters.include),
    exclude: subject(q.filters.exclude),
    periods: q.periods.map((p) => `${p.start}..${p.end}`),
    form: q.form,
    unplaced: u.unplaced,
    unknown: u.unknownNames.map((n) => `${n.text.toLowerCase()}:${n.kind}`),
  };
  const a = q.filters.amount;
  if (a) out.amount = `${a.minMinor ?? ''}..${a.maxMinor ?? ''}`;
  if (q.defaultedPeriod) out.defaulted = q.defaultedPeriod;
  if (q.series) out.series = `${q.series.grain}:${q.series.within.start}..${q.series.within.end}`;
  if (q.groupBy) out.groupBy = q.groupBy;
  if (q.ranking) out.ranking = `${q.ranking.order} ${q.ranking.n}`;
  if (q.comparison) {
    out.comparison = q.comparison.kind;
    if (q.comparison.kind === 'subjects') out.subjects = q.comparison.subjects.map((s) => subject(s.include));
  }
  if (u.also) out.also = brief(u.also);
  return out;
}

/** The frame of any message, money question or not. */
export async function framer(): Promise<(text: string) => Frame> {
  const u = await understanding();
  return (text) => u.understand(text, TODAY, VOCABULARY);
}

export async function asker(): Promise<(text: string) => { frame: Frame; brief: Brief }> {
  const u = await understanding();
  return (text) => {
    const frame = u.understand(text, TODAY, VOCABULARY);
    if (!frame.understood)
      throw new Error(`"${text}" was read as ${frame.intent}, not a question about money`);
    return { frame, brief: brief(frame.understood) };
  };
}
