/**
 * Keeps the masked `.lu` examples in a file between start-ups. Masking runs every example through the
 * entity finders, which loads the slow date recognizer and was most of what start-up spent understanding
 * language. The file is named by a hash of everything masking reads — the examples with their marked
 * entities, the synonym and merchant files, the day (periods are read against it) and the code itself
 * (every source file of the running build) — so any change masks afresh and the result is always what
 * masking now would give.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCacheFile } from './cache-file.ts';
import type { LabelledText } from './classifier.ts';

/** Bumped when the file layout changes. */
const FORMAT = 1;
/** The root of the running code: `src/` under tsx, `dist/` when compiled. */
const CODE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Folders whose code never runs in masking: the Web Chat page bundle is large and would only slow the hash. */
const SKIPPED = new Set(['web', 'node_modules']);

/** Every file under `dir` whose name passes `keep`, in a fixed order, into the hash. */
function hashTree(h: ReturnType<typeof createHash>, dir: string, keep: (name: string) => boolean): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED.has(e.name)) hashTree(h, path, keep);
    } else if (keep(e.name)) {
      h.update(`${path}\0`);
      h.update(readFileSync(path));
    }
  }
}

function fileOrNothing(file: string): Buffer | string {
  try {
    return readFileSync(file);
  } catch {
    return '';
  }
}

/**
 * The key for masking these inputs with this code on this day: `files` are read whole, `dataDir` is every
 * file in it (the category and merchant tables the finders read), the code is every source file.
 */
export function maskingKey(
  inputs: unknown,
  o: { files: readonly string[]; dataDir: string; today: string },
): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ format: FORMAT, today: o.today, inputs }));
  for (const f of o.files) h.update(fileOrNothing(f));
  hashTree(h, o.dataDir, () => true);
  hashTree(h, CODE_ROOT, (name) => /\.(ts|js|mjs|cjs)$/.test(name));
  return h.digest('hex').slice(0, 24);
}

/**
 * The masked examples: read from `dir` when it holds them for exactly this key, otherwise made by `mask`
 * and stored there (a folder that cannot be written only costs the next start-up).
 */
export function cachedMasking(
  key: string,
  dir: string,
  mask: () => LabelledText[],
): { examples: LabelledText[]; loaded: boolean } {
  const file = join(dir, `masked-${key}.json`);
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (Array.isArray(stored) && stored.every(isLabelledText)) return { examples: stored, loaded: true };
  } catch {
    // Not there yet, or unreadable: masked afresh below.
  }
  const examples = mask();
  writeCacheFile(file, JSON.stringify(examples));
  return { examples, loaded: false };
}

function isLabelledText(x: unknown): x is LabelledText {
  const o = x as LabelledText | null;
  return typeof o === 'object' && o !== null && typeof o.text === 'string' && typeof o.label === 'string';
}
