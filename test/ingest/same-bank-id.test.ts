/**
 * Lines that share a bank id (OFX FITID, MT940 reference, camt AcctSvcrRef) but differ in date, amount
 * or descriptor are all kept; a line repeated exactly within a file is imported once and reported; and
 * re-importing the same or an overlapping file still adds nothing twice, including over rows imported
 * when the bank id alone identified a line.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/config.ts';
import { summaryReplies } from '../../src/conversation/link.ts';
import { importStatement, type ImportSummary } from '../../src/ingest/importer.ts';
import type { Store } from '../../src/store/index.ts';
import { realTemplates } from '../helpers/chat.ts';
import { countRows, dbOf } from '../helpers/db.ts';
import { fileRows } from '../helpers/rows.ts';
import { memoryStore, tempDbFile } from '../helpers/store.ts';
import { IMPORT_COMMAND } from '../helpers/import-command.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'statements');
const NOW = new Date('2026-03-10T12:00:00Z');

/** A small OFX 1.x checking statement: one STMTTRN per line given. */
function ofx(lines: Array<{ id: string; day: string; amount: string; name: string }>): Buffer {
  const trns = lines.map(
    (l) =>
      `<STMTTRN><TRNTYPE>OTHER<DTPOSTED>${l.day}<TRNAMT>${l.amount}<FITID>${l.id}<NAME>${l.name}</STMTTRN>`,
  );
  return Buffer.from(
    [
      'OFXHEADER:100',
      'DATA:OFXSGML',
      'VERSION:102',
      'SECURITY:NONE',
      'ENCODING:USASCII',
      'CHARSET:1252',
      'COMPRESSION:NONE',
      'OLDFILEUID:NONE',
      'NEWFILEUID:NONE',
      '',
      '<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD',
      '<BANKACCTFROM><BANKID>121000248<ACCTID>4000123456<ACCTTYPE>CHECKING</BANKACCTFROM>',
      '<BANKTRANLIST>',
      ...trns,
      '</BANKTRANLIST>',
      '</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>',
      '',
    ].join('\n'),
  );
}

const COFFEE = { id: 'A1', day: '20260301', amount: '-5.00', name: 'BLUE BOTTLE COFFEE' };
const LUNCH = { id: 'A2', day: '20260302', amount: '-17.50', name: 'SWEETGREEN' };
const REFUND = { id: 'A2', day: '20260303', amount: '17.50', name: 'SWEETGREEN REFUND' };
const RENT = { id: 'A3', day: '20260304', amount: '-1500.00', name: 'RENT MARCH' };

function fixture(path: string): Buffer {
  return readFileSync(join(FIXTURES, path));
}

function texts(summary: ImportSummary): string[] {
  return summaryReplies(summary).map((r) => realTemplates().render(r.template, r.data));
}

describe('lines that share a bank id', () => {
  let store: Store;
  const load = (fileName: string, bytes: Buffer, accountName = 'Everyday') =>
    importStatement(store, {
      userId: 'ana',
      accountName,
      accountType: 'checking',
      fileName,
      bytes,
      now: NOW,
    });
  beforeEach(async () => {
    store = await memoryStore();
  });

  it('are all kept when their amounts differ: the rent and the +3,000.00 EUR salary of cmxl__mt940.sta', async () => {
    const summary = await load('cmxl.sta', fixture('mt940/cmxl__mt940.sta'));
    expect(summary).toMatchObject({ rows: 16, added: 16, skipped: 0, repeated: 0 });
    const shared = dbOf(store)
      .prepare("SELECT amount_minor FROM transactions WHERE external_id = '55555' ORDER BY amount_minor")
      .pluck()
      .all();
    expect(shared).toEqual([-80_000, 300_000]);
  });

  it('are all kept when only their dates differ (ofx-reader__BancodoBrasil.ofc)', async () => {
    expect(await load('bb.ofc', fixture('ofx/ofx-reader__BancodoBrasil.ofc'))).toMatchObject({
      rows: 7,
      added: 7,
      repeated: 0,
    });
  });

  it('repeated exactly within a file are imported once and reported (ofx-reader__BancodoBrasil.ofx)', async () => {
    const summary = await load('bb.ofx', fixture('ofx/ofx-reader__BancodoBrasil.ofx'));
    expect(summary).toMatchObject({ rows: 7, added: 6, skipped: 0, repeated: 1 });
    const said = texts(summary);
    expect(said).toHaveLength(2);
    expect(said[0]).toMatch(/^Imported 6 transactions \(.+\) into Everyday\./);
    expect(said[1]).toBe('1 line repeated in the file was imported once.');
    const again = await load('bb.ofx', fixture('ofx/ofx-reader__BancodoBrasil.ofx'));
    expect(again).toMatchObject({ added: 0, skipped: 6, repeated: 1 });
    expect(countRows(store, 'transactions')).toBe(6);
  });

  it('differing in a file that overlaps one already imported: only the new lines are added', async () => {
    expect(await load('feb.ofx', ofx([COFFEE, LUNCH]))).toMatchObject({ added: 2 });
    expect(await load('mar.ofx', ofx([LUNCH, REFUND, RENT]))).toMatchObject({
      added: 2,
      skipped: 1,
      repeated: 0,
    });
    expect(await load('mar.ofx', ofx([LUNCH, REFUND, RENT]))).toMatchObject({ added: 0, skipped: 3 });
    const rows = dbOf(store)
      .prepare('SELECT external_id AS id, amount_minor AS amount FROM transactions ORDER BY id, amount')
      .all();
    expect(rows).toEqual([
      { id: 'A1', amount: -500 },
      { id: 'A2', amount: -1750 },
      { id: 'A2', amount: 1750 },
      { id: 'A3', amount: -150_000 },
    ]);
  });

  it('imported when the bank id alone identified a line are recognised, and the line that was merged away is added', async () => {
    const account = await store.accounts.upsert(
      'ana',
      { name: 'Everyday', type: 'checking', currency: 'USD' },
      NOW,
    );
    // What an earlier version wrote: fingerprint "x:<FITID>", so REFUND (sharing LUNCH's id) was dropped.
    const legacy = fileRows([
      { date: '2026-03-01', amountMinor: -500, description: COFFEE.name, externalId: 'A1' },
      { date: '2026-03-02', amountMinor: -1750, description: LUNCH.name, externalId: 'A2' },
    ]).map((r) => ({ ...r, fingerprint: `x:${r.externalId}` }));
    await store.ledger.addStatement('ana', account.id, { name: 'old.ofx', format: 'ofx' }, legacy, [], NOW);
    expect(await load('old.ofx', ofx([COFFEE, LUNCH, REFUND]))).toMatchObject({ added: 1, skipped: 2 });
    expect(await load('old.ofx', ofx([COFFEE, LUNCH, REFUND]))).toMatchObject({ added: 0, skipped: 3 });
    expect(countRows(store, 'transactions')).toBe(3);
  });
});

describe('import reports agree in number', () => {
  const render = (name: string, data: object) => realTemplates().render(name, data);
  const summary = {
    skipped: 0,
    account: 'Everyday',
    range: '1 – 4 Mar 2026',
    transfers: 0,
    assumptions: [],
    created: true,
  };

  it.each([
    [1, 'Imported 1 transaction (1 – 4 Mar 2026) into Everyday.'],
    [2, 'Imported 2 transactions (1 – 4 Mar 2026) into Everyday.'],
  ])('chat: %i added', (added, text) => {
    expect(render('ImportSummary', { ...summary, added })).toBe(text);
  });

  it.each([
    [1, '1 line repeated in the file was imported once.'],
    [2, '2 lines repeated in the file were imported once.'],
  ])('chat: %i repeated', (repeated, text) => {
    expect(render('ImportRepeated', { repeated })).toBe(text);
  });

  it.each([
    [
      { added: 1, skipped: 1, repeated: 1, transfers: 1 },
      'Imported 1 transaction (1 – 4 Mar 2026) into Everyday; 1 already there; 1 line repeated in the file was imported once; 1 marked as transfer between own accounts [ofx: ofx-1.x, 0.2 s].',
    ],
    [
      { added: 2, skipped: 3, repeated: 2, transfers: 2 },
      'Imported 2 transactions (1 – 4 Mar 2026) into Everyday; 3 already there; 2 lines repeated in the file were imported once; 2 marked as transfers between own accounts [ofx: ofx-1.x, 0.2 s].',
    ],
  ])('command line: %o', (counts, text) => {
    expect(
      render('CliImported', {
        ...counts,
        range: '1 – 4 Mar 2026',
        account: 'Everyday',
        format: 'ofx',
        layout: 'ofx-1.x',
        seconds: '0.2',
      }),
    ).toBe(text);
  });

  it('npm run import reports the repeat, and a second run adds nothing', () => {
    const db = tempDbFile();
    try {
      const file = join(db.dir, 'bb.ofx');
      writeFileSync(file, fixture('ofx/ofx-reader__BancodoBrasil.ofx'));
      const run = () =>
        spawnSync(
          process.execPath,
          [...IMPORT_COMMAND, file, '--user', 'ana', '--account', 'BB', '--type', 'checking'],
          {
            cwd: ROOT,
            env: { ...process.env, TALLY_DB: db.file },
            encoding: 'utf8',
          },
        );
      const first = run();
      expect(first.status).toBe(0);
      expect(first.stdout).toMatch(
        /^Imported 6 transactions \(.+\) into BB; 1 line repeated in the file was imported once \[ofx: ofx-1\.x, [\d.]+ s\]\.\n/,
      );
      const second = run();
      expect(second.status).toBe(0);
      expect(second.stdout).toMatch(
        /^Imported 0 transactions \(.+\) into BB; 6 already there; 1 line repeated in the file was imported once \[/,
      );
    } finally {
      db.remove();
    }
  });
});
