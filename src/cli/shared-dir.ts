import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from '../config.ts';

/**
 * The shared folder of test material (bank fixtures, acceptance statements, reference data, date specs)
 * that sits beside the project: `TALLY_SHARED_DIR`, else `../shared`.
 */
export function sharedDir(...parts: string[]): string {
  const base = process.env.TALLY_SHARED_DIR ? resolve(process.env.TALLY_SHARED_DIR) : resolve(ROOT, '..', 'shared');
  return join(base, ...parts);
}

export function hasSharedDir(): boolean {
  return existsSync(sharedDir());
}
