import { BotTemplates, createBotApp } from './bot/index.ts';
import { cached } from './charts/cache.ts';
import { renderBarChart, renderLineChart } from './charts/render.ts';
import { isLoopbackHost, type Config } from './config.ts';
import type { ChartRenderer } from './conversation/types.ts';
import { warmUpRecognizer } from './language/periods/index.ts';
import { createUnderstanding } from './language/understand.ts';
import { join } from 'node:path';
import { healthProbe, Readiness } from './health.ts';
import { bearerRefusal } from './http/bearer.ts';
import { log } from './log.ts';
import { createServer } from './server.ts';
import type { Store } from './store/index.ts';
import { openStore } from './open-store.ts';

export interface RunningTally {
  port: number;
  /** The interface listened on, or undefined for all of them. */
  host: string | undefined;
  store: Store;
  close(): Promise<void>;
}

export { openStore };

/** Starts Tally: store → language → bot → HTTP server. */
export async function startTally(config: Config): Promise<RunningTally> {
  const readiness = new Readiness();
  const store = await openStore(config.dbFile);
  readiness.done('store');
  const understanding = await createUnderstanding({
    luDir: config.dialogsDir,
    synonymsFile: join(config.dataDir, 'category-synonyms.csv'),
  });
  warmUpRecognizer();
  readiness.done('language');
  const templates = BotTemplates.load(config.dialogsDir);
  readiness.done('templates');
  const charts: ChartRenderer = { bar: cached(renderBarChart), line: cached(renderLineChart) };
  const app = createBotApp({ config, store, understanding, charts, templates });
  const { server, drain } = createServer({
    processMessage: (req, res) => app.process(req, res),
    health: healthProbe(() => store.health()),
    readiness: () => readiness.state,
    // With authentication on, a header that can never pass is refused before the body is read.
    screenAuthorization: config.microsoftAppId ? (header) => bearerRefusal(header) : undefined,
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    const listening = () => {
      server.server.off('error', reject);
      resolve();
    };
    if (config.host) server.listen(config.port, config.host, listening);
    else server.listen(config.port, listening);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host ?? '*';
  app.alerter.start(Number(process.env.TALLY_ALERT_POLL_MS ?? 5000));
  readiness.done('server');
  log.info('server.started', {
    host,
    port,
    authenticated: config.microsoftAppId !== '',
    trainMs: Math.round(understanding.trainMs),
  });
  if (!config.microsoftAppId && !isLoopbackHost(host)) {
    log.warn('server.unauthenticated-beyond-loopback', { host, port });
  }
  let closed = false;
  return {
    port,
    host: config.host,
    store,
    async close() {
      if (closed) return;
      closed = true;
      // Still listening while in-flight turns finish, so probes see /readyz answer 503 and traffic moves
      // elsewhere; new connections are refused only once the drain is over.
      readiness.beginShutdown();
      await drain(10_000);
      server.server.close();
      await app.alerter.stop();
      server.close();
      store.close();
    },
  };
}
