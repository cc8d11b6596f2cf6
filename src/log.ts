/**
 * Structured logs: one JSON line per event on stdout, written by pino. Callers pass ids, counts and kinds
 * only; what slips through anyway (message text, amounts, merchant names, descriptions, secrets) is
 * redacted by field name, and any string that looks like money or is long enough to be quoted text is
 * dropped.
 */
import { pino } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
type Fields = Record<string, string | number | boolean | undefined>;

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];
const REDACTED = '[redacted]';
/** Longer strings are text someone wrote or a dump of something, not a kind or an id. */
export const MAX_LOGGED_STRING = 200;

/** Field names whose values are never logged, at the top level and one level down. */
const SENSITIVE_FIELDS = [
  'text',
  'amount',
  'description',
  'merchant',
  'memo',
  'payee',
  'balance',
  'token',
  'authorization',
  'Authorization',
  'cookie',
  'password',
  'secret',
  'MicrosoftAppPassword',
];
const REDACT_PATHS = SENSITIVE_FIELDS.flatMap((name) => [name, `*.${name}`]);
// pino's paths have no prefix or suffix wildcards: `amountMinor`, `accessToken` and the like are caught here.
const SENSITIVE_NAME = /^amount|(?:token|password|secret)$/i;

const CURRENCY_CODES = new Set(Intl.supportedValuesOf('currency'));
const SYMBOL_AMOUNT = /[$€£¥₹₩₽₺₪₫₴₦¢]\s?[-+]?\d|\d\s?[$€£¥₹₩₽₺₪₫₴₦¢]/u;
const CODE_AMOUNT = /\b([A-Z]{3})\s?[-+]?\d|\d\s?([A-Z]{3})\b/g;
// 12.34, 1,234.56, 12,34, 1.234,56; not a version (4.23.3), an address (10.20.30.40) or a time stamp.
const DECIMAL_AMOUNT = /(?<![\d.,])[-+]?\d{1,3}(?:[,.' ]?\d{3})*[.,]\d{2}(?![\d.,])/;

/** Whether a string reads as an amount of money: `$12.34`, `12,34 EUR`, `USD 5`, `4999.99`. */
export function looksLikeMoney(value: string): boolean {
  if (SYMBOL_AMOUNT.test(value) || DECIMAL_AMOUNT.test(value)) return true;
  for (const match of value.matchAll(CODE_AMOUNT)) {
    if (CURRENCY_CODES.has(match[1] ?? match[2] ?? '')) return true;
  }
  return false;
}

/** The fields as they may be logged: errors become their kind, money-like and long strings are dropped. */
function scrub(fields: Record<string, unknown>, depth = 0): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SENSITIVE_NAME.test(key)) clean[key] = REDACTED;
    else if (value instanceof Error) clean[key] = errorKind(value);
    else if (typeof value === 'string') {
      if (value.length <= MAX_LOGGED_STRING && !looksLikeMoney(value)) clean[key] = value;
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      if (depth < 2) clean[key] = scrub(value as Record<string, unknown>, depth + 1);
    } else clean[key] = value;
  }
  return clean;
}

function levelFrom(env: NodeJS.ProcessEnv): LogLevel {
  const asked = env.LOG_LEVEL?.toLowerCase() as LogLevel | undefined;
  if (asked && LEVELS.includes(asked)) return asked;
  // Tests are quiet unless a test asks to hear something (or LOG_LEVEL is set for a run).
  return env.VITEST ? 'silent' : 'info';
}

const logger = pino(
  {
    level: levelFrom(process.env),
    // The event name is pino's message. A message always given also keeps pino from using an `err`
    // field's message (which may quote data) as the line's message.
    messageKey: 'event',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (fields) => scrub(fields),
    },
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    // pino's own error serializer writes the stack; only the kind is kept.
    serializers: { err: (value: unknown) => (value instanceof Error ? errorKind(value) : value) },
  },
  // Looked up on every line, so a test that replaces process.stdout.write hears the logs.
  { write: (line: string) => process.stdout.write(line) },
);

export function setLogLevel(level: LogLevel): void {
  logger.level = level;
}

export const log = {
  debug: (event: string, fields: Fields = {}) => logger.debug(fields, event),
  info: (event: string, fields: Fields = {}) => logger.info(fields, event),
  warn: (event: string, fields: Fields = {}) => logger.warn(fields, event),
  error: (event: string, fields: Fields = {}) => logger.error(fields, event),
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
export function guardProcess(
  proc: GuardedProcess = process,
  exit: (code: number) => void = (code) => process.exit(code),
  burst = { count: 20, windowMs: 60_000 },
): void {
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
