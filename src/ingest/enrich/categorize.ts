import { FALLBACK_SPENDING, isCategoryCode } from './categories.ts';
import { chequeCategory, findCheque } from './cheques.ts';
import { processorCategory } from './cleanup.ts';
import { completedCutWord } from './cut-words.ts';
import { type LearnedFallback, shippedFallback } from './learned/fallback.ts';
import { onlyAPersonsName } from './personal-names.ts';
import { identifyMerchant, merchantCategory } from './merchants.ts';
import {
  type AccountKind,
  type Direction,
  categoryForBankCategory,
  categoryForBankType,
  categoryForMcc,
  matchKeyword,
} from './rules.ts';
import { paysStoreAccount, STORE_ACCOUNT_PAYMENT } from './store-accounts.ts';
import { merchantKey } from './user-rules.ts';

/** How a transaction counts: spending (refunds included), income, a transfer between own accounts, or cash taken out. */
export type Flow = 'spending' | 'income' | 'transfer' | 'cash';

/** Which kind of rule decided the category. */
export type CategorySource = 'user' | 'merchant' | 'mcc' | 'bank' | 'keyword' | 'learned' | 'default';

export interface CategorizeInput {
  /** Clean merchant name, as from `cleanMerchant`. */
  merchant: string;
  /** The raw descriptor as the bank printed it. */
  description: string;
  /** Signed minor units: negative = money out. */
  amountMinor: number;
  accountType?: AccountKind;
  mcc?: string;
  bankCategory?: string;
  bankType?: string;
}

export interface Categorization {
  /** Detailed taxonomy code, e.g. `FOOD_AND_DRINK_GROCERIES`. */
  category: string;
  flow: Flow;
  source: CategorySource;
}

/**
 * The flow a category implies. Card payments and transfers move money between accounts, ATM withdrawals
 * turn it into cash, and everything else, refunds included, is spending, so a refund reduces its category.
 * @example flowOf('LOAN_PAYMENTS_CREDIT_CARD_PAYMENT') // 'transfer'
 */
export function flowOf(category: string): Flow {
  if (category === 'TRANSFER_OUT_WITHDRAWAL') return 'cash';
  if (
    category.startsWith('TRANSFER_IN_') ||
    category.startsWith('TRANSFER_OUT_') ||
    category === 'LOAN_PAYMENTS_CREDIT_CARD_PAYMENT'
  ) {
    return 'transfer';
  }
  if (category.startsWith('INCOME_')) return 'income';
  return 'spending';
}

function decide(category: string, source: CategorySource): Categorization {
  return { category, flow: flowOf(category), source };
}

const TWO_WAY_TRANSFERS = ['ACCOUNT_TRANSFER', 'SAVINGS', 'INVESTMENT_AND_RETIREMENT_FUNDS'];

/**
 * A merchant rule names who moved the money, not which way: money that arrives through Zelle or from a savings
 * app is a transfer in, even though the merchant's row says transfer out (and the other way round).
 * @example alongMoney('TRANSFER_OUT_ACCOUNT_TRANSFER', 'in') // 'TRANSFER_IN_ACCOUNT_TRANSFER'
 */
export function alongMoney(category: string, direction: Direction): string {
  const match = /^TRANSFER_(IN|OUT)_(.+)$/.exec(category);
  if (!match || !TWO_WAY_TRANSFERS.includes(match[2] ?? '')) return category;
  return `TRANSFER_${direction === 'in' ? 'IN' : 'OUT'}_${match[2]}`;
}

/**
 * The trade a chain's branch names, when it is not the chain's own ("PICK N PAY PHARMACY", "BOXER LIQUORS"): a name
 * alone does not beat a clear word. A word that belongs to the brand's own name ("Pharmacy Direct") names no branch.
 */
function branchTrade(
  description: string,
  name: string,
  chain: string,
  direction: Direction,
): string | undefined {
  const trade = matchKeyword('kind', description, direction);
  if (!trade || trade === chain || matchKeyword('kind', name, direction) === trade) return undefined;
  return trade;
}

function ruleCategory(input: CategorizeInput, direction: Direction): Categorization {
  const account = input.accountType;
  const description = input.description.replace(/\s+/g, ' ');
  const first = matchKeyword('first', description, direction, account);
  if (first) return decide(first, 'keyword');
  if (findCheque(description)) return decide(chequeCategory(direction), 'keyword');
  const byType = input.bankType ? categoryForBankType(input.bankType, direction, account) : undefined;
  if (byType) return decide(byType, 'bank');
  const known = identifyMerchant(description);
  const merchant = known.category ?? (input.merchant ? merchantCategory(input.merchant) : undefined);
  if (merchant && paysStoreAccount(description, merchant, direction))
    return decide(STORE_ACCOUNT_PAYMENT, 'merchant');
  if (merchant) {
    const branch = branchTrade(
      description,
      known.category ? known.name : input.merchant,
      merchant,
      direction,
    );
    return branch ? decide(branch, 'keyword') : decide(alongMoney(merchant, direction), 'merchant');
  }
  // A name the bank cut short ("MOOIRIVIER BUTCHE") is read with its last word whole, so topic words still find it.
  const cut = input.merchant ? completedCutWord(input.merchant) : undefined;
  const topicText = cut ? `${description} ${cut}` : description;
  const middle = matchKeyword('middle', topicText, direction, account);
  if (middle) return decide(middle, 'keyword');
  const byMcc = input.mcc ? categoryForMcc(input.mcc) : undefined;
  if (byMcc) return decide(byMcc, 'mcc');
  const byBank = input.bankCategory
    ? categoryForBankCategory(input.bankCategory, direction, account)
    : undefined;
  if (byBank) return decide(byBank, 'bank');
  const last = matchKeyword('last', topicText, direction, account);
  if (last) return decide(last, 'keyword');
  const byProcessor = processorCategory(description);
  if (byProcessor && direction === 'out') return decide(byProcessor, 'keyword');
  // Money arriving on a card with no other clue is a refund or credit; on a bank account it is income.
  return decide(
    direction === 'in' && account !== 'credit_card' ? 'INCOME_OTHER_INCOME' : FALLBACK_SPENDING,
    'default',
  );
}

/**
 * The merchant category code some banks and card programmes print in the descriptor ("MCC 5411", "MCC:5812"),
 * used when the file has no MCC column.
 * @example mccInText('POS 4412 CORNER STORE MCC:5499') // '5499'
 */
export function mccInText(description: string): string | undefined {
  return /\bMCC\s*[:#=-]?\s*(\d{4})\b/i.exec(description)?.[1];
}

/**
 * Whether the rules left a line unplaced: their default, or "other shopping" from purchase wording alone ("POS
 * PURCHASE …" with a name no rule knows), which says a card was used but not what for.
 */
export const unplaced = (byRules: Categorization): boolean =>
  byRules.source === 'default' || byRules.category === FALLBACK_SPENDING;

/**
 * Only a line the rules left unplaced is open to the learned guess, and only when the model is confident and
 * the payee is more than a person's name: everything a rule decided, transfers, cheques, fees and pay among
 * it, stands.
 */
export function withLearnedFallback(
  byRules: Categorization,
  input: CategorizeInput,
  direction: Direction,
  fallback: LearnedFallback,
): Categorization {
  // A person's name says nothing about what was paid for, whatever trade a namesake had in training.
  if (!unplaced(byRules) || onlyAPersonsName(input.merchant)) return byRules;
  const guess = fallback.guess(
    { merchant: input.merchant, description: input.description, direction, account: input.accountType },
    byRules.flow,
  );
  return guess ? decide(guess.label, 'learned') : byRules;
}

/** The rules alone, without the user's corrections, the cache or the learned fallback (for measuring them). */
export function categorizeByRules(input: CategorizeInput): Categorization {
  const direction: Direction = input.amountMinor > 0 ? 'in' : 'out';
  const mcc = input.mcc ?? mccInText(input.description);
  return ruleCategory(mcc === input.mcc ? input : { ...input, mcc }, direction);
}

/** Distinct lines' categories remembered, cleared when full (sized as the merchant names' cache in merchants.ts). */
const CACHE_LIMIT = 30_000;

/**
 * The cache key's form of a text: every run of four or more digits becomes as many zeros. No rule names a literal
 * number that long (rules see such runs only as `\d`), so lines that differ only in references, card numbers or
 * dates get the same category, and the cache serves them.
 */
const sameForRules = (text: string): string => text.replace(/\d{4,}/g, (digits) => '0'.repeat(digits.length));
const cache = new Map<string, Categorization>();

/**
 * Picks a detailed category and a flow for one transaction. Order: the user's own corrections, wording
 * that names the kind of transaction (card payment, ATM, payroll, a bank fee), cheques, the bank's transaction
 * type, merchant rules, wording that yields to a known merchant (a "fee" that is a gym's), MCC, the bank's
 * category column, topic keywords, what the card processor implies (Toast serves restaurants), then a default.
 * @example categorize({ merchant: 'Safeway', description: 'SAFEWAY #1507', amountMinor: -4210 }).category // 'FOOD_AND_DRINK_GROCERIES'
 */
export function categorize(input: CategorizeInput, userRules?: ReadonlyMap<string, string>): Categorization {
  const direction: Direction = input.amountMinor > 0 ? 'in' : 'out';
  if (userRules && userRules.size > 0) {
    const own = userRules.get(merchantKey(input.merchant));
    if (own && isCategoryCode(own)) return decide(own, 'user');
  }
  const mcc = input.mcc ?? mccInText(input.description);
  const key = `${sameForRules(input.description)}\u0001${sameForRules(input.merchant)}\u0001${direction}\u0001${input.accountType ?? ''}\u0001${mcc ?? ''}\u0001${input.bankCategory ?? ''}\u0001${input.bankType ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const byRules = ruleCategory(mcc === input.mcc ? input : { ...input, mcc }, direction);
  const result = withLearnedFallback(byRules, input, direction, shippedFallback(flowOf));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}
