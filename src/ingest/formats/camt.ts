/** Reads ISO 20022 bank-to-customer statements (camt.053) and account reports (camt.052), any version. */
import {
  StatementError,
  type ParsedStatement,
  type StatementBalance,
  type StatementTransaction,
} from '../types.ts';
import { toMinorUnits } from '../../money.ts';
import { brokenXml, child, findAll, findFirst, parseXml, text, type MarkupNode } from './markup.ts';
import { accountMask, emptyStatement, mergeByKey } from './statement.ts';

const BALANCE_KINDS: Record<string, StatementBalance['kind']> = {
  CLBD: 'ledger',
  CLAV: 'available',
  ITBD: 'ledger',
  ITAV: 'available',
};

function camtDate(node: MarkupNode | undefined): string | undefined {
  const v = text(node, 'Dt') ?? text(node, 'DtTm');
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(v ?? '');
  return m?.[1];
}

function signedAmount(node: MarkupNode, currency: string): number | undefined {
  const amt = child(node, 'Amt');
  const minor = toMinorUnits(amt?.value ?? '', currency);
  if (minor === undefined) return undefined;
  return text(node, 'CdtDbtInd') === 'DBIT' ? -minor : minor;
}

/**
 * Reads every statement (or report) in a camt file; statements for the same account are merged.
 * Pending entries are left out, because they may still change or disappear.
 */
export function parseCamt(source: string, file: string): ParsedStatement[] {
  const root = parseXml(source);
  if (!root) throw brokenXml(source, file, 'ISO 20022');
  const doc = child(root, 'Document');
  const body =
    child(doc, 'BkToCstmrStmt') ?? child(doc, 'BkToCstmrAcctRpt') ?? child(doc, 'BkToCstmrDbtCdtNtfctn');
  if (!body)
    throw new StatementError(
      file,
      'element Document',
      'expected a BkToCstmrStmt (camt.053) or BkToCstmrAcctRpt (camt.052) element',
    );
  const statements = [...findAll(body, 'Stmt'), ...findAll(body, 'Rpt'), ...findAll(body, 'Ntfctn')];
  if (statements.length === 0) {
    throw new StatementError(
      file,
      `element ${body.name}`,
      'expected at least one Stmt element holding the account and its entries; found none',
    );
  }
  const parsed = statements.map((s, i) =>
    readStatement(s, i + 1, file, body.name === 'BkToCstmrStmt' ? 'camt.053' : 'camt.052'),
  );
  if (parsed.every((p) => p.statement.transactions.length === 0)) {
    throw new StatementError(
      file,
      `element ${statements[0]?.name ?? 'Stmt'}`,
      'expected booked entries (Ntry); the statement holds only balances',
    );
  }
  return mergeByKey(parsed);
}

function readStatement(stmt: MarkupNode, index: number, file: string, layout: string) {
  const statement = emptyStatement('camt053', layout);
  const acct = child(stmt, 'Acct');
  const id = text(acct, 'Id', 'IBAN') ?? text(child(child(acct, 'Id'), 'Othr'), 'Id');
  const firstEntryCcy = findFirst(stmt, 'Amt')?.attrs?.Ccy;
  const currency = (text(acct, 'Ccy') ?? firstEntryCcy ?? 'EUR').toUpperCase();
  statement.account = { currency };
  const mask = accountMask(id);
  if (mask) statement.account.mask = mask;
  const name = text(acct, 'Nm');
  if (name) statement.account.name = name;
  const institution =
    text(child(child(acct, 'Svcr'), 'FinInstnId'), 'Nm') ??
    text(child(child(acct, 'Svcr'), 'FinInstnId'), 'BIC');
  if (institution) statement.account.institution = institution;

  let pending = 0;
  stmt.children.forEach((n) => {
    if (n.name !== 'Ntry') return;
    const status = text(n, 'Sts') ?? text(n, 'Sts', 'Cd');
    if (status === 'PDNG') {
      pending++;
      return;
    }
    statement.transactions.push(
      readEntry(n, statement.transactions.length + pending + 1, index, file, currency),
    );
  });
  if (pending > 0)
    statement.assumptions.push(
      `Left out ${pending} pending entr${pending === 1 ? 'y' : 'ies'} that the bank had not booked yet.`,
    );
  statement.balances = readBalances(stmt, currency);
  return { key: id ?? `statement ${index}`, statement };
}

function readEntry(
  n: MarkupNode,
  entry: number,
  stmtIndex: number,
  file: string,
  accountCurrency: string,
): StatementTransaction {
  const where = `element Stmt #${stmtIndex} > Ntry #${entry}`;
  const currency = (child(n, 'Amt')?.attrs?.Ccy ?? accountCurrency).toUpperCase();
  const amountMinor = signedAmount(n, currency);
  if (amountMinor === undefined) {
    throw new StatementError(
      file,
      `${where} > Amt`,
      `expected an amount like 12.34, found "${text(n, 'Amt') ?? ''}"`,
    );
  }
  const date = camtDate(child(n, 'BookgDt')) ?? camtDate(child(n, 'ValDt'));
  if (!date)
    throw new StatementError(
      file,
      `${where} > BookgDt`,
      'expected a booking date like 2026-02-28, found none',
    );
  const tx = child(child(n, 'NtryDtls'), 'TxDtls');
  const parties = child(tx, 'RltdPties');
  const counterpart = amountMinor < 0 ? 'Cdtr' : 'Dbtr';
  const ultimate = amountMinor < 0 ? 'UltmtCdtr' : 'UltmtDbtr';
  const partyName = [counterpart, ultimate]
    .map((p) => child(parties, p))
    .map((p) => text(p, 'Nm') ?? text(p, 'Pty', 'Nm'))
    .find(Boolean);
  const remittance = findAll(child(tx, 'RmtInf') ?? { name: '', children: [] }, 'Ustrd')
    .map((u) => u.value ?? '')
    .filter(Boolean)
    .join(' ');
  const info = text(n, 'AddtlNtryInf') ?? text(tx, 'AddtlTxInf');
  const description =
    partyName ?? (remittance || info || text(findFirst(child(tx, 'RmtInf'), 'CdtrRefInf'), 'Ref') || '');
  const out: StatementTransaction = { date, amountMinor, currency, description };
  const memo = [remittance, info].filter((s) => s && s !== description).join(' | ');
  if (memo) out.memo = memo;
  const ref = text(n, 'AcctSvcrRef') ?? text(n, 'NtryRef') ?? text(child(tx, 'Refs'), 'AcctSvcrRef');
  if (ref) out.externalId = ref;
  const code = findFirst(child(n, 'BkTxCd'), 'Cd');
  if (code?.value) out.bankType = code.value;
  return out;
}

function readBalances(stmt: MarkupNode, currency: string): StatementBalance[] {
  const out: StatementBalance[] = [];
  for (const bal of stmt.children.filter((c) => c.name === 'Bal')) {
    const code = text(child(child(bal, 'Tp'), 'CdOrPrtry'), 'Cd');
    const kind = code ? BALANCE_KINDS[code] : undefined;
    const amountMinor = signedAmount(bal, currency);
    const asOf = camtDate(child(bal, 'Dt'));
    if (kind && amountMinor !== undefined && asOf) out.push({ kind, amountMinor, currency, asOf });
  }
  return out;
}
