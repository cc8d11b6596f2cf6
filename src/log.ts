/**
 * Structured logs to stderr. Callers pass ids, counts and kinds only: never message text, amounts,
 * merchant names or secrets.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

let threshold: Level = (process.env.LOG_LEVEL as Level) in ORDER ? (process.env.LOG_LEVEL as Level) : 'info';

export function setLogLevel(level: Level): void {
  threshold = level;
}

function write(level: Level, event: string, fields: Record<string, string | number | boolean | undefined> = {}): void {
  if (ORDER[level] < ORDER[threshold]) return;
  process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), level, event, ...fields })}\n`);
}

export const log = {
  debug: (event: string, fields?: Record<string, string | number | boolean | undefined>) => write('debug', event, fields),
  info: (event: string, fields?: Record<string, string | number | boolean | undefined>) => write('info', event, fields),
  warn: (event: string, fields?: Record<string, string | number | boolean | undefined>) => write('warn', event, fields),
  error: (event: string, fields?: Record<string, string | number | boolean | undefined>) => write('error', event, fields),
};

/** The kind of an error, safe to log: its class name and code, never its message (which may quote data). */
export function errorKind(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' ? `${err.name}:${code}` : err.name;
  }
  return typeof err;
}

/** The parts of `process` the last-resort handlers need (a stand-in in tests). */
export interface GuardedProcess {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (err: Error, origin: string) => void): unknown;
}

/**
 * Last-resort handlers: an error that escaped one turn or one request is logged as one line (its kind,
 * never its message or stack) and the server keeps serving. Only a burst of them (something broken for
 * every request, not one bad request) ends the process, so a supervisor can start a clean one.
 */
export function guardProcess(proc: GuardedProcess = process, exit: (code: number) => void = (code) => process.exit(code), burst = { count: 20, windowMs: 60_000 }): void {
  let recent: number[] = [];
  proc.on('unhandledRejection', (reason) => {
    log.error('process.unhandled-rejection', { kind: errorKind(reason) });
  });
  proc.on('uncaughtException', (err, origin) => {
    const now = Date.now();
    recent = [...recent.filter((t) => now - t < burst.windowMs), now];
    log.error('process.uncaught-exception', { kind: errorKind(err), origin, recent: recent.length });
    if (recent.length >= burst.count) {
      log.error('process.unstable', { errors: recent.length, windowMs: burst.windowMs });
      exit(1);
    }
  });
}
