import { isCategoryCode } from './categories.ts';
import { readDataCsv } from './data-files.ts';

/** Which way money moved, from the account holder's view. */
export type Direction = 'in' | 'out';
export type AccountKind = 'checking' | 'savings' | 'credit_card';

/** A rule that applies only to some directions or account types. */
interface Scoped {
  direction: Direction | 'any';
  /** Empty = any account type. */
  account: string;
  category: string;
}

interface KeywordRule extends Scoped {
  pattern: RegExp;
}

function checkedCategory(file: string, code: string | undefined): string {
  if (!code || !isCategoryCode(code))
    throw new Error(`data/${file}: unknown category ${JSON.stringify(code)}`);
  return code;
}

function scope(file: string, row: Record<string, string>): Scoped {
  const direction = row.direction === 'in' || row.direction === 'out' ? row.direction : 'any';
  return { direction, account: row.account ?? '', category: checkedCategory(file, row.category) };
}

function applies(rule: Scoped, direction: Direction, account: AccountKind | undefined): boolean {
  return (
    (rule.direction === 'any' || rule.direction === direction) && (!rule.account || rule.account === account)
  );
}

/**
 * When a keyword rule is tried. `first`: wording that says what kind of transaction it is (card payment, ATM,
 * payroll, a fee named as such) and beats merchant rules. `middle`: wording that usually names the kind but yields
 * to a known merchant ("PLANET FITNESS CLUB FEES" is a gym). `kind`: the trade of a chain's branch, which beats the
 * chain's own category ("PICK N PAY PHARMACY" is a pharmacy). `last`: topic words ("COFFEE", "PARKING") used only
 * when nothing better is known.
 */
export type KeywordStage = 'first' | 'kind' | 'middle' | 'last';
const STAGES: readonly KeywordStage[] = ['first', 'kind', 'middle', 'last'];

function stageOf(row: Record<string, string>): KeywordStage {
  const stage = STAGES.find((s) => s === row.stage);
  if (!stage) throw new Error(`data/keyword-rules.csv: unknown stage ${JSON.stringify(row.stage)}`);
  return stage;
}

const KEYWORDS = readDataCsv('keyword-rules.csv').map((row) => ({
  stage: stageOf(row),
  rule: {
    ...scope('keyword-rules.csv', row),
    pattern: new RegExp(row.pattern ?? '', 'i'),
  } satisfies KeywordRule,
}));

/** One regex per stage that matches when any rule of the stage could: most descriptors then cost one test. */
function anyOf(rules: KeywordRule[]): RegExp {
  return new RegExp(rules.map((r) => `(?:${r.pattern.source})`).join('|') || '(?!)', 'i');
}
const BY_STAGE = new Map(
  STAGES.map((stage) => {
    const rules = KEYWORDS.filter((k) => k.stage === stage).map((k) => k.rule);
    return [stage, { rules, any: anyOf(rules) }] as const;
  }),
);

/** The first keyword rule of a stage (see `KeywordStage`) whose pattern is found in the description. */
export function matchKeyword(
  stage: KeywordStage,
  description: string,
  direction: Direction,
  account?: AccountKind,
): string | undefined {
  const { rules, any } = BY_STAGE.get(stage)!;
  if (!any.test(description)) return undefined;
  for (const rule of rules) {
    if (applies(rule, direction, account) && rule.pattern.test(description)) return rule.category;
  }
  return undefined;
}

const MCC = new Map(
  readDataCsv('mcc-categories.csv').map((row) => [
    row.mcc ?? '',
    checkedCategory('mcc-categories.csv', row.category),
  ]),
);

/** The category for a merchant category code ("5411" → groceries); codes are four digits, zero-padded. */
export function categoryForMcc(mcc: string): string | undefined {
  const code = mcc.trim();
  return MCC.get(code.length < 4 && /^\d+$/.test(code) ? code.padStart(4, '0') : code);
}

const HINTS = readDataCsv('bank-category-hints.csv').map((row) => ({
  kind: row.kind === 'type' ? 'type' : 'category',
  value: (row.value ?? '').trim().toLowerCase(),
  rule: scope('bank-category-hints.csv', row),
}));

function hint(
  kind: 'type' | 'category',
  value: string,
  direction: Direction,
  account?: AccountKind,
): string | undefined {
  const wanted = value.trim().toLowerCase();
  if (!wanted) return undefined;
  for (const h of HINTS) {
    if (h.kind === kind && h.value === wanted && applies(h.rule, direction, account)) return h.rule.category;
  }
  return undefined;
}

/** What a bank's own category column ("Food & Drink", "Travel-Airline") suggests. */
export function categoryForBankCategory(
  value: string,
  direction: Direction,
  account?: AccountKind,
): string | undefined {
  return hint('category', value, direction, account);
}

/** What a bank's transaction type ("ATM", "DIRECTDEP", a card "Payment") says about the kind of transaction. */
export function categoryForBankType(
  value: string,
  direction: Direction,
  account?: AccountKind,
): string | undefined {
  return hint('type', value, direction, account);
}
