/** Works out what each column of an unknown CSV holds, from its header and its values. */
import { parseAmount } from '../amount.ts';
import { parseDate } from '../dates.ts';
import { normaliseHeader, type ColumnRole } from './layouts.ts';

export type ColumnMap = Partial<Record<ColumnRole, number>> & { extraDescription?: number };

/** Header names per role, most specific first; a string is an exact name, a RegExp a pattern. */
const NAMES: Record<ColumnRole, Array<string | RegExp>> = {
  date: [
    'posting date',
    'post date',
    'posted date',
    'booking date',
    'buchungstag',
    'transaction date',
    'trans. date',
    'date',
    'datum',
    'fecha',
    'completed date',
    'date operation',
    'date opération',
    'value date',
    'wertstellung',
    'valutadatum',
    'date de valeur',
    /date|datum|fecha/,
  ],
  description: [
    'description',
    'payee',
    'name',
    'merchant name',
    'merchant',
    'partner name',
    'counter party',
    'counterparty',
    'beguenstigter/zahlungspflichtiger',
    'auftraggeber/empfänger',
    'auftraggeber/empfaenger',
    'empfänger',
    'naam / omschrijving',
    'transaction description',
    'desc',
    'details',
    'narrative',
    'description 1',
    'items',
    'concepto',
    'libellé',
    'libelle',
    /descri|payee|merchant/,
  ],
  amount: [
    'amount',
    'transaction amount',
    'betrag',
    'bedrag',
    'importe',
    'montant',
    'umsatz',
    'total',
    'value',
    /^amount|^betrag|^bedrag|^montant|^importe/,
  ],
  debit: [
    'debit',
    'debit amount',
    'debits',
    'withdrawal',
    'withdrawals',
    'withdrawal amount',
    'money out',
    'paid out',
    'débit',
    'debit (-)',
    'soll',
    'ausgang',
    'out',
    'charges',
  ],
  credit: [
    'credit',
    'credit amount',
    'credits',
    'deposit',
    'deposits',
    'deposit amount',
    'money in',
    'paid in',
    'crédit',
    'credit (+)',
    'haben',
    'eingang',
    'in',
    'payments',
  ],
  direction: [
    'dr/cr',
    'cr/dr',
    'debit/credit',
    'credit/debit',
    'in/out',
    'af bij',
    'soll/haben',
    's/h',
    'cdtdbtind',
    'transaction type',
    'type',
    'direction',
  ],
  balance: [
    'balance',
    'running balance',
    'running bal.',
    'runningbalance',
    'saldo',
    'solde',
    'kontostand',
    /balance|saldo|solde|kontostand/,
  ],
  category: ['category', 'kategorie', 'categoría', 'catégorie', 'spending category', 'class', /categor/],
  type: ['type', 'transaction type', 'buchungstext', 'posting text', 'mutatiesoort', 'code', 'details'],
  memo: [
    'memo',
    'notes',
    'note',
    'verwendungszweck',
    'mededelingen',
    'reason',
    'comments',
    'payment reference',
    'reference',
    'description 2',
    'original description',
  ],
  currency: ['currency', 'währung', 'waehrung', 'monn.', 'ccy', 'devise', 'moneda'],
  account: ['account name', 'account', 'auftragskonto', 'kontonummer', 'produit', 'account number'],
};

const DIRECTION_WORDS =
  /^(dr|cr|d|c|debit|credit|in|out|af|bij|s|h|soll|haben|dbit|crdt|withdrawal|deposit)$/i;

/** True when a direction cell says money left the account. */
export function isOutgoing(cell: string): boolean {
  return /^(dr|d|debit|out|af|s|soll|dbit|withdrawal)$/i.test(cell.trim());
}

function find(
  header: readonly string[],
  names: ReadonlyArray<string | RegExp>,
  taken: Set<number>,
  ok: (i: number) => boolean = () => true,
): number | undefined {
  const norm = header.map(normaliseHeader);
  for (const name of names) {
    for (let i = 0; i < norm.length; i++) {
      if (taken.has(i) || !ok(i)) continue;
      const h = norm[i] ?? '';
      if (typeof name === 'string' ? h === name : name.test(h)) return i;
    }
  }
  return undefined;
}

/**
 * Maps roles to columns by header names, checked against sample values: a "date" column must hold
 * dates, an amount column amounts, a direction column only debit/credit words.
 */
export function inferColumns(header: readonly string[], sample: readonly string[][]): ColumnMap {
  const taken = new Set<number>();
  const values = (i: number) => sample.map((r) => r[i] ?? '').filter((v) => v.trim() !== '');
  const dates = (i: number) => {
    const v = values(i);
    return (
      v.length > 0 &&
      v.every((x) => ['ymd', 'mdy', 'dmy'].some((o) => parseDate(x, o as 'ymd') !== undefined))
    );
  };
  const amounts = (i: number) => values(i).every((x) => parseAmount(x, 'USD') !== undefined);
  const directions = (i: number) => {
    const v = values(i);
    return v.length > 0 && v.every((x) => DIRECTION_WORDS.test(x.trim()));
  };
  const map: ColumnMap = {};
  const take = (role: ColumnRole, ok?: (i: number) => boolean) => {
    const i = find(header, NAMES[role], taken, ok);
    if (i !== undefined) {
      map[role] = i;
      taken.add(i);
    }
  };
  take('date', dates);
  take('direction', directions);
  take('debit', amounts);
  take('credit', amounts);
  if (map.debit === undefined || map.credit === undefined) {
    if (map.debit !== undefined) taken.delete(map.debit);
    if (map.credit !== undefined) taken.delete(map.credit);
    delete map.debit;
    delete map.credit;
    take('amount', amounts);
  }
  take('balance', amounts);
  take('description');
  take('category');
  take('type');
  take('memo');
  take('currency', (i) => values(i).every((v) => /^[A-Z]{3}$/.test(v.trim())));
  take('account');
  return map;
}

/** For headerless files: the first date column, the first amount column after it, the longest text column. */
export function inferHeaderlessColumns(sample: readonly string[][]): ColumnMap {
  const width = Math.max(...sample.map((r) => r.length));
  const col = (i: number) => sample.map((r) => r[i] ?? '').filter((v) => v.trim() !== '');
  const map: ColumnMap = {};
  let longest = -1;
  let longestLen = 0;
  for (let i = 0; i < width; i++) {
    const v = col(i);
    if (v.length === 0) continue;
    if (
      map.date === undefined &&
      v.every((x) => ['ymd', 'mdy', 'dmy'].some((o) => parseDate(x, o as 'ymd') !== undefined))
    )
      map.date = i;
    else if (map.amount === undefined && v.every((x) => /\d/.test(x) && parseAmount(x, 'USD') !== undefined))
      map.amount = i;
    else if (map.direction === undefined && v.every((x) => DIRECTION_WORDS.test(x.trim()))) map.direction = i;
    else {
      const len = v.reduce((n, x) => n + x.length, 0) / v.length;
      if (len > longestLen && /[A-Za-z]/.test(v.join(''))) {
        longest = i;
        longestLen = len;
      }
    }
  }
  if (longest >= 0) map.description = longest;
  return map;
}
