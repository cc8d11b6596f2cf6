/**
 * Recently drawn chart images by id, least recently used first out, bounded by count and by bytes, so a
 * channel that fetches the same image several times (a preview, then the card, then a retry) costs one
 * render. Concurrent requests for one id share one render; a failed render is not remembered.
 */
export interface LruOptions {
  /** Entries kept at most. */
  capacity: number;
  /** Total bytes kept at most (an entry larger than this is served but not kept). */
  maxBytes: number;
}

export class ImageCache {
  private readonly done = new Map<string, Buffer>();
  private readonly pending = new Map<string, Promise<Buffer>>();
  private bytes = 0;

  constructor(private readonly options: LruOptions = { capacity: 200, maxBytes: 32 * 1024 * 1024 }) {}

  /** The cached bytes for `key`, else the result of `make` (shared with any caller already waiting). */
  async get(key: string, make: () => Promise<Buffer>): Promise<Buffer> {
    const hit = this.done.get(key);
    if (hit) {
      this.done.delete(key);
      this.done.set(key, hit);
      return hit;
    }
    const waiting = this.pending.get(key);
    if (waiting) return waiting;
    const made = make().then(
      (value) => {
        this.pending.delete(key);
        this.keep(key, value);
        return value;
      },
      (err: unknown) => {
        this.pending.delete(key);
        throw err;
      },
    );
    this.pending.set(key, made);
    return made;
  }

  has(key: string): boolean {
    return this.done.has(key);
  }

  /** Forgets one entry (its chart expired or its owner's data was deleted). */
  delete(key: string): void {
    const value = this.done.get(key);
    if (!value) return;
    this.done.delete(key);
    this.bytes -= value.length;
  }

  get size(): number {
    return this.done.size;
  }

  private keep(key: string, value: Buffer): void {
    if (value.length > this.options.maxBytes) return;
    this.done.set(key, value);
    this.bytes += value.length;
    while (this.done.size > this.options.capacity || this.bytes > this.options.maxBytes) {
      const oldest = this.done.keys().next().value as string;
      this.delete(oldest);
    }
  }
}
