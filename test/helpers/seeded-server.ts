/**
 * The real server on a temporary database seeded beforehand (as `npm run import` would have), with a fake
 * channel to answer it: for tests that talk to Tally over HTTP. Call `close` in `afterAll`.
 */
import { openStore, startTally, type RunningTally } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { setLogLevel } from '../../src/log.ts';
import type { Store } from '../../src/store/index.ts';
import { startChannel, type FakeChannel } from './channel.ts';
import { tempDbFile } from './store.ts';

export interface SeededServer {
  tally: RunningTally;
  channel: FakeChannel;
  close(): Promise<void>;
}

export async function seededServer(seed: (store: Store) => Promise<unknown>): Promise<SeededServer> {
  setLogLevel('error');
  const temp = tempDbFile();
  const store = await openStore(temp.file);
  await seed(store);
  store.close();
  const channel = await startChannel();
  const tally = await startTally(
    loadConfig({ ...process.env, PORT: '0', TALLY_DB: temp.file, LOG_LEVEL: 'error', MicrosoftAppId: '' }),
  );
  return {
    tally,
    channel,
    async close() {
      await tally.close();
      await channel.close();
      temp.remove();
    },
  };
}
