import { createBotApp } from './bot/index.ts';
import { cached } from './charts/cache.ts';
import { renderBarChart, renderLineChart } from './charts/render.ts';
import type { Config } from './config.ts';
import type { ChartRenderer } from './conversation/types.ts';
import { warmUpRecognizer } from './language/periods/index.ts';
import { createUnderstanding } from './language/understand.ts';
import { join } from 'node:path';
import { log } from './log.ts';
import { createServer } from './server.ts';
import type { Store } from './store/index.ts';
import { openStore } from './open-store.ts';

export interface RunningTally {
  port: number;
  store: Store;
  close(): Promise<void>;
}

export { openStore };

/** Starts Tally: store → language → bot → HTTP server. */
export async function startTally(config: Config): Promise<RunningTally> {
  const store = await openStore(config.dbFile);
  const understanding = await createUnderstanding({
    luDir: config.dialogsDir,
    synonymsFile: join(config.dataDir, 'category-synonyms.csv'),
  });
  warmUpRecognizer();
  const charts: ChartRenderer = { bar: cached(renderBarChart), line: cached(renderLineChart) };
  const app = createBotApp({ config, store, understanding, charts });
  const { server, drain } = createServer({
    processMessage: (req, res) => app.process(req, res),
    healthy: () => true,
  });
  await new Promise<void>((resolve) => server.listen(config.port, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  app.alerter.start(Number(process.env.TALLY_ALERT_POLL_MS ?? 5000));
  log.info('server.started', { port, trainMs: Math.round(understanding.trainMs) });
  let closed = false;
  return {
    port,
    store,
    async close() {
      if (closed) return;
      closed = true;
      server.server.close();
      await drain(10_000);
      await app.alerter.stop();
      server.close();
      store.close();
    },
  };
}
