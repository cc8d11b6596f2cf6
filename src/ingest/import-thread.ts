/**
 * The reading thread of a file import: opens the statement file, says what it found (or why it is
 * refused), then on the word to start reads, cleans, categorises and fingerprints its lines and posts
 * them as ledger rows, a batch at a time, to the thread that writes them. At most IN_FLIGHT batches
 * wait to be written, so a fast reader never piles the file up in memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readLedgerRows } from './ledger-rows.ts';
import { rowPacker } from './packed-rows.ts';
import { openStatementFile, type StatementReader } from './parse.ts';
import {
  FLAG,
  IN_FLIGHT,
  type StartMessage,
  type ThreadMessage,
  type ThreadInput,
} from './thread-protocol.ts';
import type { ParseOptions } from './types.ts';
import { toWire } from './wire-errors.ts';

class Stopped extends Error {}

const port = parentPort;
if (!port) throw new Error('import-thread runs as a worker thread');
const input = workerData as ThreadInput;
const flags = new Int32Array(input.control);
const post = (message: ThreadMessage) => port.postMessage(message);

/** Waits until fewer than IN_FLIGHT batches are unwritten; throws Stopped when the writer gave up. */
function waitForRoom(): void {
  for (;;) {
    if (Atomics.load(flags, FLAG.stop) !== 0) throw new Stopped();
    const written = Atomics.load(flags, FLAG.written);
    if (Atomics.load(flags, FLAG.sent) - written < IN_FLIGHT) return;
    Atomics.wait(flags, FLAG.written, written, 1000);
  }
}

let reader: (StatementReader & { close(): void }) | undefined;
try {
  reader = openStatementFile(input.path, input.options satisfies ParseOptions);
  post({ kind: 'opened', format: reader.format, account: reader.account, currency: reader.currency });
} catch (e) {
  post({ kind: 'error', error: toWire(e) });
}

port.once('message', (start: StartMessage) => {
  const opened = reader;
  if (!opened || start.kind !== 'start') {
    opened?.close();
    port.close();
    return;
  }
  try {
    const pack = rowPacker();
    const { statements, rows } = readLedgerRows(opened, start.accountType, new Map(start.rules), (batch) => {
      const packed = pack(batch);
      waitForRoom();
      Atomics.add(flags, FLAG.sent, 1);
      // The buffers move to the writer rather than being copied.
      port.postMessage({ kind: 'rows', batch: packed } satisfies ThreadMessage, [
        packed.numbers.buffer,
        packed.ends.buffer,
      ]);
    });
    post({ kind: 'read', statements, rows });
  } catch (e) {
    if (!(e instanceof Stopped)) post({ kind: 'error', error: toWire(e) });
  } finally {
    opened.close();
    port.close();
  }
});
