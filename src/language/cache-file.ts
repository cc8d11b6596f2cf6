/**
 * Writes one file of `.cache/` whole or not at all: to a temporary name first, then renamed, so a start-up
 * running beside this one never reads half a file. A folder that cannot be written is not an error: the
 * work is only done again at the next start-up.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeCacheFile(file: string, data: string | Uint8Array): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, data);
    renameSync(partial, file);
  } catch {
    // Read-only install: made again next time.
  }
}
