import type { IncomingMessage } from 'node:http';
import { pipeline, Transform, Writable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** Why a request body was refused, with the status that says so. Client faults only: never a 500. */
export class BodyError extends Error {
  override name = 'BodyError';
  constructor(
    readonly status: 400 | 408 | 413 | 415,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export interface BodyLimits {
  /** Bytes on the wire, before any decoding. */
  maxRawBytes: number;
  /** Bytes after decoding: what a compressed body inflates to. */
  maxBytes: number;
  /** The whole body must arrive within this (a trickling client is cut off). */
  timeoutMs: number;
  /** Deepest nesting of arrays and objects accepted. */
  maxDepth: number;
}

export const DEFAULT_BODY_LIMITS: BodyLimits = {
  maxRawBytes: 4 * 1024 * 1024,
  maxBytes: 4 * 1024 * 1024,
  timeoutMs: 30_000,
  maxDepth: 64,
};

/** Codings we can undo, by their Content-Encoding names. */
const DECODERS: Record<string, () => Transform> = {
  gzip: () => createGunzip(),
  'x-gzip': () => createGunzip(),
  deflate: () => createInflate(),
  br: () => createBrotliDecompress(),
};
const MAX_CODINGS = 2;

/** After refusing a body, bytes still on the way are read and dropped, up to this much, then the connection goes. */
const DISCARD_LIMIT_BYTES = 16 * 1024 * 1024;
const DISCARD_TIMEOUT_MS = 5_000;

const bytesRead = new WeakMap<IncomingMessage, number>();

/** Body bytes received on a request so far (read or dropped), for the access log. */
export function bodyBytesRead(req: IncomingMessage): number {
  return bytesRead.get(req) ?? 0;
}

function addBytesRead(req: IncomingMessage, bytes: number): void {
  bytesRead.set(req, bodyBytesRead(req) + bytes);
}

/**
 * Reads a JSON object from a request as a stream: undoes gzip, deflate or br with limits on the bytes
 * received and on the bytes they inflate to, so neither a large body nor a small compression bomb can take
 * memory; then strict UTF-8, JSON, and a bound on nesting. Every failure is a `BodyError`; the request is
 * left drained (or its connection closed) so the caller can answer at once.
 */
export async function readJsonBody(
  req: IncomingMessage,
  limits: BodyLimits = DEFAULT_BODY_LIMITS,
): Promise<Record<string, unknown>> {
  try {
    checkContentType(req.headers['content-type']);
    const codings = contentCodings(req.headers['content-encoding']);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limits.maxRawBytes) throw new BodyError(413, 'too-large');
    const bytes = await collect(req, codings, limits);
    return parseObject(bytes, limits.maxDepth);
  } catch (err) {
    if (!req.complete) discard(req);
    throw err;
  }
}

function checkContentType(header: string | undefined): void {
  const [type = '', ...params] = (header ?? '').split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') throw new BodyError(415, 'unsupported-media-type');
  for (const param of params) {
    const [name = '', value = ''] = param.split('=').map((p) => p.trim().replace(/^"|"$/g, ''));
    if (name === 'charset' && value !== 'utf-8' && value !== 'utf8')
      throw new BodyError(415, 'unsupported-charset');
  }
}

/** The codings applied, in the order they were applied; identity dropped. */
function contentCodings(header: string | undefined): string[] {
  const codings = (header ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  if (codings.length > MAX_CODINGS || codings.some((c) => !Object.hasOwn(DECODERS, c)))
    throw new BodyError(415, 'unsupported-encoding');
  return codings;
}

function collect(req: IncomingMessage, codings: readonly string[], limits: BodyLimits): Promise<Buffer> {
  if (codings.length === 0) return collectPlain(req, limits);
  return new Promise<Buffer>((resolve, reject) => {
    let raw = 0;
    let size = 0;
    const chunks: Buffer[] = [];
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        raw += chunk.length;
        addBytesRead(req, chunk.length);
        if (raw > limits.maxRawBytes) callback(new BodyError(413, 'too-large'));
        else callback(null, chunk);
      },
    });
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > limits.maxBytes) return callback(new BodyError(413, 'too-large'));
        chunks.push(chunk);
        callback();
      },
    });
    // Decoding runs in reverse of the order the codings were applied.
    const decoders = [...codings].reverse().map((c) => (DECODERS[c] as () => Transform)());
    const stages = [counter, ...decoders, sink];
    let settled = false;
    const settle = (err: Error | null | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('aborted', onAborted);
      req.off('close', onClose);
      req.unpipe(counter);
      for (const stage of stages) {
        // A stage that errs after the answer is decided must not become an uncaught 'error' event.
        stage.on('error', () => undefined);
        if (err) stage.destroy();
      }
      if (!err) return resolve(Buffer.concat(chunks));
      reject(err instanceof BodyError ? err : new BodyError(400, 'malformed-encoding'));
    };
    const onAborted = () => settle(new BodyError(400, 'aborted'));
    const onClose = () => {
      if (!req.complete) settle(new BodyError(400, 'aborted'));
    };
    const timer = setTimeout(() => settle(new BodyError(408, 'timeout')), limits.timeoutMs);
    req.on('aborted', onAborted);
    req.on('close', onClose);
    pipeline(stages, settle);
    req.pipe(counter);
  });
}

/**
 * A body sent as it is (what channels send): its chunks read straight off the request, with the same
 * limits, timeout and failures as the decoding pipeline above. That pipeline's stages and the abort signal
 * it makes to tear them down cost more than the rest of reading a small activity.
 */
function collectPlain(req: IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const limit = Math.min(limits.maxRawBytes, limits.maxBytes);
    let size = 0;
    const chunks: Buffer[] = [];
    let settled = false;
    const settle = (err?: BodyError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('aborted', onAborted);
      req.off('close', onClose);
      // The error listener stays: a request that fails after its answer is decided is not a crash.
      if (err) return reject(err);
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      addBytesRead(req, chunk.length);
      if (size <= limit) return void chunks.push(chunk);
      // What is still on the way is for `discard` to drop.
      req.pause();
      settle(new BodyError(413, 'too-large'));
    };
    const onEnd = () => settle();
    const onAborted = () => settle(new BodyError(400, 'aborted'));
    const onClose = () => {
      if (!req.complete) settle(new BodyError(400, 'aborted'));
    };
    // As the pipeline reports a failing request stream.
    const onError = () => settle(new BodyError(400, 'malformed-encoding'));
    const timer = setTimeout(() => settle(new BodyError(408, 'timeout')), limits.timeoutMs);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('aborted', onAborted);
    req.on('close', onClose);
    req.on('error', onError);
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseObject(bytes: Buffer, maxDepth: number): Record<string, unknown> {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new BodyError(400, 'invalid-utf8');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BodyError(400, 'invalid-json');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BodyError(400, 'not-an-object');
  if (depthOf(value) > maxDepth) throw new BodyError(400, 'too-deep');
  return value as Record<string, unknown>;
}

/** Nesting depth of a parsed JSON value, without recursion (so a deep value cannot overflow the stack). */
export function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, depth] = top;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > deepest) deepest = depth;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/**
 * Reads and drops what is left of a refused request so the connection can carry the answer (and the next
 * request); a client that keeps sending past a bound loses the connection instead.
 */
export function discard(req: IncomingMessage): void {
  if (req.complete || req.destroyed) return;
  let dropped = 0;
  const timer = setTimeout(() => req.destroy(), DISCARD_TIMEOUT_MS);
  const onData = (chunk: Buffer) => {
    dropped += chunk.length;
    addBytesRead(req, chunk.length);
    if (dropped > DISCARD_LIMIT_BYTES) req.destroy();
  };
  req.on('data', onData);
  req.once('close', () => {
    clearTimeout(timer);
    req.off('data', onData);
  });
  req.on('error', () => undefined);
  req.resume();
}
