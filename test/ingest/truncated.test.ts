/**
 * A statement is imported whole or not at all. Every readable fixture in test/fixtures/statements is
 * cut at 20%, 50%, 60% and 90% of its bytes, one byte short, and (for the line-based formats) at the
 * line break nearest its middle. Each cut file must be refused with the line where it stops, saving
 * nothing, or be imported whole for what is there: exactly the records that lie entirely before the
 * cut, with none begun and left out. XML (OFX 2, camt) and OFX 1.x close their outermost element at the
 * very end, so for them "what is there" is the whole file.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/config.ts';
import { openStore } from '../../src/open-store.ts';
import { decodeStatement } from '../../src/ingest/decode.ts';
import { importStatement } from '../../src/ingest/importer.ts';
import { parseStatement } from '../../src/ingest/parse.ts';
import {
  StatementError,
  StatementQuestion,
  TruncatedStatementError,
  type ParseOptions,
  type StatementTransaction,
} from '../../src/ingest/types.ts';
import type { Store } from '../../src/store/index.ts';
import { countRows } from '../helpers/db.ts';
import { Chat, realUnderstanding } from '../helpers/chat.ts';
import { memoryStore, tempDbFile } from '../helpers/store.ts';
import { IMPORT_COMMAND } from '../helpers/import-command.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'statements');
const FOLDERS = ['ofx', 'csv', 'qif', 'camt', 'mt940', 'expected'];
const LINE_BASED = new Set(['csv', 'qif', 'mt940']);
const NOW = new Date('2026-03-10T12:00:00Z');

type Overrides = Pick<ParseOptions, 'dateFormat' | 'negate' | 'columns'>;
type Read =
  | { txs: StatementTransaction[]; format: string; overrides: Overrides; asked: boolean }
  | { refused: StatementError; overrides: Overrides };

/** Parses the way a user would get through it: each question answered with its first option. */
function read(bytes: Buffer, fileName: string, given: Overrides = {}): Read {
  const overrides = { ...given };
  for (let asked = 0; asked < 4; asked++) {
    try {
      const statements = parseStatement(bytes, { fileName, ...overrides });
      return {
        txs: statements.flatMap((s) => s.transactions),
        format: statements[0]?.format ?? '',
        overrides,
        asked: asked > 0,
      };
    } catch (e) {
      if (e instanceof StatementError) return { refused: e, overrides };
      if (!(e instanceof StatementQuestion)) throw e;
      if (e.topic === 'date-format') overrides.dateFormat = e.options[0];
      else if (e.topic === 'sign') overrides.negate = e.options[0] === 'negate';
      else overrides.columns = e.options[0];
    }
  }
  throw new Error(`${fileName}: still asking after four answers`);
}

interface Fixture {
  name: string;
  folder: string;
  bytes: Buffer;
  whole: Extract<Read, { txs: unknown }>;
}

function readableFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const folder of FOLDERS) {
    for (const file of readdirSync(join(FIXTURES, folder)).sort()) {
      const bytes = readFileSync(join(FIXTURES, folder, file));
      const whole = read(bytes, file);
      if ('txs' in whole && whole.txs.length > 0)
        out.push({ name: `${folder}/${file}`, folder, bytes, whole });
    }
  }
  return out;
}

/** Byte offsets to cut at; the line break nearest the middle shows that a whole-row cut is kept. */
function cutPoints(f: Fixture): Array<{ label: string; at: number }> {
  const n = f.bytes.length;
  const cuts = [0.2, 0.5, 0.6, 0.9].map((p) => ({ label: `${p * 100}%`, at: Math.floor(n * p) }));
  cuts.push({ label: 'one byte short', at: n - 1 });
  if (LINE_BASED.has(f.whole.format === 'camt053' ? 'camt' : f.whole.format)) {
    const middle = f.bytes.indexOf(0x0a, Math.floor(n / 2));
    if (middle > 0 && middle < n - 1) cuts.push({ label: 'line break near the middle', at: middle + 1 });
  }
  return cuts;
}

/** Lines the cut text holds any of (a final line break does not open a new one). */
function linesPresent(bytes: Buffer): number {
  const text = decodeStatement(bytes).text;
  const breaks = text.split(/\r\n|\r|\n/).length - 1;
  return /(\r\n|\r|\n)$/.test(text) ? breaks : breaks + 1;
}

/**
 * A record as the file has it. The sign is left out because fewer rows may settle a card's sign
 * convention differently; the date when the cut raised a question the whole file did not; the text
 * when fewer bytes made the encoding guess differ (a short EUC-KR sample reads as windows-1252).
 */
const same = (t: StatementTransaction, withDate: boolean, withText: boolean) => ({
  amount: Math.abs(t.amountMinor),
  externalId: t.externalId,
  ...(withText ? { description: t.description } : {}),
  ...(withDate ? { date: t.date } : {}),
});

const figures = new Map<
  string,
  { files: number; cuts: number; truncated: number; otherRefusals: number; keptWhole: number }
>();
function tally(folder: string, key: 'cuts' | 'truncated' | 'otherRefusals' | 'keptWhole'): void {
  const f = figures.get(folder) ?? { files: 0, cuts: 0, truncated: 0, otherRefusals: 0, keptWhole: 0 };
  f[key]++;
  figures.set(folder, f);
}

describe('a statement cut off anywhere is refused, or imported whole for what is there', () => {
  const fixtures = readableFixtures();
  let store: Store;
  beforeAll(async () => {
    store = await memoryStore();
  });
  afterAll(() => {
    for (const [folder, f] of figures) {
      const files = fixtures.filter((x) => x.folder === folder).length;
      console.info(
        `${folder}: ${files} files, ${f.cuts} cuts: ${f.truncated} refused as cut off, ${f.otherRefusals} refused otherwise, ${f.keptWhole} imported whole`,
      );
    }
  });

  it('finds readable fixtures of every format', () => {
    const formats = new Set(fixtures.map((f) => f.whole.format));
    expect([...formats].sort()).toEqual(['camt053', 'csv', 'mt940', 'ofx', 'qif']);
    expect(fixtures.length).toBeGreaterThan(60);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', async (name, f) => {
    for (const cut of cutPoints(f)) {
      const bytes = f.bytes.subarray(0, cut.at);
      const where = `${name} cut at ${cut.label}`;
      tally(f.folder, 'cuts');
      const result = read(bytes, name, f.whole.overrides);
      const userId = `${name}@${cut.label}`;
      if ('refused' in result) {
        expect(result.refused.where, where).toMatch(/line \d+/);
        tally(f.folder, result.refused instanceof TruncatedStatementError ? 'truncated' : 'otherRefusals');
        await expect(
          importStatement(store, {
            userId,
            accountName: 'Cut',
            accountType: 'checking',
            fileName: name,
            bytes,
            overrides: result.overrides,
            now: NOW,
          }),
          where,
        ).rejects.toThrow(StatementError);
        expect(await store.accounts.list(userId), where).toEqual([]);
        continue;
      }
      const whole = f.whole.txs;
      const n = result.txs.length;
      const byLine = (list: StatementTransaction[]) =>
        [...list].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      const kept = LINE_BASED.has(result.format) ? byLine(result.txs) : result.txs;
      const expected = (LINE_BASED.has(result.format) ? byLine(whole) : whole).slice(0, n);
      const withText = decodeStatement(bytes).encoding === decodeStatement(f.bytes).encoding;
      expect(
        kept.map((t) => same(t, !result.asked, withText)),
        where,
      ).toEqual(expected.map((t) => same(t, !result.asked, withText)));
      if (LINE_BASED.has(result.format)) {
        const next = byLine(whole)[n];
        if (next)
          expect(
            next.line ?? 0,
            `${where}: the next record begins inside the cut but was left out`,
          ).toBeGreaterThan(linesPresent(bytes));
      } else {
        expect(n, `${where}: a ${result.format} file is whole only when it closes`).toBe(whole.length);
      }
      const summary = await importStatement(store, {
        userId,
        accountName: 'Cut',
        accountType: 'checking',
        fileName: name,
        bytes,
        overrides: result.overrides,
        now: NOW,
      });
      expect(summary.rows, where).toBe(n);
      expect(summary.added + summary.repeated, where).toBe(n);
      tally(f.folder, 'keptWhole');
    }
  });
});

describe('what a cut file is told by', () => {
  const refusal = (text: string): StatementError | undefined => {
    const r = read(Buffer.from(text), 'cut.csv');
    return 'refused' in r ? r.refused : undefined;
  };
  const rows = [
    'Date,Description,Amount,Currency',
    '2026-03-01,SAFEWAY,-52.10,USD',
    '2026-03-02,SHELL,-40.00,USD',
    '2026-03-03,PAYROLL,3000.00,USD',
  ];
  const csv = rows.join('\n');
  const threeColumns = 'Date,Description,Amount\n2026-03-01,SAFEWAY,-52.10\n2026-03-02,SHELL,-40.00';

  it.each([
    [
      'a row with fewer fields than those above',
      `${csv}\n2026-03-04,STARBUCKS`,
      /line 5: the file stops here, in the middle of its last row, which has 2 of 4 fields/,
    ],
    [
      'an amount with fewer decimals than those above',
      `${threeColumns}\n2026-03-03,PAYROLL,3000.0`,
      /line 4: the file stops here, in the middle of its last row, which stops inside its amount/,
    ],
    [
      'an amount ending in its decimal mark',
      `${threeColumns}\n2026-03-03,PAYROLL,3000.`,
      /stops inside its amount/,
    ],
    [
      'an empty amount where every row above has one',
      `${threeColumns}\n2026-03-03,PAYROLL,`,
      /has an empty last field/,
    ],
    ['a date cut in its last cell', `${csv}\n2026-0`, /line 5: .*stops inside its date/],
    [
      'a quoted value that never closes',
      `${csv}\n2026-03-04,"STARBUCKS, MARKET ST`,
      /line 5: the file stops here, inside a quoted value that opens at line 5 and never closes/,
    ],
    [
      'a one-row file cut short of its header',
      'Date,Description,Amount,Currency\n2026-03-01,SAFEWAY,-52.10',
      /has 3 of 4 fields/,
    ],
  ])('CSV: %s is refused', (_, text, message) => {
    const e = refusal(text);
    expect(e).toBeInstanceOf(TruncatedStatementError);
    expect(e?.message).toMatch(message);
  });

  it.each([
    ['ends with a line break', `${csv}\n`, 3],
    ['ends without one after a whole row', csv, 3],
    ['ends with a footer row', `${csv}\nExported by the bank,,`, 3],
    [
      'leaves out trailing empty cells in rows other than the last',
      `${rows[0]}\n2026-03-01,SAFEWAY,-52.10\n2026-03-02,SHELL,-40.00,USD\n2026-03-03,PAYROLL,3000.00`,
      3,
    ],
  ])('CSV: a file that %s is read whole', (_, text, count) => {
    const r = read(Buffer.from(text), 'whole.csv');
    expect('txs' in r && r.txs.length).toBe(count);
  });

  it.each([
    [
      'OFX 1.x without </OFX>',
      'OFXHEADER:100\nDATA:OFXSGML\n\n<OFX>\n<BANKMSGSRSV1>\n<STMTTRNRS>\n<STMTRS>\n<CURDEF>USD\n<BANKTRANLIST>\n<STMTTRN>\n<TRNTYPE>DEBIT\n<DTPOSTED>20260301\n<TRNAMT>-5.00\n</STMTTRN>\n<STMTTRN>\n<TRNTYPE>DEBIT\n',
      'x.ofx',
      /line 16: the file stops here, inside <STMTTRN> from line 15; <\/STMTTRN> and 5 more closing tags up to <\/OFX> never come/,
    ],
    [
      'QIF whose last record has no ^',
      '!Type:Bank\nD03/01/2026\nT-5.00\nPCOFFEE\n^\nD03/02/2026\nT-7.0',
      'x.qif',
      /line 7: the file stops here, inside the record that starts at line 6, which has no closing \^/,
    ],
    [
      'MT940 without its closing balance',
      ':20:STMT\n:25:NL00BANK0123456789\n:28C:1/1\n:60F:C260301EUR100,00\n:61:2603010301D5,00NTRFNONREF\n:86:COFFEE\n',
      'x.sta',
      /inside the statement that starts at line 1 \(:20:\), before its closing balance :62F:/,
    ],
    [
      'MT940 in an envelope without -}',
      '{1:F01BANK}{2:O940}{4:\n:20:STMT\n:25:NL00\n:28C:1\n:60F:C260301EUR100,00\n:61:2603010301D5,00NTRFNONREF\n:62F:C260301EUR95,00\n',
      'x.sta',
      /inside the message block that starts at line 1 \(\{4:\), before its closing -\}/,
    ],
    [
      'camt.053 that stops inside an entry',
      '<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>\n<Stmt><Ntry><Amt Ccy="EUR">5.00</Amt>\n',
      'x.xml',
      /line 3: the file stops here, inside <Ntry> from line 3; <\/Ntry>, <\/Stmt>, <\/BkToCstmrStmt> and <\/Document> never come/,
    ],
  ])('%s is refused with where it stops', (_, text, file, message) => {
    const r = read(Buffer.from(text), file);
    expect('refused' in r && r.refused).toBeInstanceOf(TruncatedStatementError);
    expect('refused' in r && r.refused.message).toMatch(message);
  });

  it('XML that is whole but not well-formed is refused at its line and column', () => {
    const r = read(
      Buffer.from(
        '<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>\n<Stmt><Ntry>A & B</Ntry></Stmt></BkToCstmrStmt></Document>\n',
      ),
      'x.xml',
    );
    expect('refused' in r && r.refused).not.toBeInstanceOf(TruncatedStatementError);
    expect('refused' in r && r.refused.where).toMatch(/^line 3, column \d+$/);
  });
});

describe('npm run import with a cut file', () => {
  it('exits 1, says where the file stops in words from dialogs/*.lg, and saves nothing', async () => {
    const db = tempDbFile();
    try {
      const whole = readFileSync(join(FIXTURES, 'ofx', 'ofx-reader__sicredi.ofx'));
      const cut = join(db.dir, 'sicredi.ofx');
      writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
      const run = spawnSync(
        process.execPath,
        [...IMPORT_COMMAND, cut, '--user', 'ana', '--account', 'Sicredi', '--type', 'checking'],
        {
          cwd: ROOT,
          env: { ...process.env, TALLY_DB: db.file },
          encoding: 'utf8',
        },
      );
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(
        /^Not imported: sicredi\.ofx stops at line 293, inside <STMTTRN> from line 291; .* never come; it looks cut off\. Nothing was saved\./,
      );
      const store = await openStore(db.file);
      expect([
        countRows(store, 'users'),
        countRows(store, 'accounts'),
        countRows(store, 'transactions'),
      ]).toEqual([0, 0, 0]);
      store.close();
    } finally {
      db.remove();
    }
  });
});

describe('a cut file sent in chat', () => {
  it('is refused in words from dialogs/*.lg that say where it stops, and nothing is saved', async () => {
    const store = await memoryStore();
    const whole = readFileSync(join(FIXTURES, 'ofx', 'ofx-reader__sicredi.ofx'));
    const chat = new Chat({
      store,
      understanding: await realUnderstanding(),
      userId: 'ana',
      today: '2026-03-10',
      now: NOW,
      fetchAttachment: async () => whole.subarray(0, Math.floor(whole.length * 0.6)),
    });
    await chat.say('link an account');
    await chat.say('yes');
    await chat.say('Sicredi checking');
    const turn = await chat.say('', {
      attachments: [
        {
          name: 'sicredi.ofx',
          contentType: 'application/x-ofx',
          contentUrl: 'https://channel.example/attachments/1',
        },
      ],
    });
    expect(turn.replies[0]?.template).toBe('ImportCutOff');
    expect(turn.texts[0]).toMatch(
      /^I couldn't import sicredi\.ofx: it stops at line 293, inside <STMTTRN> from line 291; .* never come, so it looks cut off\. Nothing from it was saved\./,
    );
    expect(await store.accounts.list('ana')).toEqual([]);
    expect(countRows(store, 'transactions')).toBe(0);
  });
});
