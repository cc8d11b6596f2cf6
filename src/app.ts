import { createDirectLine } from './bot/directline/index.ts';
import { BotTemplates, createBotApp } from './bot/index.ts';
import { createRenderPool } from './charts/pool.ts';
import { CHART_ROUTE, chartRoute } from './charts/route.ts';
import { ChartService } from './charts/service.ts';
import { loadChartSettings } from './charts/settings.ts';
import { isLoopbackHost, setting, type Config } from './config.ts';
import { createUnderstanding } from './language/understand.ts';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { healthProbe, Readiness } from './health.ts';
import { bearerRefusal } from './http/bearer.ts';
import { log } from './log.ts';
import { createServer } from './server.ts';
import type { Store } from './store/index.ts';
import { openStore } from './open-store.ts';
import { upcomingFromHistory } from './conversation/upcoming.ts';

export interface RunningTally {
  port: number;
  /** The interface listened on, or undefined for all of them. */
  host: string | undefined;
  store: Store;
  close(): Promise<void>;
}

export { openStore };

/** Where the fitted intent model is kept between start-ups (git-ignored). */
const MODEL_CACHE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '.cache');

/** Starts Tally: store → language → bot → HTTP server. */
export async function startTally(config: Config): Promise<RunningTally> {
  const readiness = new Readiness();
  const store = await openStore(config.dbFile);
  readiness.done('store');
  const understanding = await createUnderstanding({
    luDir: config.dialogsDir,
    synonymsFile: join(config.dataDir, 'category-synonyms.csv'),
    modelCacheDir: MODEL_CACHE_DIR,
  });
  readiness.done('language');
  const templates = BotTemplates.open(config.dialogsDir);
  readiness.done('templates');
  // Cards carry image URLs; the images are drawn in worker threads when the channel fetches them.
  const chartSettings = loadChartSettings();
  const renderPool = createRenderPool({ threads: chartSettings.threads });
  let chartBase = chartSettings.publicUrl ?? `http://localhost:${config.port}`;
  const charts = new ChartService({
    store,
    pool: renderPool,
    images: chartSettings.images,
    ttlMs: chartSettings.ttlMs,
    baseUrl: () => chartBase,
  });
  const app = createBotApp({
    config,
    store,
    understanding,
    charts: charts.renderer(),
    chartsFor: (userId) => charts.forUser(userId),
    upcoming: upcomingFromHistory(store),
    templates,
  });
  app.adapter.use(charts.turnMiddleware);
  // Web Chat's own Direct Line service: what the page says goes through the same adapter and bot.
  const directLine = createDirectLine({
    adapter: app.adapter,
    logic: (context) => app.bot.run(context),
    config,
    secret: config.directLineSecret || undefined,
    store: store.directLine,
    // Chart cards link their images here, which may not be the origin the page was opened on.
    imageOrigins: () => [chartBase],
  });
  const { server, drain } = createServer({
    processMessage: (req, res) => app.process(req, res),
    health: healthProbe(() => store.health()),
    readiness: () => readiness.state,
    // With authentication on, a header that can never pass is refused before the body is read.
    screenAuthorization: config.microsoftAppId ? (header) => bearerRefusal(header) : undefined,
    mount: (routes) => directLine.mount(routes),
    upgrade: (req, socket, head) => directLine.upgrade(req, socket, head),
  });
  server.get(CHART_ROUTE, chartRoute(charts));
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
  chartBase = chartSettings.publicUrl ?? `http://localhost:${port}`;
  directLine.listening(address);
  const host = config.host ?? '*';
  app.alerter.start(Number(setting(process.env, 'TALLY_ALERT_POLL_MS') ?? 5000));
  app.scheduler.start(Number(setting(process.env, 'TALLY_SCHEDULER_POLL_MS') ?? 60_000));
  readiness.done('server');
  // The date recognizer (Microsoft's, for phrasings the fast rules do not read) is not loaded here: it
  // holds about 50 MB resident and takes a second of CPU, and few messages need it, so it loads when one
  // does (that message waits for it once).
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
      await directLine.close();
      server.server.close();
      await app.alerter.stop();
      await app.scheduler.stop();
      await renderPool.close();
      server.close();
      store.close();
    },
  };
}
