import { readFileSync } from 'node:fs';
import { addDays } from '../day.ts';
import type { AccountRow, Store } from '../store/index.ts';
import { openStatement, statementReader } from './parse.ts';
import { feedOf, openFeedInThread, type RowFeed } from './row-feed.ts';
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
  /** Told how many rows were written each time a batch is (a progress bar). */
  onRows?: (rows: number) => void;
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
}

/** Raised when a new account's type can be neither read from the file nor was given. */
export class MissingAccountTypeError extends Error {
  constructor(readonly accountName: string) {
    super(`the type of account "${accountName}" is needed (checking, savings or credit_card)`);
    this.name = 'MissingAccountTypeError';
  }
}

/** From this size (about 100,000 rows) a file is written with a small page cache (see Ledger.atomically). */
const LARGE_FILE_BYTES = 8 * 1024 * 1024;
/**
 * Bytes a statement line takes at most, about (a bank's CSV line is 50–100, an OFX one 200–300): a
 * file's size over this is the least number of rows it is expected to hold, a hint for the ledger.
 */
const BYTES_PER_ROW = 300;
/** From this size a file is read on a thread of its own, which costs about a second to start. */
const THREAD_FILE_BYTES = 4 * 1024 * 1024;

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
  return importFeed(store, { ...req, accountType: typeHint }, feedOf(reader), {
    large: req.bytes.length >= LARGE_FILE_BYTES,
    rows: Math.floor(req.bytes.length / BYTES_PER_ROW),
  });
}

export interface FileImportRequest extends Omit<ImportRequest, 'bytes'> {
  /** The statement file; read from disk as it is imported, never whole when it is a UTF-8 CSV. */
  path: string;
  /** Its size in bytes. */
  size: number;
  /** Read on a thread of its own whatever the size (default: from THREAD_FILE_BYTES). */
  thread?: boolean;
}

/**
 * Imports a statement file as `importStatement` imports its bytes, all or nothing, reading it as it
 * goes: a large file is read, cleaned and categorised on a thread of its own while this one writes.
 * The transaction then stays open while rows arrive from that thread, so this is for a process that
 * does nothing else on the store meanwhile (the import command), not for the server.
 */
export async function importFile(store: Store, req: FileImportRequest): Promise<ImportSummary> {
  const existing = await store.accounts.findByName(req.userId, req.accountName);
  const typeHint = existing?.type ?? req.accountType;
  const options = { fileName: req.fileName, accountType: typeHint, ...req.overrides };
  const threaded = req.thread ?? req.size >= THREAD_FILE_BYTES;
  const feed = threaded
    ? await openFeedInThread(req.path, options)
    : feedOf(openStatement(readFileSync(req.path), options));
  return importFeed(store, { ...req, accountType: typeHint }, feed, {
    large: req.size >= LARGE_FILE_BYTES,
    rows: Math.floor(req.size / BYTES_PER_ROW),
  });
}

/** Links already-parsed statements (demo data, or a file parsed earlier) to one of the user's accounts. */
export async function importParsed(
  store: Store,
  req: Omit<ImportRequest, 'bytes' | 'overrides'>,
  statements: readonly ParsedStatement[],
): Promise<ImportSummary> {
  return importFeed(store, req, feedOf(statementReader(statements)));
}

async function importFeed(
  store: Store,
  req: Omit<ImportRequest, 'bytes' | 'overrides'>,
  feed: RowFeed,
  size: { large: boolean; rows: number } = { large: false, rows: 0 },
): Promise<ImportSummary> {
  try {
    return await importRows(store, req, feed, size);
  } finally {
    feed.close();
  }
}

async function importRows(
  store: Store,
  req: Omit<ImportRequest, 'bytes' | 'overrides'>,
  feed: RowFeed,
  size: { large: boolean; rows: number },
): Promise<ImportSummary> {
  const now = req.now ?? new Date();
  const existing = await store.accounts.findByName(req.userId, req.accountName);
  const type = existing?.type ?? req.accountType ?? feed.account.type;
  if (!type) throw new MissingAccountTypeError(req.accountName);
  const currency = feed.currency ?? 'USD';
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
            institution: feed.account.institution,
            mask: feed.account.mask,
          },
          now,
        ));
      const writer = await store.ledger.beginStatement(
        req.userId,
        account.id,
        { name: req.fileName, format: feed.format },
        now,
      );
      const { statements, rows } = await feed.read(type, rules, (batch) => {
        writer.add(batch);
        req.onRows?.(batch.length);
      });
      // The reading thread's memory (its caches, its row identities) goes before the commit and any
      // index rebuild, which need memory of their own.
      feed.close();
      if (rows === 0)
        throw new StatementError(req.fileName, 'file', 'expected at least one transaction; found none');
      const result = await writer.finish(statements.flatMap((s) => s.balances));
      return { account, result, statements, rows };
    },
    { bulk: true, ...size },
  );
  const transfersMarked =
    result.firstDate && result.lastDate
      ? await markTransfers(store, req.userId, result.firstDate, result.lastDate)
      : 0;
  return {
    account,
    accountCreated: !existing,
    format: feed.format,
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
  };
}

/** Pairs money leaving one of the user's accounts with the same amount arriving in another. */
async function markTransfers(store: Store, userId: string, first: string, last: string): Promise<number> {
  const accounts = new Map((await store.accounts.list(userId)).map((a) => [a.id, a]));
  // Both ends of a transfer are accounts of the same kind (the person's own, or the demo's): with fewer
  // than two of either kind there is nothing to pair, and the file's rows need not be read back.
  const own = [...accounts.values()].filter((a) => !a.demo).length;
  if (own < 2 && accounts.size - own < 2) return 0;
  // Loaded here: the import of a first account (a large file, often) never needs the matching rules.
  const { findTransferIds } = await import('./enrich/transfers.ts');
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
