/**
 * Every statement fixture (test/fixtures/statements, attribution in test/fixtures/SOURCES.md) and every file of
 * the made-up household (test/fixtures/household), with figures worked out by reading the files directly
 * (counting STMTTRN/Ntry/:61:/T records and rows, summing their amounts), not from the parser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStatement } from '../../../src/ingest/parse.ts';
import {
  StatementError,
  StatementQuestion,
  type ParseOptions,
  type ParsedStatement,
} from '../../../src/ingest/types.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

type Expectation =
  | { count: number; total: number; accounts?: number; opts?: Partial<ParseOptions> }
  | { refused: RegExp }
  | { question: 'date-format' | 'sign' };

const CASES: Record<string, Expectation> = {
  'statements/ofx/actual__8859-1.qfx': { count: 1, total: -2000 },
  'statements/ofx/actual__data-multi-decimal_bofa.ofx': { count: 2, total: -3377 },
  'statements/ofx/actual__data-payee-memo.ofx': { count: 4, total: -10000 },
  'statements/ofx/actual__tracking-number_no-signon.ofx': { count: 2, total: -3377 },
  'statements/ofx/actual__utf-8.qfx': { count: 1, total: -2000 },
  'statements/ofx/csv2ofx__transaction_example.ofx': { count: 1, total: -8000 },
  'statements/ofx/csv2ofx__transfer_example.ofx': { refused: /INTRARS.*transfer/ },
  'statements/ofx/node-ofx__example-xml.qfx': { count: 1, total: 84 },
  'statements/ofx/node-ofx__example1.ofx': { count: 5, total: -17311 },
  'statements/ofx/ofx-reader__BancodoBrasil.ofc': { count: 7, total: -1000 },
  'statements/ofx/ofx-reader__BancodoBrasil.ofx': { count: 7, total: -1000 },
  'statements/ofx/ofx-reader__Bradesco.ofx': { count: 6, total: -33698 },
  'statements/ofx/ofx-reader__CaixaEconomicaFederal.ofx': { count: 3, total: -3220 },
  'statements/ofx/ofx-reader__amex.ofx': { count: 2, total: -35840 },
  'statements/ofx/ofx-reader__nubank.ofx': { count: 5, total: 12553 },
  'statements/ofx/ofx-reader__sicredi.ofx': { count: 54, total: 776461 },
  'statements/ofx/ofx-reader__version103.ofx': { count: 3, total: 25000 },
  'statements/ofx/ofxparse__account_listing_aggregation.ofx': { refused: /ACCTINFORS.*only lists accounts/ },
  'statements/ofx/ofxparse__anzcc.ofx': { count: 1, total: -550 },
  'statements/ofx/ofxparse__bank_medium.ofx': { count: 3, total: -34527 },
  'statements/ofx/ofxparse__bank_small.ofx': {
    refused: /line 11 \(element OFX\): expected a bank or credit-card statement/,
  },
  'statements/ofx/ofxparse__checking.ofx': { count: 3, total: -5950 },
  'statements/ofx/ofxparse__error_message.ofx': {
    refused: /STMTTRNRS > STATUS: expected a statement, but the bank answered with error 2000/,
  },
  'statements/ofx/ofxparse__fail_nice_date_missing.ofx': {
    refused: /line 33 \(element STMTTRN #1 > DTPOSTED\): expected a posted date/,
  },
  'statements/ofx/ofxparse__fail_nice_decimal_error.ofx': {
    refused:
      /line 36 \(element STMTTRN #1 > DTPOSTED\): expected a posted date like 20260228, found "201120000000"/,
  },
  'statements/ofx/ofxparse__fail_nice_empty_balance.ofx': { count: 1, total: 12000 },
  'statements/ofx/ofxparse__fidelity-savings.ofx': { refused: /INVSTMTRS.*investment account/ },
  'statements/ofx/ofxparse__fidelity.ofx': { refused: /INVSTMTRS.*investment account/ },
  'statements/ofx/ofxparse__investment_401k.ofx': { refused: /INVSTMTRS.*investment account/ },
  'statements/ofx/ofxparse__investment_medium.ofx': { refused: /INVSTMTRS.*investment account/ },
  'statements/ofx/ofxparse__multiple_accounts.ofx': {
    refused: /element STMTRS: expected transactions \(STMTTRN\)/,
  },
  'statements/ofx/ofxparse__multiple_accounts2.ofx': {
    refused: /element STMTRS: expected transactions \(STMTTRN\)/,
  },
  'statements/ofx/ofxparse__ofx-v102-empty-tags.ofx': { count: 1, total: 1234 },
  'statements/ofx/ofxparse__signon_fail.ofx': {
    refused: /SONRS > STATUS\): expected a statement, but the bank answered with error 15500/,
  },
  'statements/ofx/ofxparse__signon_success.ofx': { refused: /expected a bank or credit-card statement/ },
  'statements/ofx/ofxparse__signon_success_no_message.ofx': {
    refused: /expected a bank or credit-card statement/,
  },
  'statements/ofx/ofxparse__suncorp.ofx': { count: 1, total: -1685 },
  'statements/ofx/ofxparse__td_ameritrade.ofx': { refused: /INVSTMTRS.*investment account/ },
  'statements/ofx/ofxparse__tiaacref.ofx': { refused: /INVSTMTRS.*investment account/ },
  'statements/ofx/ofxparse__vanguard.ofx': { refused: /INVSTMTRS.*investment account/ },
  'statements/ofx/ofxparse__vanguard401k.ofx': { refused: /INVSTMTRS.*investment account/ },
  'statements/camt/actual__camt.latin1_camt052.xml': { count: 2, total: 9500 },
  'statements/camt/camt053.v2.all-balance-types.xml': { count: 1, total: 885 },
  'statements/camt/camt053.v2.five.decimals.xml': { count: 1, total: 885 },
  'statements/camt/camt053.v2.minimal.ultimate.xml': { count: 1, total: 885 },
  'statements/camt/camt053.v2.minimal.xml': { count: 1, total: 885 },
  'statements/camt/camt053.v2.multi.statement.xml': { count: 2, total: 185 },
  'statements/camt/camt053.v2.with-account-name.xml': { count: 1, total: 885 },
  'statements/camt/camt053.v2.with-party-ids.xml': { count: 1, total: 885 },
  'statements/camt/camt053.v2.wrong.xml': { refused: /element BkToCstmrStmt: expected at least one Stmt/ },
  'statements/camt/camt053.v3.xml': { count: 1, total: 885 },
  'statements/camt/camt053.v4.xml': { count: 1, total: 885 },
  'statements/camt/camt53.only-Dt-with-DtTm.xml': {
    refused: /element Stmt: expected booked entries \(Ntry\)/,
  },
  'statements/mt940/ASNB__0708271685_09022020_164516.940.txt': { count: 8, total: 5694 },
  'statements/mt940/actual__data.sta': { count: 6, total: 99671 },
  'statements/mt940/betterplace__sepa_snippet.sta': { count: 11, total: -214332339, accounts: 2 },
  'statements/mt940/betterplace__with_binary_character.sta': { count: 4, total: -17906675, accounts: 2 },
  'statements/mt940/cmxl__mt940.sta': { count: 16, total: 1232730, accounts: 3 },
  'statements/mt940/jejik__abnamro.sta': { count: 10, total: -34593 },
  'statements/mt940/jejik__ing.sta': { count: 7, total: -4559 },
  'statements/mt940/jejik__knab.sta': { count: 3, total: -626000 },
  'statements/mt940/jejik__postfinance.sta': { count: 4, total: 15940 },
  'statements/mt940/jejik__rabobank-iban.sta': { count: 4, total: -7000 },
  'statements/mt940/jejik__rabobank.sta': { count: 5, total: -158909, accounts: 2 },
  'statements/mt940/jejik__sns.sta': { count: 2, total: -2500 },
  'statements/mt940/jejik__triodos.sta': { count: 2, total: -71570 },
  'statements/mt940/mBank__mt940.sta': { count: 3, total: 3 },
  'statements/mt940/sberbank__171011_01234945.sta': { count: 3, total: -943700 },
  'statements/qif/actual__data-payee-memo.qif': { count: 4, total: -10000 },
  'statements/qif/actual__data-with-categories.qif': { count: 3, total: -16133 },
  'statements/qif/actual__qif-account.qif': { count: 1, total: -2500 },
  'statements/qif/actual__qif-category.qif': { count: 2, total: -12073 },
  'statements/qif/csv2ofx__investment_example.qif': {
    refused: /line 5: expected a bank or credit-card account.*investment/,
  },
  'statements/qif/csv2ofx__qif-file-format.txt': { refused: /line 1: expected a header row/ },
  'statements/csv/actual__data_euc-kr.csv': { count: 3, total: 12275 },
  'statements/csv/actual__windows-1252.csv': { count: 2, total: 5815 },
  'statements/csv/amazon.csv': { count: 3, total: -4576 },
  'statements/csv/creditunion.csv': { question: 'sign' },
  'statements/csv/gls.csv': { count: 1, total: -9876 },
  'statements/csv/ingesp.csv': { count: 10, total: 35021 },
  'statements/csv/mint.csv': { count: 4, total: -300000, accounts: 2 },
  'statements/csv/mint_headerless.csv': { count: 4, total: -300000 },
  'statements/csv/n26-fr.csv': { count: 2, total: 0 },
  'statements/csv/outbank.csv': { count: 4, total: -3589 },
  'statements/csv/payoneer.csv': { count: 2, total: 2000 },
  'statements/csv/pcmastercard.csv': { count: 2, total: -5031 },
  'statements/csv/schwab-checking-baltest-case7.csv': { count: 2, total: 0 },
  'statements/csv/sparkasse-freiburg__simple2.csv': { count: 18, total: 10717 },
  'statements/csv/ubs-ch-fr_trimmed.csv': { count: 3, total: 3000 },
  // Maya's checking: pay 6 × 3,412.55 − rent 4 × 2,150.00 − Shell 347.18 − Safeway 257.09 − card payments 3,003.91
  // (= the running balance 11,749.28 − the beginning balance 3,482.16); the "Beginning balance" row has no amount.
  'household/maya_bofa_checking.csv': { count: 23, total: 826712, opts: { accountType: 'checking' } },
  // Card charges 3,202.92 (December 728.43, January 577.66, February 1,877.39, March 19.44) less the payments
  // 3,003.91 and the 149.00 return.
  'household/maya_discover_it.csv': { count: 53, total: -5001, opts: { accountType: 'credit_card' } },
  // Pay 7 × 2,688.40 − Safeway 437.37 − Comcast 3 × 80.00 − PG&E 472.89 − moved to the Visa 1,064.63.
  'household/theo_alliant_checking.ofx': { count: 23, total: 1660391 },
  // Payments 358.62 + 361.84 + 344.17 less charges 1,058.29 (December 339.91, January 330.91, February 330.63, March 56.84).
  'household/theo_alliant_visa.ofx': { count: 35, total: 634 },
};

function read(path: string, opts: Partial<ParseOptions> = {}): ParsedStatement[] {
  const fileName = path.split('/').pop() ?? path;
  return parseStatement(readFileSync(join(FIXTURES, path)), { fileName, ...opts });
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

describe('every statement fixture is read or refused', () => {
  it('has a case for every statement file (expected/ holds what csv2ofx made, not statements)', () => {
    const files = [
      ...['camt', 'csv', 'mt940', 'ofx', 'qif'].flatMap((dir) =>
        readdirSync(join(FIXTURES, 'statements', dir)).map((f) => `statements/${dir}/${f}`),
      ),
      ...readdirSync(join(FIXTURES, 'household'))
        .filter((f) => f !== 'README.md')
        .map((f) => `household/${f}`),
    ];
    expect(files.sort()).toEqual(Object.keys(CASES).sort());
    expect(readdirSync(join(FIXTURES, 'statements')).sort()).toEqual([
      'README.md',
      'camt',
      'csv',
      'expected',
      'mt940',
      'ofx',
      'qif',
    ]);
  });

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
  const text = readFileSync(join(FIXTURES, 'statements', 'expected', file), 'utf8');
  const toMinor = (s: string) => Math.round(Number(s.replace(/,/g, '')) * 100);
  if (file.endsWith('.ofx')) {
    return [...text.matchAll(/<STMTTRN>([\s\S]*?)<\/STMTTRN>/g)].map((m) => {
      const body = m[1] ?? '';
      const d = /<DTPOSTED>(\d{4})(\d{2})(\d{2})/.exec(body);
      const a = /<TRNAMT>([-\d.,]+)/.exec(body)?.[1] ?? '';
      return [`${d?.[1]}-${d?.[2]}-${d?.[3]}`, toMinor(a)];
    });
  }
  const us = [...text.matchAll(/^D(\d{2})\/(\d{2})\/(\d{4})\s*\n(?:[^^]*?\n)?T([-\d.,]+)/gm)].map(
    (m): [string, number] => [`${m[3]}-${m[1]}-${m[2]}`, toMinor(m[4] ?? '')],
  );
  const iso = [...text.matchAll(/^D(\d{4})-(\d{2})-(\d{2})\s*\n(?:[^^]*?\n)?T([-\d.,]+)/gm)].map(
    (m): [string, number] => [`${m[1]}-${m[2]}-${m[3]}`, toMinor(m[4] ?? '')],
  );
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
      const ours = all(read(`statements/csv/${csv}`, opts)).map((t) => `${t.date} ${t.amountMinor}`);
      const theirs = expectedPairs(converted).map(([d, a]) => CSV2OFX_MISREADS[`${d} ${a}`] ?? `${d} ${a}`);
      expect(theirs.length).toBeGreaterThan(0);
      for (const line of theirs) expect(ours).toContain(line);
      if (csv !== 'amazon.csv') expect([...ours].sort()).toEqual([...theirs].sort());
    });
  }
});

describe('household files keep their sign conventions', () => {
  it('Discover: charges become money out, payments and the return money in', () => {
    const [st] = read('household/maya_discover_it.csv', { accountType: 'credit_card' });
    expect(st?.layout).toBe('discover');
    const payments = st?.transactions.filter((t) => /PAYMENT - THANK YOU/.test(t.description)) ?? [];
    expect(payments.map((p) => p.amountMinor)).toEqual([120433, 98752, 81206]);
    expect(
      st?.transactions.filter((t) => t.description.startsWith('REI ')).map((t) => t.amountMinor),
    ).toEqual([-14900, 14900]);
    expect(st?.transactions[0]).toMatchObject({
      date: '2025-12-02',
      amountMinor: -1199,
      description: 'SPOTIFY USA 877-778-1161 NY',
      bankCategory: 'Services',
    });
    expect(st?.balances).toEqual([]);
    expect(st?.assumptions.join(' ')).toMatch(/positive amounts; treated them as money out/);
  });

  it('Discover without an account type is still read as a card', () => {
    const [st] = read('household/maya_discover_it.csv');
    expect(st?.account).toMatchObject({ type: 'credit_card', institution: 'Discover' });
    expect(st?.transactions[0]?.amountMinor).toBe(-1199);
  });

  it('Bank of America checking: past the summary block, no row for the beginning balance, running balance of the newest row', () => {
    const [st] = read('household/maya_bofa_checking.csv');
    expect(st?.layout).toBe('bank-of-america-checking');
    expect(st?.account.type).toBe('checking');
    expect(st?.transactions[0]).toMatchObject({
      date: '2025-12-01',
      amountMinor: -215000,
      balanceAfterMinor: 133216,
    }); // 3,482.16 − 2,150.00
    expect(st?.transactions.some((t) => /Beginning balance/i.test(t.description))).toBe(false);
    expect(st?.balances).toEqual([
      { kind: 'running', amountMinor: 1174928, currency: 'USD', asOf: '2026-03-03' },
    ]);
  });

  it('Bank of America checking: each running balance is the one before plus the amount, quoted thousands included', () => {
    const txs = read('household/maya_bofa_checking.csv')[0]?.transactions ?? [];
    let balance = 348216; // the beginning balance of 1 December
    for (const t of txs) {
      balance += t.amountMinor;
      expect(t.balanceAfterMinor, `${t.date} ${t.description}`).toBe(balance);
    }
    expect(balance).toBe(1174928);
  });

  it('Alliant checking, OFX 2 XML: account, bank types, the NAME kept when MEMO does not extend it, ledger balance', () => {
    const [st] = read('household/theo_alliant_checking.ofx');
    expect(st?.layout).toBe('ofx-2.x');
    expect(st?.account).toMatchObject({
      type: 'checking',
      mask: '5902',
      currency: 'USD',
      institution: 'Alliant Credit Union',
    });
    expect(st?.transactions[0]).toMatchObject({
      date: '2025-12-05',
      amountMinor: 268840,
      description: 'ACME ROBOTICS PAYROLL',
      memo: 'ACME ROBOTICS INC PAYROLL PPD ID 9876543210',
      externalId: '202512050001',
      bankType: 'DIRECTDEP',
    });
    expect(st?.transactions.filter((t) => t.bankType === 'XFER').map((t) => t.amountMinor)).toEqual([
      -35862, -36184, -34417,
    ]);
    expect(st?.balances).toContainEqual({
      kind: 'ledger',
      amountMinor: 2182231,
      currency: 'USD',
      asOf: '2026-03-03',
    });
  });

  it('Alliant Visa, OFX 1.02 SGML: a card with a mask, the full MEMO replacing a shortened NAME, the balance owed', () => {
    const [st] = read('household/theo_alliant_visa.ofx');
    expect(st?.layout).toBe('ofx-1.x');
    expect(st?.account).toMatchObject({ type: 'credit_card', mask: '4417', currency: 'USD' });
    expect(st?.transactions[0]).toMatchObject({
      date: '2025-12-01',
      amountMinor: -5620,
      description: 'CHEVRON 0203451 SAN MATEO CA',
      bankType: 'DEBIT',
    });
    expect(st?.transactions.filter((t) => t.amountMinor > 0).map((t) => t.amountMinor)).toEqual([
      35862, 36184, 34417,
    ]);
    expect(st?.balances).toEqual([
      { kind: 'ledger', amountMinor: -35228, currency: 'USD', asOf: '2026-03-03' },
    ]);
  });
});
