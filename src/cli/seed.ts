import { openStore } from '../open-store.ts';
import { loadConfig, loadDotEnv } from '../config.ts';
import { loadDemo } from '../conversation/settings.ts';
import { localDay } from '../day.ts';
import { flag, parseArgs } from './args.ts';

/** Loads the demo household (12 months up to today) for a user: `npm run seed -- --user ID`. */
async function main(argv: string[]): Promise<number> {
  const { flags } = parseArgs(argv);
  const userId = flag(flags, 'user');
  if (!userId) {
    process.stderr.write('Usage: npm run seed -- --user ID [--today yyyy-mm-dd]\n');
    return 1;
  }
  await loadDotEnv();
  const store = await openStore(loadConfig().dbFile);
  try {
    const today = flag(flags, 'today') ?? localDay(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone);
    await store.users.recordConsent(userId);
    const loaded = await loadDemo(store, userId, today);
    process.stdout.write(`Loaded the demo household for ${userId}: ${loaded.accounts} accounts, ${loaded.transactions} new transactions up to ${today}.\n`);
    return 0;
  } finally {
    store.close();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
