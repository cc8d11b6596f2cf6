/**
 * The frozen held-out set of whole questions (`test/language/data/heldout-query.jsonl`): what each line says
 * a message means, and the taxonomy the category codes in it come from. See docs/language-evaluation.md.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { AnswerForm, GroupKey, MeasureKind, Query, Series } from '../../insights/query.ts';

/** One subject as a line states it: taxonomy codes, canonical merchant names, account names, account types. */
export interface SubjectExpect {
  categories?: string[];
  merchants?: string[];
  accounts?: string[];
  accountTypes?: ('checking' | 'savings' | 'credit_card')[];
}

/**
 * The query a line expects. Absent lists and fields mean "none"; the only wildcards are a ranking without
 * `n`, a series without `grain` or `within`, and the periods of a question whose period is defaulted.
 */
export interface QueryExpect {
  measure: { kind: MeasureKind; of?: 'spent' | 'received'; per?: 'day' | 'week' | 'month' | 'transaction' };
  include?: SubjectExpect;
  exclude?: SubjectExpect;
  /** Inclusive bounds in minor units. */
  amount?: { min?: number; max?: number };
  /** `[start, end)` ISO days, in the order said. */
  periods?: [string, string][];
  series?: { grain?: Series['grain']; within?: [string, string] };
  groupBy?: GroupKey;
  ranking?: { order: 'top' | 'bottom'; n?: number };
  comparison?: { kind: 'periods' } | { kind: 'subjects'; subjects: SubjectExpect[] };
  /** `figure` when absent. */
  form?: AnswerForm;
  defaultedPeriod?: NonNullable<Query['defaultedPeriod']>;
  /** The second question of the message. */
  also?: QueryExpect;
}

/** What a line expects: an intent and, for a question about money, its query; or that the bot must ask. */
export interface CaseExpect extends Partial<QueryExpect> {
  intent?: string;
  /** No figure is right: the understanding must flag unplaced words or unknown names (or say `none`). */
  asks?: true;
  /** For people reading the file: why the line must ask. Not scored. */
  why?: string;
  /** For alerts: on or off. */
  toggle?: boolean;
  /** For correct_category: the merchant words as typed and the codes of the category meant. */
  correction?: { merchant: string; category: string[] };
}

export interface QueryCase {
  kind: string;
  t: string;
  expect: CaseExpect;
}

export async function readQueryCases(file: string): Promise<QueryCase[]> {
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as QueryCase);
}

/** The SHA-256 of a file's bytes, in hex: what docs/language-evaluation.md records for the frozen set. */
export async function sha256OfFile(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

/** The two-level taxonomy: each primary code with the detailed codes under it. */
export interface Taxonomy {
  detailedOf: Map<string, string[]>;
  /** Every code, primary and detailed. */
  codes: Set<string>;
}

/** Reads `data/categories.csv` (`primary,detailed,label,description`; the two codes never need quoting). */
export async function readTaxonomy(file: string): Promise<Taxonomy> {
  const detailedOf = new Map<string, string[]>();
  const codes = new Set<string>();
  const rows = (await readFile(file, 'utf8')).split('\n').slice(1);
  for (const row of rows) {
    const [primary, detailed] = row.split(',');
    if (!primary || !detailed) continue;
    codes.add(primary).add(detailed);
    detailedOf.set(primary, [...(detailedOf.get(primary) ?? []), detailed]);
  }
  return { detailedOf, codes };
}

/** Whether a line is about money (it expects a query) rather than an intent alone. */
export function expectsQuery(expect: CaseExpect): expect is CaseExpect & QueryExpect {
  return expect.measure !== undefined;
}
