/** Generated rows written as the CSV exports banks give (Chase checking and Chase credit card layouts). */
import { writeFileSync } from 'node:fs';
import { importRows, isoDay, type GenAccount, type GenOptions, type GenRow } from './generate.ts';

/** `mm/dd/yyyy`, as US banks print dates. */
function usDate(day: number): string {
  const iso = isoDay(day);
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
}

function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Chase checking export: newest first, running balance, trailing empty column as Chase writes it. */
export function chaseCheckingCsv(rows: readonly GenRow[], openingBalance = 500_000): string {
  const lines: string[] = [];
  let balance = openingBalance;
  for (const r of rows) {
    balance += r.amountMinor;
    const details = r.amountMinor < 0 ? 'DEBIT' : 'CREDIT';
    lines.push(
      `${details},${usDate(r.day)},"${r.description}",${money(r.amountMinor)},${r.type},${money(balance)},,`,
    );
  }
  lines.push('Details,Posting Date,Description,Amount,Type,Balance,Check or Slip #,');
  return `${lines.reverse().join('\n')}\n`;
}

/** Chase credit card export: newest first; purchases negative, payments and returns positive. */
export function chaseCardCsv(rows: readonly GenRow[]): string {
  const lines = ['Transaction Date,Post Date,Description,Category,Type,Amount,Memo'];
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i] as GenRow;
    lines.push(
      `${usDate(Math.max(0, r.day - 1))},${usDate(r.day)},"${r.description}",,${r.type},${money(r.amountMinor)},`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The CSV a bank would give for this account. */
export function accountCsv(account: GenAccount): string {
  return account.type === 'credit_card' ? chaseCardCsv(account.rows) : chaseCheckingCsv(account.rows);
}

/** Writes the import benchmark's file: `count` rows in Chase checking layout. Returns its size in bytes. */
export function writeImportCsv(file: string, count: number, options: GenOptions): number {
  const csv = chaseCheckingCsv(importRows(count, options), 10_000_000);
  writeFileSync(file, csv);
  return Buffer.byteLength(csv);
}
