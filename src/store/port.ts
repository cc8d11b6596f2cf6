/**
 * The store port: what the rest of Tally may ask of a database. `SqliteStore` (one file, the default) and
 * `PostgresStore` (a pooled server connection) implement it; nothing outside src/store/ knows which runs.
 * Every operation that can touch the database returns a Promise; the category catalogue answers from
 * memory because the taxonomy is loaded once when the store opens.
 */
import type { Txn, Flow } from '../insights/types.ts';
import type { AccountType } from '../ingest/types.ts';
import type { BudgetRow, BudgetSpec } from './budgets.ts';
import type { CoachingSettings, NoticeKind, Tone } from './coaching.ts';
import type { PlannedMessage, ScheduledRow } from './schedule.ts';
import type { SqlAggregate, SqlGroup, SqlList, SqlRow, SqlValue } from './query-sql.ts';
import type {
  AccountRow,
  BalanceRow,
  CategoryRow,
  DeletedCounts,
  GroupedTotal,
  ImportResult,
  MoneyTotal,
  NewBalance,
  NewTransaction,
  TxnFilter,
  TxnRow,
} from './types.ts';

/** What a health probe found: `ok`, or the one thing wrong, worded for an operator (no paths, no data). */
export type DatabaseHealth =
  | 'ok'
  | 'closed'
  | 'missing'
  | 'replaced'
  | 'read-only'
  | 'query-failed'
  | 'migrations-pending'
  | 'schema-newer';

export type GroupBy = 'category' | 'primary' | 'merchant' | 'account' | 'month';

/** What a lookup by name resolves to: the person's own accounts, or the made-up demo ones. Never both. */
export type AccountKind = 'real' | 'demo';

export interface AccountSpec {
  name: string;
  type: AccountType;
  currency: string;
  institution?: string;
  mask?: string;
}

/** What "remove the demo" took out. */
export interface DemoRemoval {
  accounts: number;
  transactions: number;
  balances: number;
  batches: number;
  /** Budgets the demo brought (a person's own budgets stay). */
  budgets: number;
}

export interface StoredChart {
  userId: string;
  specJson: string;
  expiresAt: Date;
}

/** One file's rows going into an account, batch by batch, inside `ledger.atomically`. */
export interface StatementWriter {
  /** Takes a batch; it may be written now or queued until `finish` (a server round trip per batch). */
  add(rows: readonly NewTransaction[]): void;
  /** Records the balances and the batch's counts; `repeated` counts rows an earlier row of the file already had. */
  finish(balances: readonly NewBalance[]): Promise<ImportResult & { repeated: number }>;
}

export interface UsersPort {
  ensure(userId: string, now?: Date): Promise<void>;
  get(userId: string): Promise<{ consentAt: string | null; alertsEnabled: boolean } | undefined>;
  recordConsent(userId: string, at?: Date): Promise<void>;
  setAlerts(userId: string, enabled: boolean): Promise<void>;
  /** Every row about the user in every table, in one transaction. */
  deleteAll(userId: string): Promise<DeletedCounts>;
}

export interface AccountsPort {
  readonly kind: AccountKind;
  /** The same accounts, with names resolving to demo accounts. */
  demoNames(): AccountsPort;
  list(userId: string): Promise<AccountRow[]>;
  get(userId: string, accountId: number): Promise<AccountRow | undefined>;
  findByName(userId: string, name: string, kind?: AccountKind): Promise<AccountRow | undefined>;
  upsert(userId: string, spec: AccountSpec, now?: Date): Promise<AccountRow>;
  demoNameFor(userId: string, name: string): Promise<string>;
  remove(userId: string, accountId: number): Promise<{ transactions: number } | undefined>;
  /** Takes out every demo account with its rows, and the budgets the demo brought. */
  removeDemo(userId: string): Promise<DemoRemoval>;
}

/** The shared category taxonomy, held in memory once loaded. */
export interface CatalogPort {
  syncCategories(rows: Omit<CategoryRow, 'id'>[]): Promise<void>;
  category(code: string): CategoryRow | undefined;
  categoryById(id: number): CategoryRow | undefined;
  categories(): CategoryRow[];
  categoryIds(codes: readonly string[]): number[];
}

export interface LedgerPort {
  /**
   * Runs `work` in one database transaction; everything it writes through the store commits together.
   * `bulk`, `large` and `rows` (the rows it is expected to write) are hints an engine may use to write faster.
   */
  atomically<T>(
    work: () => Promise<T>,
    options?: { bulk?: boolean; large?: boolean; rows?: number },
  ): Promise<T>;
  addStatement(
    userId: string,
    accountId: number,
    source: { name: string; format: string },
    rows: readonly NewTransaction[],
    balances: readonly NewBalance[],
    now?: Date,
  ): Promise<ImportResult>;
  beginStatement(
    userId: string,
    accountId: number,
    source: { name: string; format: string },
    now?: Date,
  ): Promise<StatementWriter>;
  setFlow(userId: string, ids: readonly number[], flow: Flow, categoryCode: string): Promise<number>;
  userRules(userId: string): Promise<Map<string, string>>;
  setUserCategory(userId: string, merchant: string, categoryCode: string, now?: Date): Promise<number>;
  batchesAwaitingAlerts(limit?: number): Promise<{ batchId: number; userId: string }[]>;
  idsInBatches(userId: string, batchIds: readonly number[]): Promise<number[]>;
  markAlertsDone(batchIds: readonly number[]): Promise<void>;
}

/** The one query builder's statements, run. */
export interface QueryRunner {
  aggregate(userId: string, q: SqlAggregate): Promise<SqlValue[]>;
  rows(userId: string, q: SqlList): Promise<SqlRow[]>;
  aggregateSql(userId: string, q: SqlAggregate): { sql: string; args: unknown[] };
  listSql(userId: string, q: SqlList): { sql: string; args: unknown[] };
}

export interface QueriesPort {
  readonly sql: QueryRunner;
  totals(userId: string, flow: Flow, filter?: TxnFilter): Promise<MoneyTotal[]>;
  grouped(userId: string, flow: Flow, by: GroupBy, filter?: TxnFilter): Promise<GroupedTotal[]>;
  transactions(
    userId: string,
    flows: readonly Flow[],
    filter?: TxnFilter,
    page?: { limit: number; offset: number },
  ): Promise<TxnRow[]>;
  page(userId: string, list: SqlList): Promise<TxnRow[]>;
  span(userId: string, accountIds?: readonly number[]): Promise<{ first: string; last: string } | undefined>;
  history(userId: string, since: string): Promise<Txn[]>;
  transferCandidates(
    userId: string,
    start: string,
    end: string,
  ): Promise<
    { id: number; accountId: number; date: string; amountMinor: number; description: string; flow: Flow }[]
  >;
  latestBalances(userId: string, before?: string): Promise<BalanceRow[]>;
  coverage(userId: string): Promise<{ accountId: number; first: string; last: string; count: number }[]>;
  merchants(userId: string): Promise<readonly { id: number; name: string; count: number }[]>;
  /**
   * Changes whenever the user's transactions may have changed (an engine may answer for every user's), so
   * what is learnt from them can be kept until then; an engine without one has every such cache recomputed.
   */
  ledgerVersion?(userId: string): string | Promise<string>;
  /** A group's key and display name, for any grouping of the query builder. */
  label(userId: string, by: SqlGroup, k: number | string | null): Promise<[string, string]>;
}

/** A state document change; `etag` other than "*" must match the stored one ("0": must not exist yet). */
export interface StateChange {
  value: unknown;
  etag?: string;
  userId?: string;
  /** Removes the document instead of writing `value`, on the same condition (absent already is fine). */
  remove?: boolean;
  /**
   * `value` is the document as it was read: only its version is checked, with a conflict as for a write,
   * and nothing is written (the version stays, so a writer that read it is not refused).
   */
  unchanged?: boolean;
}

/** Opaque JSON documents keyed by string, with optimistic concurrency: the bot's dialog state. */
export interface StatePort {
  read(keys: readonly string[]): Promise<Map<string, { value: unknown; etag: string }>>;
  /** Returns the keys that conflicted; nothing is written when any does. */
  write(changes: ReadonlyMap<string, StateChange>): Promise<string[]>;
  delete(keys: readonly string[]): Promise<void>;
}

export interface ReachPort {
  saveReference(userId: string, conversationId: string, reference: unknown, now?: Date): Promise<boolean>;
  latestReference(userId: string, accept?: (reference: unknown) => boolean): Promise<unknown>;
  /** Marks findings as sent; returns the keys that were new (each finding is sent at most once). */
  claimFindings(userId: string, keys: readonly string[]): Promise<string[]>;
  releaseFindings(userId: string, keys: readonly string[]): Promise<void>;
}

export interface ChartsPort {
  save(userId: string, id: string, specJson: string, expiresAt: Date, now?: Date): Promise<void>;
  find(id: string, now?: Date): Promise<StoredChart | undefined>;
  removeExpired(now?: Date): Promise<number>;
}

export interface BudgetsPort {
  set(
    userId: string,
    spec: BudgetSpec,
    now?: Date,
  ): Promise<{ budget: BudgetRow; previous?: BudgetRow } | undefined>;
  setAmount(userId: string, id: number, amountMinor: number, now?: Date): Promise<BudgetRow | undefined>;
  get(userId: string, id: number): Promise<BudgetRow | undefined>;
  find(userId: string, subjectKey: string): Promise<BudgetRow | undefined>;
  list(userId: string): Promise<BudgetRow[]>;
  remove(userId: string, subjectKey: string): Promise<boolean>;
  removeAll(userId: string): Promise<number>;
  usersWithBudgets(): Promise<string[]>;
}

export interface CoachingSettingsPort {
  get(userId: string): Promise<CoachingSettings>;
  tone(userId: string): Promise<Tone>;
  setTone(userId: string, tone: Tone, now?: Date): Promise<boolean>;
  setNotice(userId: string, kind: NoticeKind, on: boolean, now?: Date): Promise<boolean>;
  rememberTimeZone(userId: string, timeZone: string, now?: Date): Promise<void>;
  reachableUsers(): Promise<string[]>;
}

export interface SchedulePort {
  plan(messages: readonly PlannedMessage[], now?: Date): Promise<number>;
  due(now: Date, leaseMs: number, limit?: number): Promise<ScheduledRow[]>;
  claim(id: number, by: string, now: Date, leaseMs: number): Promise<boolean>;
  markSent(id: number, by: string, now: Date): Promise<void>;
  release(id: number, by: string): Promise<void>;
  skip(id: number, by: string, now: Date): Promise<void>;
  planned(userId: string, kind: string, periodKey: string): Promise<boolean>;
}

/** A person's Direct Line conversation, as every request names it: the token's person and conversation. */
export interface DirectLineRef {
  userId: string;
  conversationId: string;
}

/** One activity of a Direct Line transcript: its number in the conversation (the watermark), and when. */
export interface DirectLineEntry {
  seq: number;
  activity: Record<string, unknown>;
  at: Date;
}

export interface DirectLineFile {
  userId: string;
  id: string;
  conversationId: string;
  name: string;
  contentType: string;
  bytes: Buffer;
}

/**
 * Web Chat's Direct Line conversations, so that any instance serves any request of one: each conversation
 * belongs to one person, numbers its activities 1, 2, … (the watermark), and is forgotten once it has not
 * been touched before `expiresAt`. Expired rows are never returned.
 */
export interface DirectLinePort {
  /** Opens the conversation (new ones start at watermark 0) and keeps it until `expiresAt`. */
  open(ref: DirectLineRef, expiresAt: Date, now?: Date): Promise<{ created: boolean; watermark: number }>;
  /** The last watermark handed out; undefined when there is no such conversation (or it expired). */
  watermark(ref: DirectLineRef, now?: Date): Promise<number | undefined>;
  /** Watermarks of several conversations at once, by conversation id (those that exist). */
  watermarks(refs: readonly DirectLineRef[], now?: Date): Promise<Map<string, number>>;
  /** Keeps the conversation until `expiresAt` (never shortens it); false when it does not exist. */
  touch(ref: DirectLineRef, expiresAt: Date, now?: Date): Promise<boolean>;
  /**
   * Adds an activity under the next watermark and drops all but the newest `keep`. A conversation that no
   * longer exists takes nothing, unless `floor` is given: then it is opened again, numbering after `floor`
   * (a reply to an activity whose conversation "delete my data" removed during the turn).
   */
  append(
    ref: DirectLineRef,
    activity: Record<string, unknown>,
    options: { keep: number; expiresAt: Date; floor?: number; now?: Date },
  ): Promise<DirectLineEntry | undefined>;
  /** What the transcript still holds after watermark `after`, in order. */
  since(ref: DirectLineRef, after: number, now?: Date): Promise<DirectLineEntry[]>;
  /** Keeps an uploaded file until `expiresAt`; the person's oldest go beyond their newest `keepPerUser`. */
  putFile(file: DirectLineFile, expiresAt: Date, keepPerUser: number, now?: Date): Promise<void>;
  /** A file by its random id, while it has not expired. */
  file(id: string, now?: Date): Promise<DirectLineFile | undefined>;
  /** Removes expired conversations (with their transcripts) and files; returns how many rows went. */
  removeExpired(now?: Date): Promise<number>;
}

/** Tally's store: the only code that writes SQL. Every method is scoped to the user it names. */
export interface Store {
  readonly users: UsersPort;
  readonly accounts: AccountsPort;
  readonly catalog: CatalogPort;
  readonly ledger: LedgerPort;
  readonly queries: QueriesPort;
  readonly state: StatePort;
  readonly reach: ReachPort;
  readonly charts: ChartsPort;
  readonly budgets: BudgetsPort;
  readonly coaching: CoachingSettingsPort;
  readonly schedule: SchedulePort;
  readonly directLine: DirectLinePort;
  /** A check cheap enough for every probe. */
  health(): Promise<DatabaseHealth>;
  /** Refreshes the planner's statistics after a large load. */
  optimize(): Promise<void>;
  close(): Promise<void>;
}
