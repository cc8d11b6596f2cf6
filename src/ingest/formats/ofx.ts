/** Reads OFX 1.x (SGML), OFX 2.x (XML), QFX and the older OFC format. */
import {
  StatementError,
  TruncatedStatementError,
  type ParsedStatement,
  type StatementBalance,
  type StatementTransaction,
} from '../types.ts';
import { toMinorUnits } from '../../money.ts';
import { isoDate } from './dates.ts';
import {
  child,
  findAll,
  findFirst,
  openElementsText,
  parseSgml,
  parseXml,
  text,
  type MarkupNode,
  type OpenElement,
} from './markup.ts';
import { accountMask, accountTypeFrom, emptyStatement, endLine, mergeByKey } from './statement.ts';

const STATEMENT_TAGS = ['STMTRS', 'CCSTMTRS'];

/** Aggregates OFX closes explicitly even in 1.x, where leaf elements stay open: a file must close them all. */
const AGGREGATES = new Set([
  'OFX',
  'OFC',
  'SIGNONMSGSRSV1',
  'SONRS',
  'BANKMSGSRSV1',
  'CREDITCARDMSGSRSV1',
  'STMTTRNRS',
  'CCSTMTTRNRS',
  'STMTRS',
  'CCSTMTRS',
  'BANKTRANLIST',
  'STMTTRN',
  'LEDGERBAL',
  'AVAILBAL',
  'ACCTSTMT',
]);

interface Context {
  file: string;
  xml: boolean;
}

function where(ctx: Context, node: MarkupNode | undefined, path: string): string {
  return !ctx.xml && node?.line ? `line ${node.line} (element ${path})` : `element ${path}`;
}

/** Reads an OFX date (`20250901120000.000[-5:EST]`) as the calendar day the bank printed. */
export function ofxDate(value: string | undefined): string | undefined {
  const m = /^\s*(\d{4})(\d{2})(\d{2})/.exec(value ?? '');
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** OFX amounts are plain decimals; some banks write a decimal comma. */
function ofxAmount(value: string | undefined, currency: string): number | undefined {
  const v = (value ?? '').trim();
  if (!/^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/.test(v)) return undefined;
  return toMinorUnits(v.replace(',', '.').replace(/^\+/, ''), currency);
}

function layoutOf(text: string, isOfc: boolean, xml: boolean): string {
  if (isOfc) return 'ofc';
  const qfx = /<INTU\.BID>/i.test(text) ? 'qfx-' : 'ofx-';
  return qfx + (xml ? '2.x' : '1.x');
}

function checkStatus(ctx: Context, aggregate: MarkupNode | undefined, label: string): void {
  const status = child(aggregate, 'STATUS');
  const code = text(status, 'CODE');
  if (!status || code === undefined || code === '0') return;
  const message = text(status, 'MESSAGE');
  throw new StatementError(
    ctx.file,
    where(ctx, status, `${label} > STATUS`),
    `expected a statement, but the bank answered with error ${code}${message ? ` ("${message}")` : ''}`,
  );
}

/**
 * Reads every bank and card statement in an OFX/QFX/OFC file, one ParsedStatement per account.
 * Refuses files without bank or card transactions (sign-on errors, investment-only, account lists).
 */
export function parseOfx(source: string, file: string): ParsedStatement[] {
  const start = source.search(/<(OFX|OFC)>/i);
  if (start < 0 && /OFXHEADER\s*[:=]/i.test(source))
    throw new TruncatedStatementError(file, endLine(source), 'after the OFX header, before <OFX>');
  if (start < 0) throw new StatementError(file, 'line 1', 'expected an OFX file with an <OFX> element');
  const isOfc = /^<OFC>/i.test(source.slice(start, start + 5));
  const xmlLike = /^\s*<\?xml/i.test(source) || /OFXHEADER\s*=\s*"2/.test(source.slice(0, start));
  let root = xmlLike ? parseXml(source) : undefined;
  const ctx: Context = { file, xml: root !== undefined };
  root ??= parseSgml(source, start);
  const ofx = child(root, isOfc ? 'OFC' : 'OFX');
  if (!ofx) throw new StatementError(file, 'line 1', 'expected an <OFX> element');
  if (!ctx.xml) assertClosed(file, ofx, source);

  const sonrs = findFirst(ofx, 'SONRS');
  checkStatus(ctx, sonrs, 'SONRS');
  const institution = text(child(sonrs, 'FI'), 'ORG');

  const statements = isOfc ? findAll(ofx, 'ACCTSTMT') : STATEMENT_TAGS.flatMap((t) => findAll(ofx, t));
  if (statements.length === 0) {
    for (const rs of [...findAll(ofx, 'STMTTRNRS'), ...findAll(ofx, 'CCSTMTTRNRS')])
      checkStatus(ctx, rs, rs.name);
    throw refusal(ctx, ofx);
  }
  const layout = layoutOf(source, isOfc, ctx.xml);
  const parsed = statements.map((s) => readStatement(ctx, s, layout, institution));
  if (parsed.every((p) => p.statement.transactions.length === 0)) {
    const first = statements[0];
    const mask = parsed[0]?.statement.account.mask;
    throw new StatementError(
      file,
      where(ctx, first, first?.name ?? 'STMTRS'),
      `expected transactions (STMTTRN) in the statement${mask ? ` for account ending ${mask}` : ''}; found only balances`,
    );
  }
  const merged = mergeByKey(parsed);
  if (findFirst(ofx, 'INVSTMTRS')) {
    for (const s of merged) s.assumptions.push('The file also holds an investment account; it was left out.');
  }
  return merged;
}

/**
 * Refuses SGML whose aggregates do not all close. When the outermost element is still open the file
 * stops early (cut off in the export or the download); otherwise one aggregate inside lacks its end tag.
 */
function assertClosed(file: string, ofx: MarkupNode, source: string): void {
  if (!ofx.closed) {
    const open: OpenElement[] = [];
    for (let node: MarkupNode | undefined = ofx; node; node = node.children[node.children.length - 1]) {
      if (AGGREGATES.has(node.name) && !node.closed) open.push({ name: node.name, line: node.line ?? 1 });
    }
    throw new TruncatedStatementError(file, endLine(source), openElementsText(open));
  }
  const unclosed = firstUnclosed(ofx);
  if (unclosed) {
    throw new StatementError(
      file,
      `line ${unclosed.line ?? 1} (element ${unclosed.name})`,
      `expected </${unclosed.name}> to close the <${unclosed.name}> that starts here`,
    );
  }
}

function firstUnclosed(node: MarkupNode): MarkupNode | undefined {
  for (const c of node.children) {
    if (AGGREGATES.has(c.name) && !c.closed) return c;
    const deep = firstUnclosed(c);
    if (deep) return deep;
  }
  return undefined;
}

function refusal(ctx: Context, ofx: MarkupNode): StatementError {
  const inv = findFirst(ofx, 'INVSTMTRS');
  if (inv) {
    return new StatementError(
      ctx.file,
      where(ctx, inv, 'INVSTMTRS'),
      'expected a bank or credit-card statement; this file holds only an investment account, which Tally does not read',
    );
  }
  const list = findFirst(ofx, 'ACCTINFORS');
  if (list)
    return new StatementError(
      ctx.file,
      where(ctx, list, 'ACCTINFORS'),
      'expected a statement; this file only lists accounts',
    );
  const transfer = findFirst(ofx, 'INTRARS') ?? findFirst(ofx, 'INTRATRNRS');
  if (transfer)
    return new StatementError(
      ctx.file,
      where(ctx, transfer, transfer.name),
      'expected a statement; this file holds a transfer instruction',
    );
  return new StatementError(
    ctx.file,
    where(ctx, ofx, 'OFX'),
    'expected a bank or credit-card statement (STMTRS or CCSTMTRS); found none',
  );
}

function readStatement(ctx: Context, stmt: MarkupNode, layout: string, institution: string | undefined) {
  const statement = emptyStatement('ofx', layout);
  const from = child(stmt, 'BANKACCTFROM') ?? child(stmt, 'CCACCTFROM') ?? child(stmt, 'ACCTFROM');
  const acctId = text(from, 'ACCTID');
  const firstCurrency = findAll(stmt, 'CURSYM')[0]?.value;
  let currency = text(stmt, 'CURDEF')?.toUpperCase();
  if (!currency || !/^[A-Z]{3}$/.test(currency)) {
    currency = firstCurrency && /^[A-Z]{3}$/.test(firstCurrency.trim()) ? firstCurrency.trim() : 'USD';
    statement.assumptions.push(`The statement names no currency; amounts read as ${currency}.`);
  }
  statement.account = {
    type: stmt.name === 'CCSTMTRS' ? 'credit_card' : accountTypeFrom(text(from, 'ACCTTYPE')),
    currency,
  };
  const mask = accountMask(acctId);
  if (mask) statement.account.mask = mask;
  if (institution) statement.account.institution = institution;

  const trns = findAll(stmt, 'STMTTRN');
  trns.forEach((t, i) => statement.transactions.push(readTransaction(ctx, t, i + 1, currency)));
  statement.balances = readBalances(stmt, currency);
  return { key: `${acctId ?? ''}|${stmt.name}`, statement };
}

function readTransaction(ctx: Context, t: MarkupNode, index: number, currency: string): StatementTransaction {
  const label = `STMTTRN #${index}`;
  const dateNode = child(t, 'DTPOSTED') ?? child(t, 'DTUSER');
  const date = ofxDate(dateNode?.value);
  if (!date) {
    const found = dateNode?.value ? `found "${dateNode.value}"` : dateNode ? 'found it empty' : 'found none';
    throw new StatementError(
      ctx.file,
      where(ctx, dateNode ?? t, `${label} > DTPOSTED`),
      `expected a posted date like 20260228, ${found}`,
    );
  }
  const amountNode = child(t, 'TRNAMT');
  const amountMinor = ofxAmount(amountNode?.value, currency);
  if (amountMinor === undefined) {
    const found = amountNode?.value ? `found "${amountNode.value}"` : 'found none';
    throw new StatementError(
      ctx.file,
      where(ctx, amountNode ?? t, `${label} > TRNAMT`),
      `expected an amount like -12.34, ${found}`,
    );
  }
  const name = text(t, 'NAME') ?? text(t, 'PAYEE', 'NAME') ?? (child(t, 'PAYEE')?.value || undefined);
  const memo = text(t, 'MEMO');
  const tx: StatementTransaction = { date, amountMinor, currency, description: describe(name, memo) };
  if (memo && memo !== tx.description) tx.memo = memo;
  const fitid = text(t, 'FITID');
  if (fitid) tx.externalId = fitid;
  const mcc = text(t, 'SIC') ?? text(t, 'MCC');
  if (mcc) tx.mcc = mcc;
  const type = text(t, 'TRNTYPE');
  if (type) tx.bankType = type === '0' ? 'CREDIT' : type === '1' ? 'DEBIT' : type;
  if (!ctx.xml && t.line) tx.line = t.line;
  return tx;
}

/** NAME is often cut at 32 characters while MEMO carries the whole descriptor: take the fuller one. */
function describe(name: string | undefined, memo: string | undefined): string {
  if (!name) return memo ?? '';
  if (memo && memo.length > name.length && memo.toUpperCase().startsWith(name.toUpperCase())) return memo;
  return name;
}

function readBalances(stmt: MarkupNode, currency: string): StatementBalance[] {
  const out: StatementBalance[] = [];
  for (const [tag, kind] of [
    ['LEDGERBAL', 'ledger'],
    ['AVAILBAL', 'available'],
  ] as const) {
    const bal = child(stmt, tag);
    const amountMinor = ofxAmount(text(bal, 'BALAMT'), currency);
    const asOf = ofxDate(text(bal, 'DTASOF'));
    if (amountMinor !== undefined && asOf) out.push({ amountMinor, currency, asOf, kind });
  }
  const ofcLedger = ofxAmount(text(stmt, 'LEDGER'), currency);
  const ofcEnd = ofxDate(text(stmt, 'DTEND'));
  if (ofcLedger !== undefined && ofcEnd)
    out.push({ amountMinor: ofcLedger, currency, asOf: ofcEnd, kind: 'ledger' });
  return out;
}
