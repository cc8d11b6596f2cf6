/** Reads Quicken Interchange Format files (bank, cash, card and liability accounts). */
import {
  StatementError,
  StatementQuestion,
  TruncatedStatementError,
  type ParseOptions,
  type ParsedStatement,
  type StatementTransaction,
} from '../types.ts';
import { guessDecimalMark, parseAmount } from './amount.ts';
import {
  dateExample,
  formatName,
  inferDateOrder,
  orderFromFormat,
  parseDate,
  type DateOrder,
} from './dates.ts';
import { accountTypeFrom, emptyStatement, endLine } from './statement.ts';

interface RawRecord {
  fields: Map<string, string>;
  line: number;
}

interface Section {
  type: string;
  accountName?: string;
  accountType?: string;
  records: RawRecord[];
  line: number;
}

const LIST_TYPES = /^(cat|class|memorized|tax|bill|invoice|prices|security)/i;

/** QIF writes years after 1999 as `1/ 5'04`; normalise that to `1/5/04`. */
function cleanDate(raw: string): string {
  return raw.replace(/'/g, '/').replace(/\s+/g, '');
}

/** `unfinished` says what a file that stops early left open, in plain words. */
function sections(source: string): { sections: Section[]; unfinished?: string } {
  const out: Section[] = [];
  let current: Section | undefined;
  let pendingAccount: { name?: string; type?: string; line: number; closed: boolean } | undefined;
  let inAccountBlock = false;
  let record: RawRecord | undefined;
  source.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line === '') return;
    if (line.startsWith('!')) {
      const header = line.slice(1).trim();
      if (/^account/i.test(header)) {
        inAccountBlock = true;
        pendingAccount = { line: i + 1, closed: false };
      } else if (/^type:/i.test(header)) {
        inAccountBlock = false;
        current = { type: header.slice(5).trim(), records: [], line: i + 1 };
        if (pendingAccount?.name) current.accountName = pendingAccount.name;
        if (pendingAccount?.type) current.accountType = pendingAccount.type;
        out.push(current);
      }
      return;
    }
    const code = line[0] ?? '';
    const value = line.slice(1).trim();
    if (inAccountBlock) {
      if (code === 'N' && pendingAccount) pendingAccount.name = value;
      if (code === 'T' && pendingAccount) pendingAccount.type = value;
      if (code === '^' && pendingAccount) pendingAccount.closed = true;
      return;
    }
    if (!current) return;
    if (code === '^') {
      if (record) current.records.push(record);
      record = undefined;
      return;
    }
    record ??= { fields: new Map(), line: i + 1 };
    if (!record.fields.has(code)) record.fields.set(code, value);
  });
  const content = source.trimEnd();
  const lastLine = content.slice(Math.max(content.lastIndexOf('\n'), content.lastIndexOf('\r')) + 1).trim();
  if (
    !/[\r\n]$/.test(source) &&
    lastLine.startsWith('!') &&
    !/^!(type:|account|option|clear)/i.test(lastLine)
  ) {
    return { sections: out, unfinished: 'in the middle of a header line' };
  }
  return {
    sections: out,
    unfinished: unfinishedEnd(record, inAccountBlock ? pendingAccount : undefined, current),
  };
}

/**
 * Every QIF record ends with a `^` line; a last record without one, or a file that stops right after a
 * `!Type:` header, was cut off.
 */
function unfinishedEnd(
  record: RawRecord | undefined,
  account: { line: number; closed: boolean } | undefined,
  last: Section | undefined,
): string | undefined {
  if (record) return `inside the record that starts at line ${record.line}, which has no closing ^`;
  if (account && !account.closed)
    return `inside the !Account block that starts at line ${account.line}, which has no closing ^`;
  if (!account && last && last.records.length === 0 && !LIST_TYPES.test(last.type)) {
    return `right after the !Type:${last.type} header at line ${last.line}, before any record`;
  }
  return undefined;
}

/**
 * Reads the bank, cash and card sections of a QIF file, one ParsedStatement per section.
 * Investment sections are refused: their amounts are trades, not spending.
 */
export function parseQif(source: string, file: string, opts: ParseOptions): ParsedStatement[] {
  const { sections: all, unfinished } = sections(source);
  if (unfinished) throw new TruncatedStatementError(file, endLine(source), unfinished);
  if (all.length === 0) throw new StatementError(file, 'line 1', 'expected a QIF header such as !Type:Bank');
  const money = all.filter((s) => !LIST_TYPES.test(s.type) && !/^invst/i.test(s.type));
  if (money.length === 0 || money.every((s) => s.records.length === 0)) {
    const invest = all.find((s) => /^invst/i.test(s.type));
    if (invest)
      throw new StatementError(
        file,
        `line ${invest.line}`,
        'expected a bank or credit-card account (!Type:Bank or !Type:CCard); found an investment account, which Tally does not read',
      );
    throw new StatementError(
      file,
      `line ${all[0]?.line ?? 1}`,
      'expected transactions after a !Type:Bank or !Type:CCard header; found none',
    );
  }
  const allDates = money.flatMap((s) => s.records.map((r) => cleanDate(r.fields.get('D') ?? '')));
  const order = dateOrder(allDates, file, opts);
  const mark = guessDecimalMark(
    money.flatMap((s) => s.records.map((r) => r.fields.get('T') ?? r.fields.get('U') ?? '')),
  );
  return money
    .filter((s) => s.records.length > 0)
    .map((s) => {
      const st = emptyStatement('qif', 'qif');
      const type = accountTypeFrom(s.type === 'Oth L' ? 'CCard' : s.type) ?? accountTypeFrom(s.accountType);
      if (type) st.account.type = type;
      if (s.accountName) st.account.name = s.accountName;
      st.account.currency = 'USD';
      st.assumptions.push('QIF files carry no currency; amounts read as USD.');
      st.transactions = s.records.map((r) => readRecord(r, order, mark, file));
      return st;
    });
}

function dateOrder(dates: string[], file: string, opts: ParseOptions): DateOrder {
  const forced = opts.dateFormat ? orderFromFormat(opts.dateFormat) : undefined;
  if (forced) return forced;
  const inferred = inferDateOrder(dates);
  if (inferred.kind === 'settled') return inferred.order;
  if (inferred.kind === 'ambiguous') {
    const sample = dates.find((d) => d !== '');
    throw new StatementQuestion(
      file,
      'date-format',
      `The dates in ${file} could be read either way (for example "${sample}"). Is that month first or day first?`,
      inferred.orders.map((o) => formatName(o, sample)),
    );
  }
  return 'mdy';
}

function readRecord(r: RawRecord, order: DateOrder, mark: '.' | ',', file: string): StatementTransaction {
  const rawDate = r.fields.get('D');
  const date = rawDate ? parseDate(cleanDate(rawDate), order) : undefined;
  if (!date) {
    throw new StatementError(
      file,
      `line ${r.line}`,
      `expected a date line like D${dateExample(order)}, found ${rawDate ? `"D${rawDate}"` : 'none'}`,
    );
  }
  const rawAmount = r.fields.get('T') ?? r.fields.get('U');
  const amountMinor = rawAmount ? parseAmount(rawAmount, 'USD', mark) : undefined;
  if (amountMinor === undefined) {
    throw new StatementError(
      file,
      `line ${r.line}`,
      `expected an amount line like T-12.34, found ${rawAmount ? `"T${rawAmount}"` : 'none'}`,
    );
  }
  const payee = r.fields.get('P');
  const memo = r.fields.get('M');
  const tx: StatementTransaction = {
    date,
    amountMinor,
    currency: 'USD',
    description: payee || memo || '',
    line: r.line,
  };
  if (memo && payee) tx.memo = memo;
  const category = r.fields.get('L');
  if (category) tx.bankCategory = category;
  const num = r.fields.get('N');
  if (num) tx.bankType = /^\d+$/.test(num) ? 'CHECK' : num;
  return tx;
}
