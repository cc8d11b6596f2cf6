import { AttachmentError } from '../conversation/link.ts';
import type { Attachment } from '../conversation/types.ts';

/**
 * Downloads a file the user attached, only from the channel's own attachment service (same origin as the
 * activity's serviceUrl) or inline base64 data, and never more than `maxBytes`.
 */
export async function fetchAttachment(
  attachment: Attachment,
  serviceUrl: string | undefined,
  maxBytes: number,
  token?: () => Promise<string | undefined>,
): Promise<Buffer> {
  const limitMb = Math.round(maxBytes / 1024 / 1024);
  const url = attachment.contentUrl;
  if (url?.startsWith('data:')) {
    const comma = url.indexOf(',');
    const data = Buffer.from(url.slice(comma + 1), url.slice(0, comma).includes(';base64') ? 'base64' : 'utf8');
    if (data.length > maxBytes) throw new AttachmentError('too-large', limitMb);
    return data;
  }
  if (!url || !serviceUrl || !sameOrigin(url, serviceUrl)) throw new AttachmentError('not-allowed');
  const headers: Record<string, string> = {};
  const bearer = await token?.();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  let res: Response;
  try {
    res = await fetch(url, { headers, redirect: 'error', signal: AbortSignal.timeout(30_000) });
  } catch {
    throw new AttachmentError('unreachable');
  }
  if (!res.ok || !res.body) throw new AttachmentError('unreachable');
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new AttachmentError('too-large', limitMb);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) throw new AttachmentError('too-large', limitMb);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

function sameOrigin(a: string, b: string): boolean {
  try {
    const ua = new URL(a);
    const ub = new URL(b);
    const local = (h: string) => ['localhost', '127.0.0.1', '[::1]'].includes(h);
    // The Emulator names its own service "localhost" or "127.0.0.1" interchangeably.
    const hostOk = ua.hostname === ub.hostname || (local(ua.hostname) && local(ub.hostname));
    return ua.protocol === ub.protocol && hostOk && ua.port === ub.port;
  } catch {
    return false;
  }
}
