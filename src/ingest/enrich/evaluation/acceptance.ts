import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { toMinorUnits } from '../../../money.ts';
import { categorize, type Flow } from '../categorize.ts';
import { primaryOf } from '../categories.ts';
import { cleanMerchant, pickDescriptor } from '../merchants.ts';
import type { AccountKind } from '../rules.ts';
import { findTransferIds } from '../transfers.ts';

/**
 * Which taxonomy codes each everyday word must cover (primary or detailed codes) for category sums to
 * match what people mean: "food" is all of FOOD_AND_DRINK, "eating out" is restaurants and fast food
 * (not coffee, not groceries), "utilities" is RENT_AND_UTILITIES without rent, "transport" is ground
 * transport including ride shares and fuel, "travel" is flights, hotels and the like.
 */
export const CATEGORY_WORDS: Readonly<Record<string, readonly string[]>> = {
  groceries: ['FOOD_AND_DRINK_GROCERIES'],
  food: ['FOOD_AND_DRINK'],
  'eating out': ['FOOD_AND_DRINK_RESTAURANT', 'FOOD_AND_DRINK_FAST_FOOD'],
  coffee: ['FOOD_AND_DRINK_COFFEE'],
  gas: ['TRANSPORTATION_GAS'],
  transport: ['TRANSPORTATION'],
  entertainment: ['ENTERTAINMENT'],
  utilities: [
    'RENT_AND_UTILITIES_GAS_AND_ELECTRICITY',
    'RENT_AND_UTILITIES_INTERNET_AND_CABLE',
    'RENT_AND_UTILITIES_SEWAGE_AND_WASTE_MANAGEMENT',
    'RENT_AND_UTILITIES_TELEPHONE',
    'RENT_AND_UTILITIES_WATER',
    'RENT_AND_UTILITIES_OTHER_UTILITIES',
  ],
  travel: ['TRAVEL'],
};

export interface EnrichedRow {
  id: number;
  account: string;
  accountType: AccountKind;
  date: string;
  amountMinor: number;
  description: string;
  merchant: string;
  category: string;
  flow: Flow;
}

interface RawRow {
  date: string;
  amount: string;
  description: string;
  bankCategory?: string;
  bankType?: string;
}

const usDate = (text: string): string => {
  const [m, d, y] = text.split('/');
  return `${y}-${m?.padStart(2, '0')}-${d?.padStart(2, '0')}`;
};

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
  }) as Record<string, string>[];
}

/** A quick OFX reader for evaluation only: date, amount, type and the better of NAME/MEMO. */
function readOfx(path: string): RawRow[] {
  const text = readFileSync(path, 'latin1');
  return text
    .split(/<STMTTRN>/i)
    .slice(1)
    .map((block) => {
      const field = (tag: string): string | undefined =>
        new RegExp(`<${tag}>([^<\\r\\n]*)`, 'i').exec(block)?.[1]?.trim();
      const posted = field('DTPOSTED') ?? '';
      return {
        date: `${posted.slice(0, 4)}-${posted.slice(4, 6)}-${posted.slice(6, 8)}`,
        amount: field('TRNAMT') ?? '0',
        description: pickDescriptor(field('NAME'), field('MEMO')),
        bankType: field('TRNTYPE'),
      };
    });
}

/** Rows of one acceptance file, in the account holder's sign convention. */
function readStatement(path: string): RawRow[] {
  if (/\.(ofx|qfx)$/i.test(path)) return readOfx(path);
  const rows = readCsv(path);
  const first = rows[0] ?? {};
  if ('Posting Date' in first) {
    return rows.map((r) => ({
      date: usDate(r['Posting Date'] ?? ''),
      amount: r.Amount ?? '0',
      description: r.Description ?? '',
      bankType: r.Type,
    }));
  }
  if ('Transaction Date' in first) {
    // Chase card exports: the transaction date is the day of the purchase, which is what people ask about.
    return rows.map((r) => ({
      date: usDate(r['Transaction Date'] ?? ''),
      amount: r.Amount ?? '0',
      description: r.Description ?? '',
      bankCategory: r.Category || undefined,
      bankType: r.Type,
    }));
  }
  // American Express lists charges as positive amounts.
  return rows.map((r) => ({
    date: usDate(r.Date ?? ''),
    amount: (r.Amount ?? '0').startsWith('-') ? (r.Amount ?? '').slice(1) : `-${r.Amount ?? '0'}`,
    description: r.Description ?? '',
  }));
}

interface TruthImport {
  user: string;
  account: string;
  type: AccountKind;
  file: string;
}

/** Reads, enriches and pairs the transfers of every file of one user in the acceptance set. */
export function loadAcceptanceUser(dir: string, user: string): EnrichedRow[] {
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as { imports: TruthImport[] };
  const rows: EnrichedRow[] = [];
  for (const imp of truth.imports.filter((i) => i.user === user)) {
    for (const raw of readStatement(join(dir, imp.file))) {
      const amountMinor = toMinorUnits(raw.amount) ?? 0;
      const merchant = cleanMerchant(raw.description);
      const guess = categorize({
        merchant,
        description: raw.description,
        amountMinor,
        accountType: imp.type,
        bankCategory: raw.bankCategory,
        bankType: raw.bankType,
      });
      rows.push({
        id: rows.length,
        account: imp.account,
        accountType: imp.type,
        date: raw.date,
        amountMinor,
        description: raw.description,
        merchant,
        category: guess.category,
        flow: guess.flow,
      });
    }
  }
  const transfers = new Set(findTransferIds(rows.map((r) => ({ ...r, accountId: r.account }))));
  for (const row of rows) if (transfers.has(row.id)) row.flow = 'transfer';
  return rows;
}

/** Net spending in minor units (money out minus refunds) over `[start, end)` for the rows a filter keeps. */
export function netSpending(
  rows: readonly EnrichedRow[],
  start: string,
  end: string,
  keep: (row: EnrichedRow) => boolean = () => true,
): number {
  return rows
    .filter((r) => r.flow === 'spending' && r.date >= start && r.date < end && keep(r))
    .reduce((sum, r) => sum - r.amountMinor, 0);
}

/** True when a row's category falls under one of the codes an everyday word covers. */
export function inWord(word: string): (row: EnrichedRow) => boolean {
  const codes = CATEGORY_WORDS[word] ?? [];
  return (row) => codes.some((c) => row.category === c || primaryOf(row.category) === c);
}
