/**
 * Chart images as Tally serves them. During a turn a chart costs one database row: the card gets
 * `<public url>/charts/<id>.png`, and the image is drawn in the render pool only when the channel fetches
 * it, then kept in a small cache.
 *
 * Why an unguessable id is the whole check: Bot Framework channels (Teams, Web Chat, the Emulator) fetch
 * card images themselves, without the person's credentials, so no request can prove who is asking. The id
 * is therefore a capability: 128 random bits, mapped server-side to whose chart it is, what it shows and
 * when it stops working (an hour by default, then 404). The URL carries no user id and no figure; the
 * spec lives under the person's user_id and goes with "delete my data".
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import type { ChartRenderer } from '../conversation/types.ts';
import { log } from '../log.ts';
import type { Store } from '../store/index.ts';
import { ImageCache } from './cache.ts';
import type { RenderPool } from './pool.ts';
import { parseChartSpec, type ChartSpec } from './spec.ts';

export interface ChartServiceOptions {
  store: Store;
  pool: RenderPool;
  images: 'url' | 'inline';
  /** Base of image URLs, without a trailing slash; read when a chart is issued (the port is known by then). */
  baseUrl: () => string;
  ttlMs: number;
  cache?: ImageCache;
  now?: () => Date;
}

export interface ChartImage {
  png: Buffer;
  expiresAt: Date;
}

/** 16 random bytes as base64url: 22 characters. */
const ID = /^[A-Za-z0-9_-]{22}$/;

type BarInput = Parameters<ChartRenderer['bar']>[0];
type LineInput = Parameters<ChartRenderer['line']>[0];

export class ChartService {
  /** Whose turn is running, so the shared renderer knows whom an image is for. */
  private readonly owner = new AsyncLocalStorage<string>();
  private readonly cache: ImageCache;
  private readonly now: () => Date;

  constructor(private readonly options: ChartServiceOptions) {
    this.cache = options.cache ?? new ImageCache();
    this.now = options.now ?? (() => new Date());
  }

  /** A renderer for one person's charts. */
  forUser(userId: string): ChartRenderer {
    return {
      bar: (input) => this.issue(userId, barSpec(input)),
      line: (input) => this.issue(userId, lineSpec(input)),
    };
  }

  /**
   * The renderer to hand to the conversation once: it issues images to the person whose turn is running
   * (see `turnMiddleware`). Outside a turn there is nobody to bind an id to, so it falls back to an
   * inline image rather than an id owned by no one.
   */
  renderer(): ChartRenderer {
    const forOwner = (spec: ChartSpec) => {
      const userId = this.owner.getStore();
      if (userId) return this.issue(userId, spec);
      log.debug('chart.inline-without-owner', {});
      return this.inline(spec);
    };
    return { bar: (input) => forOwner(barSpec(input)), line: (input) => forOwner(lineSpec(input)) };
  }

  /** Bot middleware (adapter.use) that runs each turn as its sender's. */
  readonly turnMiddleware = (
    context: { activity: { from?: { id?: string } } },
    next: () => Promise<void>,
  ): Promise<void> => {
    const userId = context.activity.from?.id;
    return userId ? this.owner.run(userId, next) : next();
  };

  /** Runs `work` as `userId`'s turn (tests, and callers outside the bot middleware). */
  runAs<T>(userId: string, work: () => Promise<T>): Promise<T> {
    return this.owner.run(userId, work);
  }

  /** The image behind an id, drawn (or taken from the cache) now; undefined when unknown or expired. */
  async image(id: string): Promise<ChartImage | undefined> {
    if (!ID.test(id)) return undefined;
    // Looked up on every request, cache hit or not, so expiry and deleted data are honoured at once.
    const stored = await this.options.store.charts.find(id, this.now());
    if (!stored) {
      this.cache.delete(id);
      return undefined;
    }
    const spec = parseChartSpec(stored.specJson);
    if (!spec) return undefined;
    const png = await this.cache.get(id, async () => {
      const drawn = await this.options.pool.render(spec);
      log.debug('chart.rendered', {
        kind: spec.kind,
        ms: Math.round(drawn.ms * 10) / 10,
        bytes: drawn.png.length,
      });
      return drawn.png;
    });
    return { png, expiresAt: stored.expiresAt };
  }

  /** Whether an id's image is in the cache (for tests and figures). */
  cached(id: string): boolean {
    return this.cache.has(id);
  }

  private async issue(userId: string, spec: ChartSpec): Promise<string> {
    if (this.options.images === 'inline') return this.inline(spec);
    // No render thread is started here: one holds about 60 MB while it runs, and a turn that only links
    // an image needs none. The channel's fetch starts it (that first image waits ~0.3 s for it), and it
    // stops after a minute with nothing to draw.
    const id = randomBytes(16).toString('base64url');
    const now = this.now();
    await this.options.store.charts.save(
      userId,
      id,
      JSON.stringify(spec),
      new Date(now.getTime() + this.options.ttlMs),
      now,
    );
    return `${this.options.baseUrl()}/charts/${id}.png`;
  }

  private async inline(spec: ChartSpec): Promise<string> {
    const { png } = await this.options.pool.render(spec);
    return `data:image/png;base64,${png.toString('base64')}`;
  }
}

/** Only the fields a chart draws are kept: nothing else the caller passed ends up stored. */
function barSpec(input: BarInput): ChartSpec {
  const { title, labels, values, currency, horizontal } = input;
  return { kind: 'bar', input: { title, labels, values, currency, horizontal } };
}

function lineSpec(input: LineInput): ChartSpec {
  const { title, labels, series, currency } = input;
  return {
    kind: 'line',
    input: { title, labels, series: series.map((s) => ({ name: s.name, values: s.values })), currency },
  };
}
