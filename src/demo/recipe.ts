/**
 * The demo household recipe (data/demo/household.json): who the accounts are, what recurs, which
 * merchants get visited how often. Kept as data so the demo can be reshaped without touching code.
 */
import { readFileSync } from 'node:fs';
import { toMinorUnits } from '../money.ts';
import type { AccountType } from '../ingest/types.ts';

export interface AmountRange {
  min: string;
  typical: string;
  max: string;
}

export interface CardPayment {
  /** Account id the payment is debited from. */
  from: string;
  debitDescriptor: string;
  creditDescriptor: string;
  /** Day of month the debit leaves checking; pays the previous calendar month's net spend. */
  day: number;
  /** Days until the card posts the matching credit. */
  lagDays: number;
}

export interface AccountRecipe {
  id: string;
  name: string;
  institution: string;
  type: AccountType;
  mask: string;
  /** Balance at the start of the generated period. */
  openingBalance: string;
  payment?: CardPayment;
}

export interface IncomeRecipe {
  account: string;
  descriptor: string;
  amount: string;
  /** Days of month; 0 = last day. Weekend dates move to the Friday before. */
  days: number[];
  bankType?: string;
}

export interface MonthlyRecipe {
  account: string;
  descriptor: string;
  /** Day of month; 0 = last day. */
  day: number;
  amount: string | AmountRange;
  /** Multiplier per calendar month, January first (heating, cooling). */
  seasonal?: number[];
  /** New price from `monthsAgo` months before the generation month onwards. */
  priceChanges?: { monthsAgo: number; amount: string }[];
  /** +1 for money in (interest); money out by default. */
  sign?: 1 | -1;
  bankType?: string;
  /** The same amount arrives in another account the same day. */
  transfer?: { to: string; descriptor: string };
}

export interface MerchantRecipe {
  id: string;
  /** Templates: {alnum:N}, {digits:N}, {mm/dd}, {DOW}, {hour}. */
  descriptors: string[];
  /** Account id → relative weight of paying there. */
  accounts: Record<string, number>;
  /** Average visits per week. */
  perWeek: number;
  /** Saturdays and Sundays count this much more than a weekday (default 1.4). */
  weekendWeight?: number;
  amount?: AmountRange;
  /** Fixed price points instead of a range (ATM withdrawals, transit top-ups). */
  choices?: string[];
  bankType?: string;
}

export interface RefundRecipe {
  merchant: string;
  probability: number;
  lagDays: [number, number];
}

export interface OneOffRecipe {
  daysAgo: number;
  account: string;
  descriptor: string;
  /** Signed, from the account holder's view. */
  amount: string;
  bankType?: string;
}

export interface HouseholdRecipe {
  accounts: AccountRecipe[];
  income: IncomeRecipe[];
  monthly: MonthlyRecipe[];
  merchants: MerchantRecipe[];
  refunds: RefundRecipe[];
  oneOffs: OneOffRecipe[];
  /** Monthly budgets the demo brings: a category in people's words ("eating out") and a limit. */
  budgets?: { category: string; amount: string }[];
}

const RECIPE_URL = new URL('../../data/demo/household.json', import.meta.url);

/** Reads and checks the recipe file; a typo there should fail loudly, naming the bad entry. */
export function loadHouseholdRecipe(url: URL = RECIPE_URL): HouseholdRecipe {
  const recipe = JSON.parse(readFileSync(url, 'utf8')) as HouseholdRecipe;
  validateRecipe(recipe);
  return recipe;
}

/** Parses a recipe amount into minor units, naming where it came from when it is not a number. */
export function minor(decimal: string, where: string): number {
  const value = toMinorUnits(decimal, 'USD');
  if (value === undefined) throw new RangeError(`demo recipe, ${where}: "${decimal}" is not an amount`);
  return value;
}

/** Checks references between entries and that every amount parses. */
export function validateRecipe(recipe: HouseholdRecipe): void {
  const ids = new Set(recipe.accounts.map((a) => a.id));
  const known = (id: string, where: string): void => {
    if (!ids.has(id)) throw new RangeError(`demo recipe, ${where}: unknown account "${id}"`);
  };
  for (const a of recipe.accounts) {
    minor(a.openingBalance, `account ${a.id}`);
    if (a.payment) known(a.payment.from, `account ${a.id} payment`);
  }
  for (const i of recipe.income) {
    known(i.account, i.descriptor);
    minor(i.amount, i.descriptor);
  }
  for (const m of recipe.monthly) {
    known(m.account, m.descriptor);
    if (m.transfer) known(m.transfer.to, m.descriptor);
    const amounts =
      typeof m.amount === 'string' ? [m.amount] : [m.amount.min, m.amount.typical, m.amount.max];
    for (const a of [...amounts, ...(m.priceChanges ?? []).map((p) => p.amount)]) minor(a, m.descriptor);
  }
  const merchants = new Set<string>();
  for (const m of recipe.merchants) {
    merchants.add(m.id);
    for (const id of Object.keys(m.accounts)) known(id, `merchant ${m.id}`);
    if (!m.amount && !m.choices?.length)
      throw new RangeError(`demo recipe, merchant ${m.id}: needs amount or choices`);
    if (m.descriptors.length === 0) throw new RangeError(`demo recipe, merchant ${m.id}: needs a descriptor`);
    const amounts = m.amount ? [m.amount.min, m.amount.typical, m.amount.max] : (m.choices ?? []);
    for (const a of amounts) minor(a, `merchant ${m.id}`);
  }
  for (const r of recipe.refunds) {
    if (!merchants.has(r.merchant))
      throw new RangeError(`demo recipe, refund: unknown merchant "${r.merchant}"`);
  }
  for (const o of recipe.oneOffs) {
    known(o.account, o.descriptor);
    minor(o.amount, o.descriptor);
  }
}
