import { describe, expect, it } from 'vitest';
import { openDatabase, PAGE_CACHE_KIB } from '../../src/store/db.ts';
import { BULK_CACHE_KIB } from '../../src/store/ledger.ts';
import { tempDbFile } from '../helpers/store.ts';

describe('a store connection', () => {
  it('keeps an 8 MB page cache, not the 64 MB that cost a server resident memory for no speed', () => {
    const db = openDatabase(':memory:');
    try {
      expect(PAGE_CACHE_KIB).toBe(-8192);
      expect(db.pragma('cache_size', { simple: true })).toBe(-8192);
      // A bulk import sets its own for the length of the import, at least as large.
      expect(BULK_CACHE_KIB).toBeLessThanOrEqual(PAGE_CACHE_KIB);
    } finally {
      db.close();
    }
  });

  it('reads files through the page cache, not memory-mapped (mapped pages would count as resident)', () => {
    const temp = tempDbFile();
    const db = openDatabase(temp.file);
    try {
      expect(db.pragma('mmap_size', { simple: true })).toBe(0);
    } finally {
      db.close();
      temp.remove();
    }
  });
});
