import { importParsed } from '../ingest/importer.ts';
import type { Store } from '../store/index.ts';
import { generateDemoHousehold } from './household.ts';
import { loadDemoBudgets } from './budgets.ts';
import { loadHouseholdRecipe } from './recipe.ts';

export interface DemoLoad {
  accounts: number;
  /** Transactions added by this load (none when the demo was already there for the same days). */
  transactions: number;
  /** Monthly budgets the demo set (none for a subject the person already budgets for). */
  budgets: number;
}

/** Which source every demo file is recorded under, so its batches are recognisable. */
const DEMO_SOURCE_PREFIX = 'demo:';
/** The demo household keeps its money in US dollars, and so do its budgets. */
const DEMO_CURRENCY = 'USD';

/** How many accounts the demo household adds, for telling people before they say yes. */
export function demoAccountCount(): number {
  return loadHouseholdRecipe().accounts.length;
}

/**
 * Loads the demo household for a user into accounts marked as demo and named so ("Chase Checking (demo)"),
 * through the same import pipeline as a statement. The person's own accounts are never touched, whatever
 * their names. Its monthly budgets are set too, marked as demo. Loading again for the same day adds nothing twice; a load that fails leaves no demo account
 * it created behind.
 * @example await loadDemo(store, 'alice', '2026-03-10') // { accounts: 5, transactions: 929 }
 */
export async function loadDemo(
  store: Store,
  userId: string,
  today: string,
  now = new Date(),
): Promise<DemoLoad> {
  const household = generateDemoHousehold(today);
  const demoAccounts = store.accounts.demoNames();
  const demoStore = withAccounts(store, demoAccounts);
  const created: number[] = [];
  let budgets: string[] = [];
  let transactions = 0;
  try {
    for (const account of household) {
      const name = await store.accounts.demoNameFor(userId, account.name);
      const existing = await demoAccounts.findByName(userId, name);
      // Created here, not by the importer, so it is a demo account whatever the importer does with new names.
      const target =
        existing ??
        (await demoAccounts.upsert(
          userId,
          {
            name,
            type: account.type,
            currency: account.currency,
            institution: account.institution,
            mask: account.mask,
          },
          now,
        ));
      if (!existing) created.push(target.id);
      const summary = await importParsed(
        demoStore,
        {
          userId,
          accountName: target.name,
          accountType: account.type,
          fileName: `${DEMO_SOURCE_PREFIX}${account.name}`,
          now,
        },
        [account.statement],
      );
      transactions += summary.added;
    }
    budgets = await loadDemoBudgets(store, userId, loadHouseholdRecipe(), DEMO_CURRENCY, now);
  } catch (err) {
    for (const id of created) await store.accounts.remove(userId, id);
    for (const key of budgets) await store.budgets.remove(userId, key);
    throw err;
  }
  return { accounts: household.length, transactions, budgets: budgets.length };
}

/** The store as the importer should see it for demo files: account names resolve to demo accounts only. */
function withAccounts(store: Store, accounts: Store['accounts']): Store {
  return Object.create(store, { accounts: { value: accounts } }) as Store;
}
