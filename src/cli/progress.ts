import { closeSync, openSync, readSync } from 'node:fs';

/** A bar drawn on a terminal as rows are written; nothing at all when the output is not a terminal. */
export interface Progress {
  rows(added: number): void;
  done(): void;
}

const WIDTH = 30;
/** Redraws at most this often, in ms: a million-row import hands over a batch every few ms. */
const EVERY_MS = 200;

/**
 * A progress bar for importing `path` (`size` bytes) on `out`, when `out` is a terminal. The rows a
 * file holds are estimated from the length of its first lines, so the bar stops at 99% until the
 * import says it is done.
 */
export function progressBar(path: string, size: number, out: NodeJS.WriteStream): Progress {
  if (!out.isTTY) return { rows: () => undefined, done: () => undefined };
  const expected = Math.max(1, Math.round(size / bytesPerLine(path)));
  let written = 0;
  const started = performance.now();
  let drawnAt = -Infinity;
  const draw = (share: number, left = '') => {
    const filled = Math.round(share * WIDTH);
    out.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${written.toLocaleString('en-US')} rows${left}`,
    );
  };
  return {
    rows(added) {
      written += added;
      const now = performance.now();
      if (now - drawnAt < EVERY_MS) return;
      drawnAt = now;
      const share = Math.min(0.99, written / expected);
      draw(share, timeLeft(now - started, share));
    },
    done() {
      if (written > 0) draw(1);
      out.write('\n');
    },
  };
}

/** "· about 12 s left", from the pace so far; nothing until there is a pace to go by. */
function timeLeft(elapsedMs: number, share: number): string {
  if (share <= 0 || elapsedMs <= 0) return '';
  const seconds = Math.ceil((elapsedMs * (1 - share)) / share / 1000);
  const words = seconds >= 90 ? `${Math.round(seconds / 60)} min` : `${seconds} s`;
  return ` · about ${words} left   `;
}

/** Average bytes per line over the file's first 64 kB (at least 1). */
function bytesPerLine(path: string): number {
  const head = Buffer.alloc(65_536);
  const fd = openSync(path, 'r');
  try {
    const got = readSync(fd, head, 0, head.length, 0);
    let lines = 0;
    for (let i = 0; i < got; i++) if (head[i] === 0x0a) lines++;
    return Math.max(1, got / Math.max(1, lines));
  } finally {
    closeSync(fd);
  }
}
