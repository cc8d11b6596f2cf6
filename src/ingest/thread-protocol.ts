/** What the writing thread of an import and its reading thread (import-thread.ts) say to each other. */
import type { PackedRows } from './packed-rows.ts';
import type { StatementReader } from './parse.ts';
import type { AccountType, ParseOptions, ParsedStatement } from './types.ts';
import type { WireError } from './wire-errors.ts';

/** Batches (of BATCH_ROWS rows) read but not yet written, at most: a few MB of rows whatever the file. */
export const IN_FLIGHT = 8;

/** Slots of the shared counters: batches posted, batches written, and the writer's "stop". */
export const FLAG = { sent: 0, written: 1, stop: 2 } as const;

export interface ThreadInput {
  path: string;
  options: ParseOptions;
  /** A SharedArrayBuffer of three Int32 counters (see FLAG). */
  control: SharedArrayBuffer;
}

/** The reader's answer to opening the file, then its rows, then the end of the file (or an error). */
export type ThreadMessage =
  | ({ kind: 'opened' } & Pick<StatementReader, 'format' | 'account' | 'currency'>)
  | { kind: 'rows'; batch: PackedRows }
  | { kind: 'read'; statements: ParsedStatement[]; rows: number }
  | { kind: 'error'; error: WireError };

/** The writer's word to read, with what enrichment needs, or to stop without reading. */
export type StartMessage =
  { kind: 'start'; accountType: AccountType; rules: Array<[string, string]> } | { kind: 'stop' };
