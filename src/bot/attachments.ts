import type { Config } from '../config.ts';
import { AttachmentError } from '../conversation/link.ts';
import type { Attachment } from '../conversation/types.ts';
import { log } from '../log.ts';
import { mayDownloadTeamsFile, TEAMS_FILE_DOWNLOAD_INFO } from './teams/files.ts';

/** What decides where files may come from and how long a download may take. */
export type AttachmentPolicy = Pick<Config, 'microsoftAppId' | 'maxUploadBytes' | 'downloadTimeoutMs'>;

/**
 * Downloads a file the user attached, never more than `maxUploadBytes` and never for longer than
 * `downloadTimeoutMs` in all (connecting, headers and every byte of the body). Inline `data:` URLs are
 * decoded. Anything else must come from the channel's own service (same origin as the activity's
 * serviceUrl): with an app id that service must be https; without one (the Emulator's local mode, where
 * nobody is authenticated) it must also be on this machine, so a request cannot send Tally to fetch from
 * an internal host. A file shared in Teams comes from the person's OneDrive instead (`fetchTeamsFile`).
 */
export async function fetchAttachment(
  attachment: Attachment,
  serviceUrl: string | undefined,
  policy: AttachmentPolicy,
  token?: () => Promise<string | undefined>,
): Promise<Buffer> {
  if (attachment.contentType === TEAMS_FILE_DOWNLOAD_INFO) return fetchTeamsFile(attachment, policy);
  const maxBytes = policy.maxUploadBytes;
  const url = attachment.contentUrl;
  if (url?.startsWith('data:')) return decodeDataUrl(url, maxBytes);
  if (!url || !serviceUrl || !mayDownload(url, serviceUrl, policy.microsoftAppId !== ''))
    throw new AttachmentError('not-allowed');
  const headers: Record<string, string> = {};
  const bearer = await token?.();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  return withDeadline(policy.downloadTimeoutMs, (signal) => download(url, headers, maxBytes, signal));
}

/**
 * Downloads a file someone sent in a Teams personal chat from its pre-authenticated OneDrive link, with
 * no token of the bot's, within the same size limit and deadline. `allow` decides every URL on the way,
 * redirects included (by default `mayDownloadTeamsFile`: https on SharePoint or OneDrive, Teams only).
 */
export async function fetchTeamsFile(
  attachment: Attachment,
  policy: AttachmentPolicy,
  allow: (url: string) => boolean = (url) =>
    mayDownloadTeamsFile(url, attachment.channel, policy.microsoftAppId !== ''),
): Promise<Buffer> {
  const url = attachment.contentUrl;
  if (!url || !allow(url)) throw new AttachmentError('not-allowed');
  return withDeadline(policy.downloadTimeoutMs, (signal) =>
    download(url, {}, policy.maxUploadBytes, signal, allow),
  );
}

/**
 * Whether `url` may be fetched for an activity that came from `serviceUrl`: same origin always; https
 * when authenticated, unless the service is Tally's own on loopback; loopback when not.
 */
export function mayDownload(url: string, serviceUrl: string, authenticated: boolean): boolean {
  let file: URL;
  let service: URL;
  try {
    file = new URL(url);
    service = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (file.username || file.password) return false;
  // With an app id a channel's serviceUrl is bound to its signed token, so a loopback one can only be
  // Tally's own in-process Direct Line service (the Web Chat page's uploads): the loopback rule applies.
  if (authenticated && !isLoopback(service.hostname))
    return file.protocol === 'https:' && service.protocol === 'https:' && file.host === service.host;
  if (!isLoopback(service.hostname) || !isLoopback(file.hostname)) return false;
  if (file.protocol !== 'http:' && file.protocol !== 'https:') return false;
  // The Emulator names its own service "localhost" or "127.0.0.1" interchangeably.
  return file.protocol === service.protocol && file.port === service.port;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function decodeDataUrl(url: string, maxBytes: number): Buffer {
  const comma = url.indexOf(',');
  if (comma < 0) throw new AttachmentError('unreachable');
  const base64 = url.slice(0, comma).includes(';base64');
  const payload = url.slice(comma + 1);
  // Refuse by the encoded length first, so an oversized payload is never decoded.
  if ((base64 ? Math.floor((payload.length * 3) / 4) - 2 : payload.length) > maxBytes)
    throw tooLarge(maxBytes);
  const data = Buffer.from(payload, base64 ? 'base64' : 'utf8');
  if (data.length > maxBytes) throw tooLarge(maxBytes);
  return data;
}

/**
 * Runs `work` with a signal that aborts at the deadline, and gives up waiting at the deadline even if the
 * work ignores its signal: the deadline covers the whole download, not just the response headers.
 */
export async function withDeadline<T>(
  timeoutMs: number,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      log.warn('attachment.timed-out', { ms: timeoutMs });
      reject(new AttachmentError('unreachable'));
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
    // Stops a body still streaming after a refusal (too large) as well.
    controller.abort();
  }
}

/** Redirects followed at most, each one checked, when `follow` is given. */
const MAX_REDIRECTS = 3;

/**
 * GETs `url` into memory, refusing more than `maxBytes`. Redirects are refused, unless `follow` is given:
 * then up to MAX_REDIRECTS are followed, each only to a URL `follow` allows.
 */
async function download(
  url: string,
  headers: Record<string, string>,
  maxBytes: number,
  signal: AbortSignal,
  follow?: (url: string) => boolean,
): Promise<Buffer> {
  let res: Response;
  let at = url;
  for (let hops = 0; ; hops++) {
    try {
      res = await fetch(at, { headers, redirect: follow ? 'manual' : 'error', signal });
    } catch {
      throw new AttachmentError('unreachable');
    }
    const location = res.headers.get('location');
    if (!follow || res.status < 300 || res.status > 399 || location === null) break;
    void res.body?.cancel().catch(() => undefined);
    const next = URL.canParse(location, at) ? new URL(location, at).href : undefined;
    if (!next || !follow(next)) throw new AttachmentError('not-allowed');
    if (hops + 1 > MAX_REDIRECTS) throw new AttachmentError('unreachable');
    at = next;
  }
  if (!res.ok || !res.body) throw new AttachmentError('unreachable');
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const reader = res.body.getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(Buffer.from(value));
    }
  } catch (err) {
    void reader.cancel().catch(() => undefined);
    throw err instanceof AttachmentError ? err : new AttachmentError('unreachable');
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): AttachmentError {
  return new AttachmentError('too-large', Math.round(maxBytes / 1024 / 1024));
}
