/**
 * A statement imported from its file, read on a thread of its own, stores exactly what the same bytes
 * imported in-process store, and is as all-or-nothing: a file cut off, one needing an answer, or one
 * with a bad row near its end is refused with the same kind of error, and leaves no row, account or
 * batch. Reading a CSV from its file a block at a time gives the rows reading its bytes gives.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/config.ts';
import { importFile, importStatement } from '../../src/ingest/importer.ts';
import { openStatement, openStatementFile, type StatementReader } from '../../src/ingest/parse.ts';
import {
  StatementError,
  StatementQuestion,
  TruncatedStatementError,
  type StatementTransaction,
} from '../../src/ingest/types.ts';
import { countRows, dbOf } from '../helpers/db.ts';
import { memoryStore, tempDbFile } from '../helpers/store.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const SHOPS = ['SAFEWAY #', 'SHELL OIL ', 'STARBUCKS STORE ', 'UBER *TRIP ', 'PG&E WEB ONLINE '];

/** A newest-first checking export in CRLF with a running balance and a few identical lines. */
function checkingCsv(rows: number): string {
  const lines = ['Posting Date,Description,Amount,Balance'];
  let balance = 1_000_000;
  const start = Date.UTC(2025, 0, 1);
  const body: string[] = [];
  for (let i = 0; i < rows; i++) {
    const d = new Date(start + Math.floor(i / 7) * 86_400_000);
    const day = `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCFullYear()}`;
    const cents = i % 53 === 0 ? 310_000 : -(150 + ((i * 7919) % 9000));
    balance += cents;
    // Every 40th line repeats its neighbour exactly: two genuine identical charges.
    const shop = `${SHOPS[i % SHOPS.length]}${i % 40 === 1 ? (i - 1) % 300 : i % 300}`;
    body.push(`${day},"${shop}",${(cents / 100).toFixed(2)},${(balance / 100).toFixed(2)}`);
  }
  return `${[...lines, ...body.reverse()].join('\r\n')}\r\n`;
}

function rowsOf(open: () => StatementReader & { close?(): void }): StatementTransaction[] | string {
  try {
    const reader = open();
    const out: StatementTransaction[] = [];
    reader.read((t) => {
      out.push(t);
    });
    reader.close?.();
    return out;
  } catch (e) {
    if (e instanceof StatementError || e instanceof StatementQuestion) return `${e.name}: ${e.message}`;
    throw e;
  }
}

const tmp = tempDbFile('tally-file-import-');
afterAll(() => tmp.remove());

function written(name: string, text: string | Buffer): { path: string; size: number } {
  const path = join(tmp.dir, name);
  writeFileSync(path, text);
  return { path, size: statSync(path).size };
}

describe('reading a CSV from its file', () => {
  const dir = join(ROOT, 'test', 'fixtures', 'statements', 'csv');
  it.each(readdirSync(dir).sort())('%s: the same rows (or refusal) as reading its bytes', (name) => {
    const path = join(dir, name);
    const opts = { fileName: name };
    expect(rowsOf(() => openStatementFile(path, opts))).toEqual(
      rowsOf(() => openStatement(readFileSync(path), opts)),
    );
  });

  it('reads lines across its blocks, with CRLF ends and multi-byte characters, as from bytes', () => {
    const lines = ['Date,Description,Amount'];
    // Long descriptors with accents put line ends and characters on every side of a 1 MB block edge.
    for (let i = 0; i < 9000; i++)
      lines.push(
        `2026-01-${String((i % 28) + 1).padStart(2, '0')},"CAFÉ ${'é'.repeat(i % 97)}${i}",-${(i % 90) + 1}.25`,
      );
    const file = written('blocks.csv', `${lines.join('\r\n')}\r\n`);
    const fromFile = rowsOf(() => openStatementFile(file.path, { fileName: 'blocks.csv' }));
    expect(Array.isArray(fromFile) && fromFile.length).toBe(9000);
    expect(fromFile).toEqual(
      rowsOf(() => openStatement(readFileSync(file.path), { fileName: 'blocks.csv' })),
    );
  });
});

describe('a statement file read on its own thread', () => {
  const text = checkingCsv(6000);
  const file = written('everyday.csv', text);

  it('stores what importing its bytes stores: rows, totals, repeats, balance and range', async () => {
    const threaded = await memoryStore();
    const inline = await memoryStore();
    const req = {
      userId: 'bo',
      accountName: 'Everyday',
      accountType: 'checking' as const,
      fileName: 'everyday.csv',
      now: NOW,
    };
    const a = await importFile(threaded, { ...req, ...file, thread: true });
    const b = await importStatement(inline, { ...req, bytes: Buffer.from(text) });
    const { account: accA, ...summaryA } = a;
    const { account: accB, ...summaryB } = b;
    expect(summaryA).toEqual(summaryB);
    expect(accA.name).toBe(accB.name);
    expect(summaryA).toMatchObject({ rows: 6000, added: 6000 - summaryA.repeated, format: 'csv' });
    const ledger = (store: typeof threaded) =>
      dbOf(store)
        .prepare(
          `SELECT posted_on, amount_minor, description, fingerprint, flow, category_id, merchant_id FROM transactions ORDER BY id`,
        )
        .all();
    expect(ledger(threaded)).toEqual(ledger(inline));
    const balances = (store: typeof threaded) =>
      dbOf(store).prepare('SELECT as_of, kind, amount_minor FROM balances').all();
    expect(balances(threaded)).toEqual(balances(inline));
    threaded.close();
    inline.close();
  }, 60_000);

  it('adds nothing the second time', async () => {
    const store = await memoryStore();
    const req = {
      userId: 'bo',
      accountName: 'Everyday',
      accountType: 'checking' as const,
      fileName: 'everyday.csv',
      now: NOW,
      ...file,
      thread: true,
    };
    const first = await importFile(store, req);
    const again = await importFile(store, req);
    expect(again.added).toBe(0);
    expect(again.skipped + again.repeated).toBe(first.rows);
    store.close();
  }, 60_000);

  it('stops reading and saves nothing when writing a batch fails part-way', async () => {
    const store = await memoryStore();
    const ledger = store.ledger;
    let batches = 0;
    // A writer that fails on the third batch, as a full disk or a lost connection would.
    const failing = Object.create(ledger) as typeof ledger;
    failing.beginStatement = async (...args: Parameters<typeof ledger.beginStatement>) => {
      const writer = await ledger.beginStatement(...args);
      return {
        add: (rows) => {
          if (++batches === 3) throw new Error('disk full');
          writer.add(rows);
        },
        finish: (balances) => writer.finish(balances),
      };
    };
    const broken = Object.assign(Object.create(store) as typeof store, { ledger: failing });
    await expect(
      importFile(broken, {
        userId: 'dee',
        accountName: 'Everyday',
        accountType: 'checking',
        fileName: 'everyday.csv',
        now: NOW,
        ...file,
        thread: true,
      }),
    ).rejects.toThrow('disk full');
    expect(batches).toBe(3);
    for (const table of ['transactions', 'accounts', 'import_batches', 'users'])
      expect(countRows(store, table), table).toBe(0);
    store.close();
  }, 60_000);

  const refusals: Array<[string, string, (e: unknown) => void]> = [
    [
      'cut off in its last row',
      text.slice(0, text.length - 5),
      (e) => expect(e).toBeInstanceOf(TruncatedStatementError),
    ],
    [
      'with a bad amount near its end',
      text.replace(/\r\n[^\r\n]*\r\n$/, '\r\n01/01/2025,"SAFEWAY #9",twelve dollars,10.00\r\n'),
      (e) => {
        expect(e).toBeInstanceOf(StatementError);
        expect((e as StatementError).where).toBe('line 6001');
      },
    ],
    [
      'whose dates could be either order',
      'Date,Description,Amount\n01/02/2026,SAFEWAY,-1.00\n03/04/2026,SHELL,-2.00\n',
      (e) => {
        expect(e).toBeInstanceOf(StatementQuestion);
        expect((e as StatementQuestion).topic).toBe('date-format');
      },
    ],
  ];
  it.each(refusals)(
    'a file %s is refused as in-process, and leaves nothing',
    async (name, body, check) => {
      const store = await memoryStore();
      const bad = written(`${name.replace(/\W+/g, '-')}.csv`, body);
      const refused = await importFile(store, {
        userId: 'cy',
        accountName: 'Everyday',
        accountType: 'checking',
        fileName: 'bad.csv',
        now: NOW,
        ...bad,
        thread: true,
      }).catch((e: unknown) => e);
      check(refused);
      for (const table of ['transactions', 'accounts', 'import_batches', 'users'])
        expect(countRows(store, table), table).toBe(0);
      store.close();
    },
    60_000,
  );
});
