import { addDays } from '../day.ts';
import type { AccountRow, NewTransaction, Store } from '../store/index.ts';
import { categorize } from './enrich/categorize.ts';
import { cleanMerchant, pickDescriptor } from './enrich/merchants.ts';
import { findTransferIds } from './enrich/transfers.ts';
import { fingerprints } from './fingerprint.ts';
import { parseStatement } from './parse.ts';
import { StatementError, type AccountType, type ParseOptions, type ParsedStatement } from './types.ts';

export interface ImportRequest {
  userId: string;
  accountName: string;
  /** Needed when the account is new and the file does not say what it is. */
  accountType?: AccountType;
  fileName: string;
  bytes: Buffer;
  overrides?: Pick<ParseOptions, 'dateFormat' | 'columns' | 'negate'>;
  now?: Date;
}

export interface ImportSummary {
  account: AccountRow;
  accountCreated: boolean;
  format: string;
  layout: string;
  /** Lines read from the file. */
  rows: number;
  added: number;
  /** Lines the account already held (an earlier import of the same or an overlapping statement). */
  skipped: number;
  /** Lines repeated exactly within the file (same bank id, date, amount and descriptor), imported once. */
  repeated: number;
  firstDate?: string;
  lastDate?: string;
  transfersMarked: number;
  balances: number;
  assumptions: string[];
  addedIds: number[];
}

/** Raised when a new account's type can be neither read from the file nor was given. */
export class MissingAccountTypeError extends Error {
  constructor(readonly accountName: string) {
    super(`the type of account "${accountName}" is needed (checking, savings or credit_card)`);
    this.name = 'MissingAccountTypeError';
  }
}

/**
 * Reads a statement file and links its transactions to one of the user's accounts: parse (a file that
 * is broken or cut off is refused whole), clean merchant names, categorise, then write the account (when
 * new) and every row in one database transaction (a failing or interrupted file writes nothing), then
 * mark payments between the user's own accounts as transfers.
 */
export async function importStatement(store: Store, req: ImportRequest): Promise<ImportSummary> {
  const existing = await store.accounts.findByName(req.userId, req.accountName);
  const typeHint = existing?.type ?? req.accountType;
  const statements = parseStatement(req.bytes, { fileName: req.fileName, accountType: typeHint, ...req.overrides });
  return importParsed(store, { ...req, accountType: typeHint }, statements);
}

/** Links already-parsed statements (demo data, or a file parsed earlier) to one of the user's accounts. */
export async function importParsed(
  store: Store,
  req: Omit<ImportRequest, 'bytes' | 'overrides'>,
  statements: readonly ParsedStatement[],
): Promise<ImportSummary> {
  const now = req.now ?? new Date();
  const existing = await store.accounts.findByName(req.userId, req.accountName);
  const first = statements[0];
  const type = existing?.type ?? req.accountType ?? first?.account.type;
  if (!type) throw new MissingAccountTypeError(req.accountName);
  const currency = first?.account.currency ?? first?.transactions[0]?.currency ?? 'USD';
  const rules = await store.ledger.userRules(req.userId);
  const lines = statements.flatMap((s) => enrich(s, type, rules));
  if (lines.length === 0) throw new StatementError(req.fileName, 'file', 'expected at least one transaction; found none');
  const rows = onceEach(lines);
  const balances = statements.flatMap((s) => s.balances);
  // The account (when new) and every row commit together: a refused or interrupted file leaves no empty account.
  const { account, result } = await store.ledger.atomically(async () => {
    const account =
      existing ??
      (await store.accounts.upsert(req.userId, { name: req.accountName, type, currency, institution: first?.account.institution, mask: first?.account.mask }, now));
    const result = await store.ledger.addStatement(req.userId, account.id, { name: req.fileName, format: first?.format ?? 'unknown' }, rows, balances, now);
    return { account, result };
  });
  const transfersMarked =
    result.firstDate && result.lastDate ? await markTransfers(store, req.userId, result.firstDate, result.lastDate) : 0;
  return {
    account,
    accountCreated: !existing,
    format: first?.format ?? 'unknown',
    layout: [...new Set(statements.map((s) => s.layout))].join(', '),
    rows: lines.length,
    added: result.added,
    skipped: result.skipped,
    repeated: lines.length - rows.length,
    firstDate: result.firstDate,
    lastDate: result.lastDate,
    transfersMarked,
    balances: balances.length,
    assumptions: [...new Set(statements.flatMap((s) => s.assumptions))],
    addedIds: result.addedIds,
  };
}

/** The file's rows with exact repeats (the same fingerprint) kept once, in file order. */
function onceEach(rows: readonly NewTransaction[]): NewTransaction[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.fingerprint) && Boolean(seen.add(r.fingerprint)));
}

function enrich(statement: ParsedStatement, accountType: AccountType, rules: ReadonlyMap<string, string>): NewTransaction[] {
  const ids = fingerprints(statement.transactions);
  return statement.transactions.map((t, i) => {
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
    return {
      date: t.date,
      amountMinor: t.amountMinor,
      currency: t.currency,
      description: descriptor,
      merchant,
      category: guess.category,
      flow: guess.flow,
      categorySource: guess.source,
      externalId: t.externalId,
      fingerprint: ids[i] as string,
      mcc: t.mcc,
      bankCategory: t.bankCategory,
    };
  });
}

/** Pairs money leaving one of the user's accounts with the same amount arriving in another. */
async function markTransfers(store: Store, userId: string, first: string, last: string): Promise<number> {
  const accounts = new Map((await store.accounts.list(userId)).map((a) => [a.id, a]));
  const since = addDays(first, -7);
  const until = addDays(last, 8);
  const candidates = (await store.queries.transferCandidates(userId, since, until)).map((t) => ({
    ...t,
    accountType: accounts.get(t.accountId)?.type ?? 'checking',
  }));
  const ids = new Set(findTransferIds(candidates));
  if (ids.size === 0) return 0;
  const idsByCode = new Map<string, number[]>();
  for (const row of candidates) {
    if (!ids.has(row.id)) continue;
    const cardPayment = row.accountType === 'credit_card' || /CARD|CRD|AMEX|CAPITAL ONE|DISCOVER|CITI|PMT|PAYMENT/i.test(row.description);
    const code = cardPayment
      ? 'LOAN_PAYMENTS_CREDIT_CARD_PAYMENT'
      : row.amountMinor < 0
        ? 'TRANSFER_OUT_ACCOUNT_TRANSFER'
        : 'TRANSFER_IN_ACCOUNT_TRANSFER';
    idsByCode.set(code, [...(idsByCode.get(code) ?? []), row.id]);
  }
  let marked = 0;
  for (const [code, group] of idsByCode) marked += await store.ledger.setFlow(userId, group, 'transfer', code);
  return marked;
}
