/**
 * Statement lines made ready for the ledger: merchant clean-up, categorisation and identity, handed on a
 * batch at a time as the file is read, on whichever thread reads it.
 */
import type { NewTransaction } from '../store/types.ts';
import { categorize, type Categorization } from './enrich/categorize.ts';
import { cleanMerchant, pickDescriptor } from './enrich/merchants.ts';
import { fingerprinter } from './fingerprint.ts';
import type { StatementReader } from './parse.ts';
import type { AccountType, ParsedStatement, StatementTransaction } from './types.ts';

/**
 * Rows enriched and written together. Small enough that a batch is gone before the young generation is
 * next collected (a few hundred kB), so rows never pile up in the old one.
 */
export const BATCH_ROWS = 1000;

/**
 * Distinct lines whose enrichment an import remembers; beyond it the rest are worked out each time (the
 * clean-up and the categoriser keep caches of their own, so a miss here is still cheap).
 */
const MEMO_LINES = 20_000;

type Enrichment = { descriptor: string; merchant: string } & Categorization;

export interface ReadRows {
  statements: ParsedStatement[];
  rows: number;
}

/**
 * Reads every line of `reader`, enriches it for an account of `accountType` with the user's `rules`, and
 * hands the ledger rows to `add` in batches of BATCH_ROWS, in file order; returns the statements
 * (balances, layout, assumptions) and how many lines were read.
 */
export function readLedgerRows(
  reader: StatementReader,
  accountType: AccountType,
  rules: ReadonlyMap<string, string>,
  add: (batch: NewTransaction[]) => void,
): ReadRows {
  // Identical lines are told apart by their rank within their own statement (see fingerprint.ts).
  const identities: Array<ReturnType<typeof fingerprinter>> = [];
  const enrich = enricher(accountType, rules);
  let batch: NewTransaction[] = [];
  let rows = 0;
  // A statement's earlier rows, read again: only for a file whose dates go back to a day its
  // fingerprinter has forgotten (once at most, see line-ranks.ts).
  const recount = (statement: number) => (visit: (t: StatementTransaction) => void) => {
    reader.read((t, s) => {
      if (s === statement) visit(t);
    });
  };
  const statements = reader.read((t, s) => {
    const identity = (identities[s] ??= fingerprinter(recount(s)));
    batch.push(ledgerRow(t, enrich(t), identity(t)));
    rows++;
    if (batch.length >= BATCH_ROWS) {
      add(batch);
      batch = [];
    }
  });
  if (batch.length > 0) add(batch);
  return { statements, rows };
}

/**
 * Merchant clean-up and categorisation for one import. Both are pure functions of the line's text,
 * direction and bank hints (and the user's rules, fixed for the import), and statements repeat the same
 * lines month after month: each distinct line is worked out once (up to a bound) and looked up after.
 */
function enricher(
  accountType: AccountType,
  rules: ReadonlyMap<string, string>,
): (t: StatementTransaction) => Enrichment {
  // Keyed first by what a bank's lines rarely vary (direction, then its transaction type when that is
  // all it adds, or memo and codes), then by the description itself: the parser's own strings, looked up
  // without building a key string for every line.
  const byType = [
    new Map<string | undefined, Map<string, Enrichment>>(),
    new Map<string | undefined, Map<string, Enrichment>>(),
  ];
  const byContext = new Map<string, Map<string, Enrichment>>();
  let remembered = 0;
  return (t) => {
    const plain = t.memo === undefined && t.mcc === undefined && t.bankCategory === undefined;
    const types = byType[t.amountMinor > 0 ? 1 : 0] as Map<string | undefined, Map<string, Enrichment>>;
    const context = plain
      ? undefined
      : `${t.amountMinor > 0 ? '+' : '-'}\u0001${t.memo ?? ''}\u0001${t.mcc ?? ''}\u0001${t.bankCategory ?? ''}\u0001${t.bankType ?? ''}`;
    let lines = context === undefined ? types.get(t.bankType) : byContext.get(context);
    const hit = lines?.get(t.description);
    if (hit) return hit;
    const descriptor = pickDescriptor(t.description, t.memo);
    const merchant = cleanMerchant(descriptor);
    const guess = categorize(
      {
        merchant,
        description: descriptor,
        amountMinor: t.amountMinor,
        accountType,
        mcc: t.mcc,
        bankCategory: t.bankCategory,
        bankType: t.bankType,
      },
      rules,
    );
    const found = { descriptor, merchant, ...guess };
    if (remembered < MEMO_LINES) {
      if (!lines) {
        lines = new Map();
        if (context === undefined) types.set(t.bankType, lines);
        else byContext.set(context, lines);
      }
      lines.set(t.description, found);
      remembered++;
    }
    return found;
  };
}

/** One line with its clean merchant name, category and flow, ready for the ledger. */
function ledgerRow(t: StatementTransaction, e: Enrichment, fingerprint: string): NewTransaction {
  return {
    date: t.date,
    amountMinor: t.amountMinor,
    currency: t.currency,
    description: e.descriptor,
    merchant: e.merchant,
    category: e.category,
    flow: e.flow,
    categorySource: e.source,
    externalId: t.externalId,
    fingerprint,
    mcc: t.mcc,
    bankCategory: t.bankCategory,
  };
}
