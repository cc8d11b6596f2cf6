/**
 * Databases for the scaling section: fewer users through the importer (as build-db.ts builds them), and
 * more users by copying the built ones under new ids inside SQLite (importing three million rows one
 * statement at a time would take longer than the rest of the benchmark). A copied user has the same
 * rows as the one copied, which is all that matters here: every query is per user, and what grows is the
 * table and its indexes.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { userId } from './generate.ts';

/** Users copied: rows keep their values; ids of users, accounts and import batches move by an offset. */
const COPIED = ['users', 'accounts', 'import_batches', 'transactions', 'balances'] as const;

/**
 * Writes `target` holding `times` × the users of `base` (users `n..2n-1` copy `0..n-1`, and so on),
 * unless it exists already. Returns the number of transactions it holds.
 */
export function multiplyDatabase(base: string, baseUsers: number, times: number, target: string): number {
  if (!existsSync(target)) {
    const partial = `${target}.partial`;
    for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
    copyFileSync(base, partial);
    const db = new Database(partial);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = OFF');
    db.pragma('cache_size = -262144');
    const columns = (table: string) =>
      (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
    const maxId = (table: string) => db.prepare(`SELECT max(id) FROM ${table}`).pluck().get() as number;
    const accountStep = maxId('accounts');
    const batchStep = maxId('import_batches');
    db.exec('CREATE TEMP TABLE user_map (old TEXT NOT NULL, new TEXT NOT NULL, copy INTEGER NOT NULL)');
    const map = db.prepare('INSERT INTO user_map VALUES (?, ?, ?)');
    db.transaction(() => {
      for (let copy = 1; copy < times; copy++)
        for (let i = 0; i < baseUsers; i++) map.run(userId(i), userId(copy * baseUsers + i), copy);
      for (const table of COPIED) {
        const cols = columns(table);
        const value = (c: string) => {
          if (c === 'user_id' || (table === 'users' && c === 'id')) return 'm.new';
          if (c === 'account_id' || (table === 'accounts' && c === 'id'))
            return `t.${c} + m.copy * ${accountStep}`;
          if (c === 'batch_id' || (table === 'import_batches' && c === 'id'))
            return `t.${c} + m.copy * ${batchStep}`;
          if (table === 'transactions' && c === 'id') return 'NULL';
          return `t.${c}`;
        };
        const key = table === 'users' ? 'id' : 'user_id';
        db.exec(
          `INSERT INTO ${table} (${cols.join(', ')}) SELECT ${cols.map(value).join(', ')}
           FROM user_map m JOIN ${table} t ON t.${key} = m.old ORDER BY m.copy${table === 'transactions' ? ', t.id' : ''}`,
        );
      }
    })();
    db.pragma('optimize');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    for (const suffix of ['-wal', '-shm']) rmSync(partial + suffix, { force: true });
    renameSync(partial, target);
  }
  const db = new Database(target, { readonly: true });
  const rows = db.prepare('SELECT count(*) FROM transactions').pluck().get() as number;
  db.close();
  return rows;
}
