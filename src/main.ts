import { startTally } from './app.ts';
import { ConfigError, loadConfig, loadDotEnv } from './config.ts';
import { errorKind, guardProcess, log, setLogLevel } from './log.ts';

/** What `npm start` runs once the compile cache is on (see index.ts): configuration, then the app, then graceful shutdown on signals. */
async function main(): Promise<void> {
  guardProcess();
  await loadDotEnv();
  const config = loadConfig();
  setLogLevel(config.logLevel);
  const tally = await startTally(config);
  // Listening everywhere, it is still reachable as localhost; otherwise name the address it took.
  const host = !tally.host || tally.host === '0.0.0.0' || tally.host === '::' ? 'localhost' : tally.host;
  // For the person at the terminal; stdout carries only the JSON log lines.
  process.stderr.write(
    `Tally is listening on http://${host.includes(':') ? `[${host}]` : host}:${tally.port}/api/messages\n`,
  );
  const stop = (signal: string) => {
    log.info('server.stopping', { signal });
    tally.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) process.stderr.write(`Configuration problem: ${err.message}\n`);
  else
    log.error('startup.failed', {
      kind: errorKind(err),
      message: err instanceof Error ? err.message.split('\n')[0] : undefined,
    });
  process.exit(1);
});
