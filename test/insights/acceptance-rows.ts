/**
 * A deliberately rough reader for the shared acceptance statements, so insights can be checked on realistic
 * history without the real import pipeline: merchant = first two words of the description, categories from a few
 * obvious keywords. Source files: the shared folder's acceptance (see data/README.md, "Sources and licences").
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Flow, Txn } from '../../src/insights/types.ts';
import { sharedDir } from '../../src/cli/shared-dir.ts';

export const ACCEPTANCE_DIR = sharedDir('acceptance');

const CATEGORIES: [RegExp, string][] = [
  [/NETFLIX|HULU|DISNEY/, 'ENTERTAINMENT_TV_AND_MOVIES'],
  [/SPOTIFY/, 'ENTERTAINMENT_MUSIC_AND_AUDIO'],
  [/STARBUCKS|BLUE BOTTLE/, 'FOOD_AND_DRINK_COFFEE'],
  [/WHOLEFDS|TRADER JOE|SAFEWAY/, 'FOOD_AND_DRINK_GROCERIES'],
  [/DOORDASH|NOPA|SWEETGREEN|CHIPOTLE|SHAKE SHACK|NOPALITO/, 'FOOD_AND_DRINK_RESTAURANT'],
  [/LYFT|UBER/, 'TRANSPORTATION_TAXIS_AND_RIDE_SHARES'],
  [/SHELL|CHEVRON/, 'TRANSPORTATION_GAS'],
  [/UNITED/, 'TRAVEL_FLIGHTS'],
  [/MARRIOTT/, 'TRAVEL_LODGING'],
  [/BESTBUY|BEST BUY/, 'GENERAL_MERCHANDISE_ELECTRONICS'],
  [/AMZN|AMAZON/, 'GENERAL_MERCHANDISE_ONLINE_MARKETPLACES'],
  [/TARGET/, 'GENERAL_MERCHANDISE_SUPERSTORES'],
  [/RENT/, 'RENT_AND_UTILITIES_RENT'],
  [/PGANDE/, 'RENT_AND_UTILITIES_GAS_AND_ELECTRICITY'],
  [/COMCAST/, 'RENT_AND_UTILITIES_INTERNET_AND_CABLE'],
  [/AMC /, 'ENTERTAINMENT_TV_AND_MOVIES'],
];

function categorise(description: string): string {
  const upper = description.toUpperCase();
  return CATEGORIES.find(([re]) => re.test(upper))?.[1] ?? 'GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE';
}

function flowOf(description: string, amountMinor: number): Flow {
  if (/PAYROLL/i.test(description)) return 'income';
  if (/RENT/i.test(description)) return 'spending';
  if (/PAYMENT|PMT|PYMT|AUTOPAY/i.test(description)) return 'transfer';
  return amountMinor > 0 && !/REFUND/i.test(description) ? 'income' : 'spending';
}

function merchantOf(description: string): string {
  return description
    .replace(/^PURCHASE AUTHORIZED ON \d\d\/\d\d\s+/i, '')
    .replace(/[*#]/g, ' ')
    .replace(/^(SQ|TST)\s+/i, '')
    .trim()
    .split(/\s+/)
    .slice(0, 2)
    .join(' ');
}

function usDate(mdy: string): string {
  const [m, d, y] = mdy.split('/');
  return `${y}-${m}-${d}`;
}

function cents(decimal: string): number {
  return Math.round(Number(decimal) * 100);
}

let nextId = 1;
function row(accountId: number, date: string, amountMinor: number, description: string): Txn {
  return {
    id: nextId++,
    date,
    amountMinor,
    currency: 'USD',
    merchant: merchantOf(description),
    category: categorise(description),
    accountId,
    description,
    flow: flowOf(description, amountMinor),
  };
}

function csv(file: string): Record<string, string>[] {
  return parse(readFileSync(`${ACCEPTANCE_DIR}/${file}`, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as Record<string, string>[];
}

function ofx(file: string, accountId: number): Txn[] {
  const text = readFileSync(`${ACCEPTANCE_DIR}/${file}`, 'utf8');
  const tag = (block: string, name: string) =>
    new RegExp(`<${name}>([^<\\r\\n]*)`).exec(block)?.[1]?.trim() ?? '';
  return [...text.matchAll(/<STMTTRN>([\s\S]*?)<\/STMTTRN>/g)].map((m) => {
    const block = m[1]!;
    const d = tag(block, 'DTPOSTED');
    return row(
      accountId,
      `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`,
      cents(tag(block, 'TRNAMT')),
      tag(block, 'MEMO') || tag(block, 'NAME'),
    );
  });
}

/** Alice's four accounts as one history. */
export function aliceHistory(): Txn[] {
  nextId = 1;
  return [
    ...csv('alice_chase_checking.csv').map((r) =>
      row(1, usDate(r['Posting Date']!), cents(r['Amount']!), r['Description']!),
    ),
    ...csv('alice_chase_sapphire.csv').map((r) =>
      row(2, usDate(r['Transaction Date']!), cents(r['Amount']!), r['Description']!),
    ),
    ...csv('alice_amex_gold.csv').map((r) =>
      row(3, usDate(r['Date']!), -cents(r['Amount']!), r['Description']!),
    ),
    ...ofx('alice_capital_one.qfx', 4),
  ];
}

/** Bob's checking account. */
export function bobHistory(): Txn[] {
  nextId = 1;
  return ofx('bob_wells_checking.ofx', 5);
}

/** A longer history for timing: alice's rows repeated over earlier years with shifted dates and fresh ids. */
export function repeatedHistory(times: number): Txn[] {
  const base = aliceHistory();
  const out: Txn[] = [];
  for (let k = 0; k < times; k++) {
    for (const t of base) {
      const year = Number(t.date.slice(0, 4)) - k;
      out.push({ ...t, id: out.length + 1, date: `${year}${t.date.slice(4)}` });
    }
  }
  return out;
}
