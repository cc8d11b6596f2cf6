/** How chart images reach the channel, read from the environment once at start-up. */
import { ConfigError, setting } from '../config.ts';

export interface ChartSettings {
  /**
   * `url` (default): cards carry `<publicUrl>/charts/<id>.png` and the image is drawn when the channel
   * fetches it. `inline`: cards carry the PNG as a `data:` URI, drawn during the turn (in the render
   * pool), for channels that cannot fetch images from Tally.
   */
  images: 'url' | 'inline';
  /** Base of image URLs as channels reach Tally; undefined means `http://localhost:<port>`. */
  publicUrl: string | undefined;
  /** How long an image URL works. */
  ttlMs: number;
  /** Render threads at most. */
  threads: number | undefined;
}

/**
 * `TALLY_CHART_IMAGES` (`url` | `inline`), `TALLY_PUBLIC_URL` (e.g. `https://tally.example.com`),
 * `TALLY_CHART_TTL_MINUTES` (default 60), `TALLY_CHART_THREADS` (default: cores − 1, 1–2).
 */
export function loadChartSettings(env: NodeJS.ProcessEnv = process.env): ChartSettings {
  const get = (name: string): string | undefined => setting(env, name);
  const images = (get('TALLY_CHART_IMAGES') ?? 'url').toLowerCase();
  if (images !== 'url' && images !== 'inline')
    throw new ConfigError(`TALLY_CHART_IMAGES must be url or inline, got "${env.TALLY_CHART_IMAGES}"`);
  const publicUrl = get('TALLY_PUBLIC_URL');
  if (publicUrl !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(publicUrl);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.search || parsed.hash) {
      throw new ConfigError(
        `TALLY_PUBLIC_URL must be an http(s) address such as https://tally.example.com, got "${publicUrl}"`,
      );
    }
  }
  const minutes = Number(get('TALLY_CHART_TTL_MINUTES') ?? 60);
  if (!(minutes > 0))
    throw new ConfigError(
      `TALLY_CHART_TTL_MINUTES must be a positive number, got "${env.TALLY_CHART_TTL_MINUTES}"`,
    );
  const threadSetting = get('TALLY_CHART_THREADS');
  const threads = threadSetting === undefined ? undefined : Number(threadSetting);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= 16)) {
    throw new ConfigError(
      `TALLY_CHART_THREADS must be a whole number from 1 to 16, got "${env.TALLY_CHART_THREADS}"`,
    );
  }
  return { images, publicUrl: publicUrl?.replace(/\/+$/, ''), ttlMs: Math.round(minutes * 60_000), threads };
}
