/**
 * Every shared fixture and acceptance file, with figures worked out by reading the files directly
 * (counting STMTTRN/Ntry/:61:/T records and rows, summing their amounts), not from the parser.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStatement } from '../../../src/ingest/parse.ts';
import { StatementError, StatementQuestion, type ParseOptions, type ParsedStatement } from '../../../src/ingest/types.ts';
import { sharedDir } from '../../../src/cli/shared-dir.ts';

const SHARED = sharedDir();

type Expectation =
  | { count: number; total: number; accounts?: number; opts?: Partial<ParseOptions> }
  | { refused: RegExp }
  | { question: 'date-format' | 'sign' };

const CASES: Record<string, Expectation> = {
  'fixtures/ofx/actual__8859-1.qfx': { count: 1, total: -2000 },
  'fixtures/ofx/actual__data-multi-decimal_bofa.ofx': { count: 2, total: -3377 },
  'fixtures/ofx/actual__data-payee-memo.ofx': { count: 4, total: -10000 },
  'fixtures/ofx/actual__tracking-number_no-signon.ofx': { count: 2, total: -3377 },
  'fixtures/ofx/actual__utf-8.qfx': { count: 1, total: -2000 },
  'fixtures/ofx/csv2ofx__transaction_example.ofx': { count: 1, total: -8000 },
  'fixtures/ofx/csv2ofx__transfer_example.ofx': { refused: /INTRARS.*transfer/ },
  'fixtures/ofx/node-ofx__example-xml.qfx': { count: 1, total: 84 },
  'fixtures/ofx/node-ofx__example1.ofx': { count: 5, total: -17311 },
  'fixtures/ofx/ofx-reader__BancodoBrasil.ofc': { count: 7, total: -1000 },
  'fixtures/ofx/ofx-reader__BancodoBrasil.ofx': { count: 7, total: -1000 },
  'fixtures/ofx/ofx-reader__Bradesco.ofx': { count: 6, total: -33698 },
  'fixtures/ofx/ofx-reader__CaixaEconomicaFederal.ofx': { count: 3, total: -3220 },
  'fixtures/ofx/ofx-reader__amex.ofx': { count: 2, total: -35840 },
  'fixtures/ofx/ofx-reader__nubank.ofx': { count: 5, total: 12553 },
  'fixtures/ofx/ofx-reader__sicredi.ofx': { count: 54, total: 776461 },
  'fixtures/ofx/ofx-reader__version103.ofx': { count: 3, total: 25000 },
  'fixtures/ofx/ofxparse__account_listing_aggregation.ofx': { refused: /ACCTINFORS.*only lists accounts/ },
  'fixtures/ofx/ofxparse__anzcc.ofx': { count: 1, total: -550 },
  'fixtures/ofx/ofxparse__bank_medium.ofx': { count: 3, total: -34527 },
  'fixtures/ofx/ofxparse__bank_small.ofx': { refused: /line 11 \(element OFX\): expected a bank or credit-card statement/ },
  'fixtures/ofx/ofxparse__checking.ofx': { count: 3, total: -5950 },
  'fixtures/ofx/ofxparse__error_message.ofx': { refused: /STMTTRNRS > STATUS: expected a statement, but the bank answered with error 2000/ },
  'fixtures/ofx/ofxparse__fail_nice_date_missing.ofx': { refused: /line 33 \(element STMTTRN #1 > DTPOSTED\): expected a posted date/ },
  'fixtures/ofx/ofxparse__fail_nice_decimal_error.ofx': { refused: /line 36 \(element STMTTRN #1 > DTPOSTED\): expected a posted date like 20260228, found "201120000000"/ },
  'fixtures/ofx/ofxparse__fail_nice_empty_balance.ofx': { count: 1, total: 12000 },
  'fixtures/ofx/ofxparse__fidelity-savings.ofx': { refused: /INVSTMTRS.*investment account/ },
  'fixtures/ofx/ofxparse__fidelity.ofx': { refused: /INVSTMTRS.*investment account/ },
  'fixtures/ofx/ofxparse__investment_401k.ofx': { refused: /INVSTMTRS.*investment account/ },
  'fixtures/ofx/ofxparse__investment_medium.ofx': { refused: /INVSTMTRS.*investment account/ },
  'fixtures/ofx/ofxparse__multiple_accounts.ofx': { refused: /element STMTRS: expected transactions \(STMTTRN\)/ },
  'fixtures/ofx/ofxparse__multiple_accounts2.ofx': { refused: /element STMTRS: expected transactions \(STMTTRN\)/ },
  'fixtures/ofx/ofxparse__ofx-v102-empty-tags.ofx': { count: 1, total: 1234 },
  'fixtures/ofx/ofxparse__signon_fail.ofx': { refused: /SONRS > STATUS\): expected a statement, but the bank answered with error 15500/ },
  'fixtures/ofx/ofxparse__signon_success.ofx': { refused: /expected a bank or credit-card statement/ },
  'fixtures/ofx/ofxparse__signon_success_no_message.ofx': { refused: /expected a bank or credit-card statement/ },
  'fixtures/ofx/ofxparse__suncorp.ofx': { count: 1, total: -1685 },
  'fixtures/ofx/ofxparse__td_ameritrade.ofx': { refused: /INVSTMTRS.*investment account/ },
  'fixtures/ofx/ofxparse__tiaacref.ofx': { refused: /INVSTMTRS.*investment account/ },
  'fixtures/ofx/ofxparse__vanguard.ofx': { refused: /INVSTMTRS.*investment account/ },
  'fixtures/ofx/ofxparse__vanguard401k.ofx': { refused: /INVSTMTRS.*investment account/ },
  'fixtures/camt/actual__camt.latin1_camt052.xml': { count: 2, total: 9500 },
  'fixtures/camt/camt053.v2.all-balance-types.xml': { count: 1, total: 885 },
  'fixtures/camt/camt053.v2.five.decimals.xml': { count: 1, total: 885 },
  'fixtures/camt/camt053.v2.minimal.ultimate.xml': { count: 1, total: 885 },
  'fixtures/camt/camt053.v2.minimal.xml': { count: 1, total: 885 },
  'fixtures/camt/camt053.v2.multi.statement.xml': { count: 2, total: 185 },
  'fixtures/camt/camt053.v2.with-account-name.xml': { count: 1, total: 885 },
  'fixtures/camt/camt053.v2.with-party-ids.xml': { count: 1, total: 885 },
  'fixtures/camt/camt053.v2.wrong.xml': { refused: /element BkToCstmrStmt: expected at least one Stmt/ },
  'fixtures/camt/camt053.v3.xml': { count: 1, total: 885 },
  'fixtures/camt/camt053.v4.xml': { count: 1, total: 885 },
  'fixtures/camt/camt53.only-Dt-with-DtTm.xml': { refused: /element Stmt: expected booked entries \(Ntry\)/ },
  'fixtures/mt940/ASNB__0708271685_09022020_164516.940.txt': { count: 8, total: 5694 },
  'fixtures/mt940/actual__data.sta': { count: 6, total: 99671 },
  'fixtures/mt940/betterplace__sepa_snippet.sta': { count: 11, total: -214332339, accounts: 2 },
  'fixtures/mt940/betterplace__with_binary_character.sta': { count: 4, total: -17906675, accounts: 2 },
  'fixtures/mt940/cmxl__mt940.sta': { count: 16, total: 1232730, accounts: 3 },
  'fixtures/mt940/jejik__abnamro.sta': { count: 10, total: -34593 },
  'fixtures/mt940/jejik__ing.sta': { count: 7, total: -4559 },
  'fixtures/mt940/jejik__knab.sta': { count: 3, total: -626000 },
  'fixtures/mt940/jejik__postfinance.sta': { count: 4, total: 15940 },
  'fixtures/mt940/jejik__rabobank-iban.sta': { count: 4, total: -7000 },
  'fixtures/mt940/jejik__rabobank.sta': { count: 5, total: -158909, accounts: 2 },
  'fixtures/mt940/jejik__sns.sta': { count: 2, total: -2500 },
  'fixtures/mt940/jejik__triodos.sta': { count: 2, total: -71570 },
  'fixtures/mt940/mBank__mt940.sta': { count: 3, total: 3 },
  'fixtures/mt940/sberbank__171011_01234945.sta': { count: 3, total: -943700 },
  'fixtures/qif/actual__data-payee-memo.qif': { count: 4, total: -10000 },
  'fixtures/qif/actual__data-with-categories.qif': { count: 3, total: -16133 },
  'fixtures/qif/actual__qif-account.qif': { count: 1, total: -2500 },
  'fixtures/qif/actual__qif-category.qif': { count: 2, total: -12073 },
  'fixtures/qif/csv2ofx__investment_example.qif': { refused: /line 5: expected a bank or credit-card account.*investment/ },
  'fixtures/qif/csv2ofx__qif-file-format.txt': { refused: /line 1: expected a header row/ },
  'fixtures/csv/actual__data_euc-kr.csv': { count: 3, total: 12275 },
  'fixtures/csv/actual__windows-1252.csv': { count: 2, total: 5815 },
  'fixtures/csv/amazon.csv': { count: 3, total: -4576 },
  'fixtures/csv/creditunion.csv': { question: 'sign' },
  'fixtures/csv/gls.csv': { count: 1, total: -9876 },
  'fixtures/csv/ingesp.csv': { count: 10, total: 35021 },
  'fixtures/csv/mint.csv': { count: 4, total: -300000, accounts: 2 },
  'fixtures/csv/mint_headerless.csv': { count: 4, total: -300000 },
  'fixtures/csv/n26-fr.csv': { count: 2, total: 0 },
  'fixtures/csv/outbank.csv': { count: 4, total: -3589 },
  'fixtures/csv/payoneer.csv': { count: 2, total: 2000 },
  'fixtures/csv/pcmastercard.csv': { count: 2, total: -5031 },
  'fixtures/csv/schwab-checking-baltest-case7.csv': { count: 2, total: 0 },
  'fixtures/csv/sparkasse-freiburg__simple2.csv': { count: 18, total: 10717 },
  'fixtures/csv/ubs-ch-fr_trimmed.csv': { count: 3, total: 3000 },
  'acceptance/alice_amex_gold.csv': { count: 73, total: -180281, opts: { accountType: 'credit_card' } },
  'acceptance/alice_chase_checking.csv': { count: 48, total: 1412658, opts: { accountType: 'checking' } },
  'acceptance/alice_chase_sapphire.csv': { count: 137, total: -209590, opts: { accountType: 'credit_card' } },
  'acceptance/alice_capital_one.qfx': { count: 124, total: -137812 },
  'acceptance/bob_wells_checking.ofx': { count: 62, total: 1477119 },
};

function read(path: string, opts: Partial<ParseOptions> = {}): ParsedStatement[] {
  const fileName = path.split('/').pop() ?? path;
  return parseStatement(readFileSync(`${SHARED}/${path}`), { fileName, ...opts });
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

const all = (s: ParsedStatement[]) => s.flatMap((x) => x.transactions);

describe('every shared fixture is read or refused', () => {
  for (const [path, expected] of Object.entries(CASES)) {
    it(path, () => {
      const fileName = path.split('/').pop() ?? '';
      if ('refused' in expected) {
        const e = caught(() => read(path));
        expect(e).toBeInstanceOf(StatementError);
        const err = e as StatementError;
        expect(err.file).toBe(fileName);
        expect(err.message).toMatch(expected.refused);
        expect(err.message.startsWith(`${fileName}, `)).toBe(true);
        expect(err.message).not.toMatch(/\n\s+at /);
      } else if ('question' in expected) {
        const e = caught(() => read(path));
        expect(e).toBeInstanceOf(StatementQuestion);
        expect((e as StatementQuestion).topic).toBe(expected.question);
      } else {
        const statements = read(path, expected.opts);
        const txs = all(statements);
        expect(txs).toHaveLength(expected.count);
        expect(txs.reduce((n, t) => n + t.amountMinor, 0)).toBe(expected.total);
        expect(statements).toHaveLength(expected.accounts ?? 1);
        for (const t of txs) expect(t.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    });
  }
});

/** What csv2ofx wrote for the same CSVs: [date, minor units] pairs read straight from its OFX/QIF. */
function expectedPairs(file: string): Array<[string, number]> {
  const text = readFileSync(`${SHARED}/fixtures/expected/${file}`, 'utf8');
  const toMinor = (s: string) => Math.round(Number(s.replace(/,/g, '')) * 100);
  if (file.endsWith('.ofx')) {
    return [...text.matchAll(/<STMTTRN>([\s\S]*?)<\/STMTTRN>/g)].map((m) => {
      const body = m[1] ?? '';
      const d = /<DTPOSTED>(\d{4})(\d{2})(\d{2})/.exec(body);
      const a = /<TRNAMT>([-\d.,]+)/.exec(body)?.[1] ?? '';
      return [`${d?.[1]}-${d?.[2]}-${d?.[3]}`, toMinor(a)];
    });
  }
  const us = [...text.matchAll(/^D(\d{2})\/(\d{2})\/(\d{4})\s*\n(?:[^^]*?\n)?T([-\d.,]+)/gm)].map((m): [string, number] => [`${m[3]}-${m[1]}-${m[2]}`, toMinor(m[4] ?? '')]);
  const iso = [...text.matchAll(/^D(\d{4})-(\d{2})-(\d{2})\s*\n(?:[^^]*?\n)?T([-\d.,]+)/gm)].map((m): [string, number] => [`${m[1]}-${m[2]}-${m[3]}`, toMinor(m[4] ?? '')]);
  return [...us, ...iso];
}

/** csv2ofx read "08/04/2022" in a day-first file (other rows: 24/03/2022, 31/12/2022) month-first. */
const CSV2OFX_MISREADS: Record<string, string> = { '2022-08-04 269': '2022-04-08 269' };

describe('CSVs agree with what csv2ofx made of them', () => {
  const pairs: Array<[string, string, Partial<ParseOptions>?]> = [
    ['amazon.csv', 'amazon.ofx'],
    ['gls.csv', 'gls.ofx'],
    ['ingesp.csv', 'ingesp.ofx'],
    ['mint.csv', 'mint.qif'],
    ['n26-fr.csv', 'n26.ofx'],
    ['outbank.csv', 'outbank.ofx'],
    ['payoneer.csv', 'payoneer.ofx'],
    ['pcmastercard.csv', 'pcmastercard.ofx'],
    ['ubs-ch-fr_trimmed.csv', 'ubs-ch-fr.qif'],
    ['creditunion.csv', 'creditunion.qif', { negate: false }],
  ];
  for (const [csv, converted, opts] of pairs) {
    it(`${csv} matches ${converted}`, () => {
      const ours = all(read(`fixtures/csv/${csv}`, opts)).map((t) => `${t.date} ${t.amountMinor}`);
      const theirs = expectedPairs(converted).map(([d, a]) => CSV2OFX_MISREADS[`${d} ${a}`] ?? `${d} ${a}`);
      expect(theirs.length).toBeGreaterThan(0);
      for (const line of theirs) expect(ours).toContain(line);
      if (csv !== 'amazon.csv') expect([...ours].sort()).toEqual([...theirs].sort());
    });
  }
});

describe('acceptance files keep their sign conventions', () => {
  it('American Express: charges become money out, payments money in', () => {
    const [st] = read('acceptance/alice_amex_gold.csv', { accountType: 'credit_card' });
    const payments = st?.transactions.filter((t) => /PAYMENT - THANK YOU/.test(t.description)) ?? [];
    expect(payments).toHaveLength(6);
    for (const p of payments) expect(p.amountMinor).toBeGreaterThan(0);
    expect(st?.transactions.find((t) => t.description.startsWith('SHAKE SHACK'))?.amountMinor).toBe(-8863);
    expect(st?.assumptions.join(' ')).toMatch(/positive amounts; treated them as money out/);
  });

  it('American Express without an account type is still read as a card', () => {
    const [st] = read('acceptance/alice_amex_gold.csv');
    expect(st?.account.type).toBe('credit_card');
    expect(st?.transactions[0]?.amountMinor).toBe(-8863);
  });

  it('Chase checking: layout, running balance of the newest row, bank type', () => {
    const [st] = read('acceptance/alice_chase_checking.csv');
    expect(st?.layout).toBe('chase-checking');
    expect(st?.balances).toEqual([{ kind: 'running', amountMinor: 2262658, currency: 'USD', asOf: '2026-02-20' }]);
    expect(st?.transactions[0]).toMatchObject({ amountMinor: -39295, bankType: 'DEBIT_CARD', balanceAfterMinor: 2262658 });
  });

  it('Chase Sapphire: purchases negative on their transaction date, category kept', () => {
    const [st] = read('acceptance/alice_chase_sapphire.csv');
    expect(st?.account.type).toBe('credit_card');
    expect(st?.transactions[0]).toMatchObject({ date: '2026-02-27', amountMinor: -1455, bankCategory: 'Food & Drink', bankType: 'Sale' });
  });

  it('Capital One QFX: a card account with a mask', () => {
    const [st] = read('acceptance/alice_capital_one.qfx');
    expect(st?.account).toMatchObject({ type: 'credit_card', mask: '4444', currency: 'USD' });
  });

  it('Wells Fargo OFX: the full MEMO replaces a NAME cut at 32 characters', () => {
    const [st] = read('acceptance/bob_wells_checking.ofx');
    expect(st?.account).toMatchObject({ type: 'checking', mask: '3210' });
    expect(st?.transactions[0]).toMatchObject({
      date: '2025-09-01',
      amountMinor: -684,
      description: 'PURCHASE AUTHORIZED ON 09/01 STARBUCKS STORE 0881 OAKLAND CA',
      externalId: 'WF202509010000',
      bankType: 'DEBIT',
    });
    expect(st?.balances[0]).toMatchObject({ kind: 'ledger', amountMinor: 1889119 });
  });
});
