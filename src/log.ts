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
