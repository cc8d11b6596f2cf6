import type { IncomingMessage } from 'node:http';
import { BodyError, discard } from '../../http/body.ts';

/** One part of a multipart/form-data body. */
export interface Part {
  /** The form field's name (`activity`, `file`). */
  field: string;
  filename?: string;
  contentType: string;
  data: Buffer;
}

export interface MultipartLimits {
  /** The whole body, every part and boundary included. */
  maxBytes: number;
  maxParts: number;
  timeoutMs: number;
}

/**
 * Reads a multipart/form-data body (what DirectLineJS sends to `upload`): counted as it streams in, so a
 * body past `maxBytes` is refused (413) as soon as it gets there, never held; then split into parts.
 * Every failure is a BodyError; the request is left drained (or its connection closed).
 */
export async function readMultipart(req: IncomingMessage, limits: MultipartLimits): Promise<Part[]> {
  try {
    const boundary = boundaryOf(req.headers['content-type']);
    const coding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (coding !== 'identity') throw new BodyError(415, 'unsupported-encoding');
    if (Number(req.headers['content-length'] ?? 0) > limits.maxBytes) throw new BodyError(413, 'too-large');
    const body = await collect(req, limits);
    return splitParts(body, boundary, limits.maxParts);
  } catch (err) {
    if (!req.complete) discard(req);
    throw err;
  }
}

function boundaryOf(header: string | undefined): string {
  const [type = '', ...params] = (header ?? '').split(';').map((p) => p.trim());
  if (type.toLowerCase() !== 'multipart/form-data') throw new BodyError(415, 'unsupported-media-type');
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'boundary') continue;
    const value = param
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (/^[0-9A-Za-z'()+_,./:=? -]{1,70}$/.test(value) && !value.endsWith(' ')) return value;
  }
  throw new BodyError(400, 'missing-boundary');
}

function collect(req: IncomingMessage, limits: MultipartLimits): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (err?: BodyError) => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('aborted', onAborted);
      req.off('close', onClose);
      if (err) reject(err);
      else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBytes) return finish(new BodyError(413, 'too-large'));
      chunks.push(chunk);
    };
    const onEnd = () => finish();
    const onAborted = () => finish(new BodyError(400, 'aborted'));
    const onClose = () => {
      if (!req.complete) finish(new BodyError(400, 'aborted'));
    };
    const timer = setTimeout(() => finish(new BodyError(408, 'timeout')), limits.timeoutMs);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('aborted', onAborted);
    req.on('close', onClose);
  });
}

const CRLF = Buffer.from('\r\n');
const HEADERS_END = Buffer.from('\r\n\r\n');

/** Splits a whole multipart body into its parts (RFC 7578); anything out of shape is a 400. */
export function splitParts(body: Buffer, boundary: string, maxParts: number): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const between = Buffer.from(`\r\n--${boundary}`);
  let at = body.indexOf(delimiter);
  if (at < 0) throw new BodyError(400, 'malformed-multipart');
  at += delimiter.length;
  const parts: Part[] = [];
  for (;;) {
    if (body.subarray(at, at + 2).toString('latin1') === '--') return parts;
    // Transport padding may follow a delimiter before its line break.
    while (body[at] === 0x20 || body[at] === 0x09) at += 1;
    if (!body.subarray(at, at + 2).equals(CRLF)) throw new BodyError(400, 'malformed-multipart');
    at += 2;
    const headersEnd = body.indexOf(HEADERS_END, at);
    const next = body.indexOf(between, at);
    if (next < 0) throw new BodyError(400, 'malformed-multipart');
    let dataStart: number;
    let headerText: string;
    if (body.subarray(at, at + 2).equals(CRLF)) {
      headerText = '';
      dataStart = at + 2;
    } else {
      if (headersEnd < 0 || headersEnd > next) throw new BodyError(400, 'malformed-multipart');
      headerText = body.subarray(at, headersEnd).toString('utf8');
      dataStart = headersEnd + 4;
    }
    if (parts.length >= maxParts) throw new BodyError(413, 'too-many-parts');
    parts.push({ ...partHeaders(headerText), data: body.subarray(dataStart, next) });
    at = next + between.length;
  }
}

function partHeaders(text: string): Omit<Part, 'data'> {
  let field: string | undefined;
  let filename: string | undefined;
  let contentType = 'application/octet-stream';
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-type' && value)
      contentType = value.split(';')[0]?.trim().toLowerCase() || contentType;
    if (name !== 'content-disposition') continue;
    field = dispositionParam(value, 'name');
    filename = dispositionParam(value, 'filename');
  }
  if (!field) throw new BodyError(400, 'malformed-multipart');
  return { field, ...(filename !== undefined ? { filename } : {}), contentType };
}

/** A parameter of a Content-Disposition value, quoted or not (browsers escape `"` as `%22`). */
function dispositionParam(value: string, param: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${param}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i').exec(
    value,
  );
  if (!match) return undefined;
  const raw = match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? '');
  return raw.replace(/%22/g, '"');
}
