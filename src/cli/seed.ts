import { openStore } from '../open-store.ts';
import { loadConfig, loadDotEnv } from '../config.ts';
import { loadDemo } from '../demo/load.ts';
import { localDay } from '../day.ts';
import { flag, parseArgs } from './args.ts';

/**
 * Loads the demo household (12 months up to today) for a user into accounts marked as demo, named
 * "… (demo)": `npm run seed -- --user ID`. The user's own accounts are left as they are; "remove the demo"
 * in the chat takes it out again.
 */
async function main(argv: string[]): Promise<number> {
  const { flags } = parseArgs(argv);
  const userId = flag(flags, 'user');
  const given = flag(flags, 'today');
  if (!userId || (given !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(given))) {
    process.stderr.write('Usage: npm run seed -- --user ID [--today yyyy-mm-dd]\n');
    return 1;
  }
  await loadDotEnv();
  const store = await openStore(loadConfig().dbFile);
  try {
    const today = given ?? localDay(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone);
    const loaded = await loadDemo(store, userId, today);
    process.stdout.write(
      `Loaded the demo household for ${userId}: ${loaded.accounts} demo accounts, ${loaded.budgets} demo budgets, ${loaded.transactions} new transactions up to ${today}.\n`,
    );
    return 0;
  } finally {
    store.close();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
