/** Reads SWIFT MT940 customer statements, as Dutch, German, Swiss, Polish and other banks export them. */
import {
  StatementError,
  TruncatedStatementError,
  type ParsedStatement,
  type StatementBalance,
  type StatementTransaction,
} from '../types.ts';
import { toMinorUnits } from '../../money.ts';
import { isoDate } from './dates.ts';
import { accountMask, emptyStatement, endLine, lineAt, mergeByKey } from './statement.ts';

interface Field {
  tag: string;
  lines: string[];
  line: number;
}

const FIELD_START = /^:(\d{2}[A-Z]?|NS):/;
const STATEMENT_LINE = /^(\d{2})(\d{2})(\d{2})(\d{4})?(RC|RD|EC|ED|C|D)([A-Z])?(\d+(?:,\d*)?)(.*)$/;
const BALANCE = /^([CD])(\d{2})(\d{2})(\d{2})([A-Z]{3})(\d+(?:,\d*)?)/;

/** Splits the text into tagged fields, joining continuation lines to the field they belong to. */
function fields(source: string): Field[] {
  const out: Field[] = [];
  const lines = source.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const text = raw.replace(/^\{[^:]*\{4:/, '');
    const printable = [...text].filter((ch) => ch.charCodeAt(0) >= 32 || ch === '\t').join('');
    const m = FIELD_START.exec(printable);
    const last = out[out.length - 1];
    if (m) out.push({ tag: m[1] ?? '', lines: [printable.slice(m[0].length)], line: i + 1 });
    else if (last && printable.trim() !== '-' && !printable.startsWith('-}') && printable.trim() !== '')
      last.lines.push(printable);
  });
  return out;
}

function yymmdd(yy: string, mm: string, dd: string): string | undefined {
  const y = Number(yy);
  return isoDate(y < 70 ? 2000 + y : 1900 + y, Number(mm), Number(dd));
}

function amount(text: string, currency: string): number | undefined {
  return toMinorUnits(text.replace(',', '.'), currency);
}

/**
 * Reads every statement in an MT940 file; statements for the same account (one per day at many
 * banks) become one ParsedStatement.
 */
export function parseMt940(source: string, file: string): ParsedStatement[] {
  const all = fields(source);
  if (!all.some((f) => f.tag === '20'))
    throw new StatementError(file, 'line 1', 'expected an MT940 statement starting with a :20: field');
  assertComplete(source, all, file);
  const items: Array<{ key: string; statement: ParsedStatement }> = [];
  let current: { key: string; statement: ParsedStatement } | undefined;
  let currency = 'EUR';
  let lastTx: StatementTransaction | undefined;
  let lastSupplement = '';
  for (const f of all) {
    const body = f.lines.join('\n');
    if (f.tag === '20') {
      current = { key: '', statement: emptyStatement('mt940', 'mt940') };
      items.push(current);
      lastTx = undefined;
      continue;
    }
    if (!current) continue;
    const st = current.statement;
    if (f.tag === '25') {
      current.key = body.trim();
      const mask = accountMask(body.split('/').pop());
      if (mask) st.account.mask = mask;
    } else if (f.tag.startsWith('60') || f.tag.startsWith('62') || f.tag === '64') {
      const m = BALANCE.exec(body.trim());
      if (!m)
        throw new StatementError(
          file,
          `line ${f.line}`,
          `expected a balance like C260228EUR1234,56 in :${f.tag}:, found "${body.trim()}"`,
        );
      currency = m[5] ?? currency;
      st.account.currency = currency;
      if (!f.tag.startsWith('60')) {
        const minor = amount(m[6] ?? '', currency) ?? 0;
        const asOf = yymmdd(m[2] ?? '', m[3] ?? '', m[4] ?? '');
        const kind: StatementBalance['kind'] = f.tag === '64' ? 'available' : 'ledger';
        if (asOf) st.balances.push({ kind, amountMinor: m[1] === 'D' ? -minor : minor, currency, asOf });
      }
    } else if (f.tag === '61') {
      const [first = '', ...rest] = f.lines;
      lastTx = statementLine(first.trim(), currency, file, f.line);
      lastSupplement = rest.join(' ').trim();
      if (lastSupplement) lastTx.description = lastSupplement;
      st.transactions.push(lastTx);
    } else if ((f.tag === '86' || f.tag === 'NS') && lastTx) {
      const info = describe86(f.tag, f.lines);
      if (info.description) lastTx.description = info.description;
      if (info.memo && info.memo !== lastTx.description) lastTx.memo = info.memo;
      else if (!info.description && lastSupplement) lastTx.memo = lastSupplement;
    }
  }
  const withTx = items.filter((i) => i.statement.transactions.length > 0);
  if (withTx.length === 0)
    throw new StatementError(
      file,
      'line 1',
      'expected statement lines (:61:) in the statement; found only balances',
    );
  const merged = mergeByKey(items.map((i) => ({ key: i.key, statement: i.statement })));
  return merged.filter((s) => s.transactions.length > 0 || merged.length === 1);
}

/** Length of the text without the line breaks, blanks and control bytes (an ETX) it ends with. */
function contentEnd(text: string): number {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) <= 32) end--;
  return end;
}

/** A line that ends a message: `-`, `-}` (SWIFT envelope, perhaps with `{5:…}` after it), or `-` and an ETX byte. */
function isTerminator(line: string): boolean {
  const t = line.slice(0, contentEnd(line)).trim();
  return t === '-' || t.startsWith('-}');
}

/**
 * Refuses a file that stops early. MT940 lines end with a line break, so a last line without one is
 * cut; every statement (from :20:) ends with its closing balance :62F: or :62M:; a SWIFT envelope
 * block `{4:` ends with `-}`; and when the earlier statements each end with a `-` line, so must the last.
 */
function assertComplete(source: string, all: readonly Field[], file: string): void {
  const stops = (detail: string) => new TruncatedStatementError(file, endLine(source), detail);
  const end = contentEnd(source);
  const lastLine = source.slice(source.lastIndexOf('\n', end - 1) + 1, end);
  if (!/[\r\n]/.test(source.slice(end)) && !isTerminator(lastLine) && !/^\s*-?\}?\{5:/.test(lastLine)) {
    throw stops('in the middle of its last line, which has no line break');
  }
  const open = source.lastIndexOf('{4:');
  if (open >= 0 && source.lastIndexOf('-}') < open) {
    throw stops(
      `inside the message block that starts at line ${lineAt(source, open)} ({4:), before its closing -}`,
    );
  }
  let statement: Field | undefined;
  let balanced = true;
  for (const f of all) {
    if (f.tag === '20') {
      if (!balanced && statement)
        throw new StatementError(
          file,
          `line ${statement.line}`,
          'expected a closing balance (:62F: or :62M:) before the next statement starts',
        );
      statement = f;
      balanced = false;
    } else if (f.tag === '62F' || f.tag === '62M') balanced = true;
  }
  if (!balanced && statement)
    throw stops(
      `inside the statement that starts at line ${statement.line} (:20:), before its closing balance :62F:`,
    );
  const starts = all.filter((f) => f.tag === '20');
  const lines = source.split(/\r\n|\r|\n/);
  const ended = starts.map((start, i) => {
    const until = (starts[i + 1]?.line ?? lines.length + 1) - 1;
    return lines.slice(start.line, until).some(isTerminator);
  });
  const last = starts[starts.length - 1];
  if (last && starts.length > 1 && ended.slice(0, -1).every(Boolean) && !ended[ended.length - 1]) {
    throw stops(
      `inside the statement that starts at line ${last.line}, before the - line that ends each statement`,
    );
  }
}

function statementLine(text: string, currency: string, file: string, line: number): StatementTransaction {
  const m = STATEMENT_LINE.exec(text);
  const valueDate = m ? yymmdd(m[1] ?? '', m[2] ?? '', m[3] ?? '') : undefined;
  const minor = m ? amount(m[7] ?? '', currency) : undefined;
  if (!m || !valueDate || minor === undefined) {
    throw new StatementError(
      file,
      `line ${line}`,
      `expected a statement line like :61:2602280228D12,34NTRFNONREF, found ":61:${text}"`,
    );
  }
  let date = valueDate;
  if (m[4]) {
    const vy = Number(valueDate.slice(0, 4));
    const month = Number(m[4].slice(0, 2));
    const vm = Number(valueDate.slice(5, 7));
    const year = month - vm > 6 ? vy - 1 : vm - month > 6 ? vy + 1 : vy;
    date = isoDate(year, month, Number(m[4].slice(2))) ?? valueDate;
  }
  const mark = m[5] ?? 'C';
  const outgoing = mark === 'D' || mark === 'RC' || mark === 'ED';
  const tx: StatementTransaction = {
    date,
    amountMinor: outgoing ? -minor : minor,
    currency,
    description: '',
    line,
  };
  const tail = (m[8] ?? '').trim();
  const type = /^([NFS][A-Z0-9]{3})/.exec(tail)?.[1];
  if (type) tx.bankType = type;
  const ref = tail.split('//')[1]?.trim();
  if (ref && ref !== 'NONREF') tx.externalId = ref;
  return tx;
}

/** Pulls a counterparty name and purpose out of :86: in the German (?20), Dutch (/NAME/) or free form. */
function describe86(tag: string, lines: string[]): { description?: string; memo?: string } {
  if (tag === 'NS') {
    const name = lines
      .filter((l) => /^1[56]/.test(l))
      .map((l) => l.slice(2))
      .join('');
    return name ? { description: name.trim() } : {};
  }
  const joined = lines.join('');
  if (/\?\d{2}/.test(joined)) {
    const parts = new Map<string, string>();
    for (const m of joined.matchAll(/\?(\d{2})([^?]*)/g))
      parts.set(m[1] ?? '', (parts.get(m[1] ?? '') ?? '') + (m[2] ?? ''));
    const name = ['32', '33']
      .map((k) => parts.get(k) ?? '')
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    const purpose = [...parts.entries()]
      .filter(([k]) => Number(k) >= 20 && Number(k) <= 29)
      .map(([, v]) => v)
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    const posting = (parts.get('00') ?? '').trim();
    return { description: name || purpose || posting, memo: purpose || posting };
  }
  if (/^\/[A-Z]{2,4}\//.test(joined)) {
    const parts = new Map<string, string>();
    for (const m of joined.matchAll(
      /\/(NAME|REMI|TRTP|EREF|IBAN|BIC|ORDP|BENM|ISDT|MARF|CSID)\/((?:(?!\/(?:NAME|REMI|TRTP|EREF|IBAN|BIC|ORDP|BENM|ISDT|MARF|CSID)\/).)*)/g,
    )) {
      if (!parts.has(m[1] ?? '')) parts.set(m[1] ?? '', (m[2] ?? '').replace(/^\//, '').trim());
    }
    const name = parts.get('NAME');
    const remi = parts.get('REMI');
    return { description: name || remi || parts.get('TRTP') || joined, memo: remi };
  }
  const free = lines
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ');
  return { description: free };
}
