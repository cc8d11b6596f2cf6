import { addDays } from '../day.ts';
import type { AccountRow, NewTransaction, Store } from '../store/index.ts';
import { categorize, type Categorization } from './enrich/categorize.ts';
import { cleanMerchant, pickDescriptor } from './enrich/merchants.ts';
import { findTransferIds } from './enrich/transfers.ts';
import { fingerprinter } from './fingerprint.ts';
import { openStatement, statementReader, type StatementReader } from './parse.ts';
import {
  StatementError,
  type AccountType,
  type ParseOptions,
  type ParsedStatement,
  type StatementTransaction,
} from './types.ts';

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
 * Rows enriched and written together. Small enough that a batch is gone before the young generation is
 * next collected (a few hundred kB), so rows never pile up in the old one.
 */
const BATCH_ROWS = 1000;
/** From this size (about 100,000 rows) a file is written with a small page cache (see Ledger.atomically). */
const LARGE_FILE_BYTES = 8 * 1024 * 1024;

/**
 * Reads a statement file and links its transactions to one of the user's accounts: open the file (one
 * that is broken, cut off or needs an answer is refused here, whole), then inside one database
 * transaction write the account (when new) and stream the rows through merchant clean-up and
 * categorisation into the ledger in batches, so a large file is never held as objects; a row that
 * cannot be read, or an interruption, rolls everything back. Then mark payments between the user's own
 * accounts as transfers.
 */
export async function importStatement(store: Store, req: ImportRequest): Promise<ImportSummary> {
  const existing = await store.accounts.findByName(req.userId, req.accountName);
  const typeHint = existing?.type ?? req.accountType;
  const reader = openStatement(req.bytes, {
    fileName: req.fileName,
    accountType: typeHint,
    ...req.overrides,
  });
  return importReader(store, { ...req, accountType: typeHint }, reader, req.bytes.length >= LARGE_FILE_BYTES);
}

/** Links already-parsed statements (demo data, or a file parsed earlier) to one of the user's accounts. */
export async function importParsed(
  store: Store,
  req: Omit<ImportRequest, 'bytes' | 'overrides'>,
  statements: readonly ParsedStatement[],
): Promise<ImportSummary> {
  return importReader(store, req, statementReader(statements));
}

async function importReader(
  store: Store,
  req: Omit<ImportRequest, 'bytes' | 'overrides'>,
  reader: StatementReader,
  large = false,
): Promise<ImportSummary> {
  const now = req.now ?? new Date();
  const existing = await store.accounts.findByName(req.userId, req.accountName);
  const type = existing?.type ?? req.accountType ?? reader.account.type;
  if (!type) throw new MissingAccountTypeError(req.accountName);
  const currency = reader.currency ?? 'USD';
  const rules = await store.ledger.userRules(req.userId);
  // The account (when new) and every row commit together: a refused or interrupted file leaves no empty account.
  const { account, result, statements, rows } = await store.ledger.atomically(
    async () => {
      const account =
        existing ??
        (await store.accounts.upsert(
          req.userId,
          {
            name: req.accountName,
            type,
            currency,
            institution: reader.account.institution,
            mask: reader.account.mask,
          },
          now,
        ));
      const writer = await store.ledger.beginStatement(
        req.userId,
        account.id,
        { name: req.fileName, format: reader.format },
        now,
      );
      // Identical lines are told apart by their rank within their own statement (see fingerprint.ts).
      const identities: Array<ReturnType<typeof fingerprinter>> = [];
      const enrich = enricher(type, rules);
      let batch: NewTransaction[] = [];
      let rows = 0;
      const statements = reader.read((t, s) => {
        const identity = (identities[s] ??= fingerprinter());
        batch.push(ledgerRow(t, enrich(t), identity(t)));
        rows++;
        if (batch.length >= BATCH_ROWS) {
          writer.add(batch);
          batch = [];
        }
      });
      writer.add(batch);
      if (rows === 0)
        throw new StatementError(req.fileName, 'file', 'expected at least one transaction; found none');
      const result = await writer.finish(statements.flatMap((s) => s.balances));
      return { account, result, statements, rows };
    },
    { bulk: true, large },
  );
  const transfersMarked =
    result.firstDate && result.lastDate
      ? await markTransfers(store, req.userId, result.firstDate, result.lastDate)
      : 0;
  return {
    account,
    accountCreated: !existing,
    format: reader.format,
    layout: [...new Set(statements.map((s) => s.layout))].join(', '),
    rows,
    added: result.added,
    skipped: result.skipped,
    repeated: result.repeated,
    firstDate: result.firstDate,
    lastDate: result.lastDate,
    transfersMarked,
    balances: statements.reduce((n, s) => n + s.balances.length, 0),
    assumptions: [...new Set(statements.flatMap((s) => s.assumptions))],
    addedIds: result.addedIds,
  };
}

type Enrichment = { descriptor: string; merchant: string } & Categorization;

/**
 * Merchant clean-up and categorisation for one import. Both are pure functions of the line's text,
 * direction and bank hints (and the user's rules, fixed for the import), and statements repeat the same
 * lines month after month: each distinct line is worked out once (up to a bound) and looked up after.
 */
function enricher(
  accountType: AccountType,
  rules: ReadonlyMap<string, string>,
): (t: StatementTransaction) => Enrichment {
  const known = new Map<string, Enrichment>();
  return (t) => {
    const key = `${t.description}\u0001${t.memo ?? ''}\u0001${t.amountMinor > 0 ? '+' : '-'}\u0001${t.mcc ?? ''}\u0001${t.bankCategory ?? ''}\u0001${t.bankType ?? ''}`;
    const hit = known.get(key);
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
    if (known.size < 50_000) known.set(key, found);
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

/** Pairs money leaving one of the user's accounts with the same amount arriving in another. */
async function markTransfers(store: Store, userId: string, first: string, last: string): Promise<number> {
  const accounts = new Map((await store.accounts.list(userId)).map((a) => [a.id, a]));
  // Both ends of a transfer are accounts of the same kind (the person's own, or the demo's): with fewer
  // than two of either kind there is nothing to pair, and the file's rows need not be read back.
  const own = [...accounts.values()].filter((a) => !a.demo).length;
  if (own < 2 && accounts.size - own < 2) return 0;
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
    const cardPayment =
      row.accountType === 'credit_card' ||
      /CARD|CRD|AMEX|CAPITAL ONE|DISCOVER|CITI|PMT|PAYMENT/i.test(row.description);
    const code = cardPayment
      ? 'LOAN_PAYMENTS_CREDIT_CARD_PAYMENT'
      : row.amountMinor < 0
        ? 'TRANSFER_OUT_ACCOUNT_TRANSFER'
        : 'TRANSFER_IN_ACCOUNT_TRANSFER';
    idsByCode.set(code, [...(idsByCode.get(code) ?? []), row.id]);
  }
  let marked = 0;
  for (const [code, group] of idsByCode)
    marked += await store.ledger.setFlow(userId, group, 'transfer', code);
  return marked;
}
