import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Config {
  port: number;
  /** Interface to listen on; undefined means every interface. Without an app id the default is loopback only. */
  host: string | undefined;
  dbFile: string;
  dialogsDir: string;
  dataDir: string;
  /** Bot Framework credentials; an empty app id means the local, unauthenticated Emulator mode. */
  microsoftAppId: string;
  microsoftAppPassword: string;
  microsoftAppType: string;
  microsoftAppTenantId: string;
  /** Largest statement a user may upload in chat, in bytes. */
  maxUploadBytes: number;
  /** The whole download of one attachment (connecting and every byte) must finish within this. */
  downloadTimeoutMs: number;
  /** Signs the Web Chat page's Direct Line tokens; empty means a random secret for this process. */
  directLineSecret: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Problems in the environment, said once at start-up in words an operator can act on. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment once. `.env` (if present) is loaded by the caller before this. */
/** A variable's trimmed value; empty (as `.env.example` leaves some) counts as not set, so the default holds. */
export function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const get = (name: string): string | undefined => setting(env, name);
  const port = Number(get('PORT') ?? 3978);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  const maxUploadMb = Number(get('TALLY_MAX_UPLOAD_MB') ?? 20);
  if (!(maxUploadMb > 0))
    throw new ConfigError(`TALLY_MAX_UPLOAD_MB must be a positive number, got "${env.TALLY_MAX_UPLOAD_MB}"`);
  const downloadTimeoutMs = Number(get('TALLY_DOWNLOAD_TIMEOUT_MS') ?? 30_000);
  if (!Number.isInteger(downloadTimeoutMs) || downloadTimeoutMs <= 0) {
    throw new ConfigError(
      `TALLY_DOWNLOAD_TIMEOUT_MS must be a positive whole number of milliseconds, got "${env.TALLY_DOWNLOAD_TIMEOUT_MS}"`,
    );
  }
  const microsoftAppId = get('MicrosoftAppId') ?? '';
  const level = (get('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!['debug', 'info', 'warn', 'error'].includes(level))
    throw new ConfigError(`LOG_LEVEL must be debug, info, warn or error`);
  return {
    port,
    // The Emulator mode has no authentication, so it stays on this machine unless told otherwise.
    host: get('HOST') || (microsoftAppId ? undefined : '127.0.0.1'),
    // A PostgreSQL server when TALLY_DATABASE_URL names one; otherwise the SQLite file.
    dbFile: get('TALLY_DATABASE_URL') ?? resolve(get('TALLY_DB') ?? join(ROOT, 'tally.db')),
    dialogsDir: join(ROOT, 'dialogs'),
    dataDir: join(ROOT, 'data'),
    microsoftAppId,
    microsoftAppPassword: get('MicrosoftAppPassword') ?? '',
    microsoftAppType: get('MicrosoftAppType') ?? 'MultiTenant',
    microsoftAppTenantId: get('MicrosoftAppTenantId') ?? '',
    maxUploadBytes: Math.round(maxUploadMb * 1024 * 1024),
    downloadTimeoutMs,
    directLineSecret: get('TALLY_DIRECTLINE_SECRET') ?? '',
    logLevel: level as Config['logLevel'],
  };
}

/** Whether a listening address is reachable only from this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h)
  );
}

/** Loads `.env` from the project root when there is one; real environment variables win. */
export async function loadDotEnv(): Promise<void> {
  const file = join(ROOT, '.env');
  if (!existsSync(file)) return;
  const dotenv = await import('dotenv');
  dotenv.config({ path: file, quiet: true });
}
