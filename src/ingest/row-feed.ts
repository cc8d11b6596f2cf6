/**
 * Where an import's ledger rows come from: read and enriched on the writing thread (small files, chat
 * uploads, demo data), or on a reading thread of their own (large files), so that reading, cleaning
 * and categorising one batch overlaps with writing the one before.
 */
import { Worker } from 'node:worker_threads';
import type { NewTransaction } from '../store/types.ts';
import { readLedgerRows, type ReadRows } from './ledger-rows.ts';
import { rowUnpacker } from './packed-rows.ts';
import type { StatementReader } from './parse.ts';
import { FLAG, type StartMessage, type ThreadInput, type ThreadMessage } from './thread-protocol.ts';
import type { AccountType, ParseOptions } from './types.ts';
import { fromWire } from './wire-errors.ts';

export interface RowFeed extends Pick<StatementReader, 'format' | 'account' | 'currency'> {
  /**
   * Reads every line as a ledger row for an account of `accountType` under the user's `rules`, handing
   * them to `add` in batches in file order; settles when the file is read and every batch was added.
   * An error from `add` stops the reading and rejects.
   */
  read(
    accountType: AccountType,
    rules: ReadonlyMap<string, string>,
    add: (batch: NewTransaction[]) => void,
  ): Promise<ReadRows>;
  /** Releases the file (and the reading thread) when `read` is not called. */
  close(): void;
}

/** Rows read on this thread. */
export function feedOf(reader: StatementReader): RowFeed {
  return {
    format: reader.format,
    account: reader.account,
    currency: reader.currency,
    read: async (accountType, rules, add) => readLedgerRows(reader, accountType, rules, add),
    close: () => undefined,
  };
}

/**
 * The reading thread's module beside this one: `.ts` when running from source (tests, `npm run import`),
 * `.js` in dist/. From source the thread runs its TypeScript through Node's own transform rather than
 * tsx: the readers need only what that transform does (types, parameter properties), and the thread then
 * starts without tsx's loader, its source maps and its name-keeping wrappers (a few percent of the
 * reading and about 10 MB of its memory).
 */
function threadModule(): { url: URL; execArgv?: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './import-thread.ts' : './import-thread.js', import.meta.url);
  return fromSource
    ? { url, execArgv: ['--experimental-transform-types', '--disable-warning=ExperimentalWarning'] }
    : { url };
}

/**
 * Opens a statement file on a reading thread. Resolves once the thread has opened it (what the file
 * says about its account is then known); rejects with what `openStatementFile` throws when the file is
 * refused, before any row is read.
 */
export function openFeedInThread(path: string, options: ParseOptions): Promise<RowFeed> {
  const control = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
  const flags = new Int32Array(control);
  const { url, execArgv } = threadModule();
  const worker = new Worker(url, {
    workerData: { path, options, control } satisfies ThreadInput,
    ...(execArgv ? { execArgv } : {}),
  });
  // Every message and the thread's end go to whoever listens now: opening first, then reading.
  let listen: (m: ThreadMessage) => void = () => undefined;
  let ended: (err: Error) => void = () => undefined;
  worker.on('message', (m: ThreadMessage) => listen(m));
  worker.on('error', (err) => ended(err));
  worker.on('exit', (code) => ended(new Error(`the import's reading thread stopped (exit code ${code})`)));
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    Atomics.store(flags, FLAG.stop, 1);
    Atomics.notify(flags, FLAG.written);
    void worker.terminate();
  };
  return new Promise<RowFeed>((resolve, reject) => {
    ended = reject;
    listen = (m) => {
      if (m.kind === 'error') {
        reject(fromWire(m.error));
        stop();
        return;
      }
      if (m.kind !== 'opened') return;
      resolve({
        format: m.format,
        account: m.account,
        currency: m.currency,
        close: () => {
          if (!stopped) worker.postMessage({ kind: 'stop' } satisfies StartMessage);
          stop();
        },
        read: (accountType, rules, add) =>
          new Promise<ReadRows>((done, failed) => {
            ended = failed;
            const unpack = rowUnpacker();
            listen = (msg) => {
              if (msg.kind === 'rows') {
                try {
                  add(unpack(msg.batch));
                } catch (err) {
                  listen = () => undefined;
                  failed(err);
                  stop();
                  return;
                }
                Atomics.add(flags, FLAG.written, 1);
                Atomics.notify(flags, FLAG.written);
              } else if (msg.kind === 'read') {
                ended = () => undefined;
                done({ statements: msg.statements, rows: msg.rows });
              } else if (msg.kind === 'error') {
                failed(fromWire(msg.error));
                stop();
              }
            };
            worker.postMessage({ kind: 'start', accountType, rules: [...rules] } satisfies StartMessage);
          }),
      });
    };
  });
}
