import type { IncomingMessage } from 'node:http';

/**
 * A token bucket per client address: `burst` requests at once, then one every `refillMs`. The table of
 * addresses is bounded; when it is full, buckets that have refilled completely are dropped first.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly refillMs: number,
    private readonly maxClients = 10_000,
  ) {}

  /** Takes one request's worth for `client`: 0 when allowed, else the milliseconds until one is. */
  take(client: string, now = Date.now()): number {
    const bucket = this.buckets.get(client) ?? { tokens: this.burst, at: now };
    const tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) / this.refillMs);
    if (tokens < 1) {
      this.buckets.set(client, { tokens, at: now });
      return Math.ceil((1 - tokens) * this.refillMs);
    }
    this.buckets.delete(client);
    this.buckets.set(client, { tokens: tokens - 1, at: now });
    if (this.buckets.size > this.maxClients) this.prune(now);
    return 0;
  }

  private prune(now: number): void {
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) / this.refillMs >= this.burst) this.buckets.delete(client);
    }
    // Still full: the least recently seen go (the map keeps insertion order, and every take re-inserts).
    for (const client of this.buckets.keys()) {
      if (this.buckets.size <= this.maxClients) break;
      this.buckets.delete(client);
    }
  }
}

/**
 * The address a request came from. Behind a reverse proxy on this machine every request arrives from
 * loopback, so there (and only there) the last hop the proxy added to X-Forwarded-For is used instead.
 */
export function clientAddress(req: IncomingMessage): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (!isLoopbackAddress(peer)) return peer;
  const forwarded = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  return hops.at(-1) ?? peer;
}

export function isLoopbackAddress(address: string): boolean {
  return address === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}
