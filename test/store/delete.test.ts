/**
 * "Delete my data" removes every row about the person, in every table there is (enumerated from
 * sqlite_master, so a table added later is checked too), and leaves none of their bytes in the database
 * file or its write-ahead log.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTally, type RunningTally } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { setLogLevel } from '../../src/log.ts';
import { openStore } from '../../src/open-store.ts';
import { importStatement } from '../../src/ingest/importer.ts';
import type { Store } from '../../src/store/index.ts';
import { messageActivity, postActivity, startChannel, type FakeChannel } from '../helpers/channel.ts';
import { countRows, dbOf } from '../helpers/db.ts';
import { tempDbFile } from '../helpers/store.ts';

const NOW = new Date('2026-03-10T12:00:00Z');

/** Alice's statement: descriptions nobody else has, and one shop (Starbucks) that Bob uses too. */
const ALICE_CSV = [
  'Date,Description,Amount',
  '2026-02-02,QUILLFEATHER TEAROOM 8812 PORTLAND OR,-23.40',
  '2026-02-05,ZANTHOXYLUM NOODLE HOUSE SEATTLE WA,-41.15',
  '2026-02-09,MARROWBONE VELODROME SUPPLY CO,-4999.99',
  '2026-02-11,STARBUCKS STORE 10442 SEATTLE WA,-6.25',
  '2026-02-14,QUILLFEATHER TEAROOM 8812 PORTLAND OR,-18.90',
  '2026-02-27,PAYROLL OBSIDIANWREN LABS,3200.00',
].join('\n');
const ALICE_TEXTS = [
  'QUILLFEATHER TEAROOM',
  'ZANTHOXYLUM NOODLE',
  'MARROWBONE VELODROME',
  'OBSIDIANWREN',
  'Heliotrope Reserve Card',
];

const BOB_CSV = [
  'Date,Description,Amount',
  '2026-02-03,STARBUCKS STORE 10442 SEATTLE WA,-5.10',
  '2026-02-06,PEPPERCORNWALD HARDWARE,-77.00',
].join('\n');

async function importFor(store: Store, userId: string, account: string, csv: string): Promise<void> {
  const bytes = Buffer.from(`${csv}\n`);
  await importStatement(store, {
    userId,
    accountName: account,
    accountType: 'credit_card',
    fileName: 'statement.csv',
    bytes,
    now: NOW,
  });
}

/** Everything a person can leave behind: consent, a ledger, a rule, alert bookkeeping, references and bot state. */
async function fill(
  store: Store,
  userId: string,
  account: string,
  csv: string,
  merchant: string,
): Promise<void> {
  await store.users.recordConsent(userId, NOW);
  await importFor(store, userId, account, csv);
  await store.ledger.setUserCategory(userId, merchant, 'FOOD_AND_DRINK_COFFEE', NOW);
  await store.reach.saveReference(
    userId,
    `dm-${userId}`,
    { conversation: { id: `dm-${userId}` }, user: { id: userId } },
    NOW,
  );
  await store.reach.claimFindings(userId, [`unusual:${userId}:1`]);
  await store.ledger.markAlertsDone((await store.ledger.batchesAwaitingAlerts()).map((b) => b.batchId));
  // One conversation Tally can reach, and one inline-reply conversation it never stored a reference for.
  await store.state.write(
    new Map([
      [
        `emulator/conversations/dm-${userId}/users/${userId}`,
        { value: { tally: { last: { merchant } } }, userId },
      ],
      [
        `emulator/conversations/inline-${userId}/users/${userId}`,
        { value: { tally: { pending: { kind: 'confirm-delete' } } }, userId },
      ],
    ]),
  );
}

/** Every (table, column) whose value is, or contains, one of `needles`, over every table in the file. */
function mentions(store: Store, needles: readonly string[]): string[] {
  const db = dbOf(store);
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  const hits: string[] = [];
  for (const table of tables) {
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
    for (const column of columns) {
      for (const needle of needles) {
        const n = db
          .prepare(
            `SELECT count(*) FROM "${table}" WHERE instr(CAST("${column}" AS BLOB), CAST(? AS BLOB)) > 0`,
          )
          .pluck()
          .get(needle) as number;
        if (n > 0) hits.push(`${table}.${column} ~ ${needle}`);
      }
    }
  }
  return hits;
}

/** The database file and its write-ahead log, as bytes on disk. */
function fileBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
}

describe('deleting everything about a person', () => {
  let temp: ReturnType<typeof tempDbFile>;
  let store: Store;
  let aliceMerchants: string[];

  beforeEach(async () => {
    temp = tempDbFile();
    store = await openStore(temp.file);
    await fill(store, 'alice', 'Heliotrope Reserve Card', ALICE_CSV, 'Quillfeather Tearoom');
    // An id that a careless LIKE on "alice" would also catch.
    await fill(store, 'alice_2', 'Everyday', BOB_CSV, 'Starbucks');
    aliceMerchants = (await store.queries.merchants('alice')).map((m) => m.name);
    // Planner statistics keep sample index entries (ids, names) in sqlite_stat4.
    dbOf(store).exec('ANALYZE');
  });
  afterEach(() => {
    store.close();
    temp.remove();
  });

  it('leaves no row in any table with their id, names or descriptions, and keeps everyone else', async () => {
    expect(aliceMerchants).toEqual(expect.arrayContaining(['Starbucks']));
    const onlyAlice = aliceMerchants.filter((m) => m !== 'Starbucks');
    expect(onlyAlice.length).toBeGreaterThanOrEqual(3);
    const needles = ['alice', ...ALICE_TEXTS, ...onlyAlice];
    expect(mentions(store, needles).length, 'the fill put alice everywhere').toBeGreaterThan(12);
    // Statistics are nobody's data: samples that hold "alice" (so also "alice_2") are dropped with hers.
    const others = () =>
      mentions(store, ['alice_2', 'PEPPERCORNWALD']).filter((hit) => !hit.startsWith('sqlite_stat'));
    const otherBefore = others();

    const counts = await store.users.deleteAll('alice');

    expect(counts).toEqual({ accounts: 1, transactions: 6, balances: 0, rules: 1, conversations: 1 });
    // "alice_2" contains "alice": rows of alice_2 are expected to match, so alice is looked for exactly.
    const db = dbOf(store);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all() as string[];
    expect(tables.length).toBeGreaterThanOrEqual(11);
    for (const table of tables) {
      for (const column of db
        .prepare('SELECT name FROM pragma_table_info(?)')
        .pluck()
        .all(table) as string[]) {
        expect(countRows(store, `"${table}"`, `"${column}" = ?`, 'alice'), `${table}.${column}`).toBe(0);
        expect(
          countRows(store, `"${table}"`, `CAST("${column}" AS TEXT) LIKE ?`, '%/users/alice'),
          `${table}.${column} key`,
        ).toBe(0);
      }
    }
    expect(mentions(store, [...ALICE_TEXTS, ...onlyAlice])).toEqual([]);
    // The shop both of them used stays; everything of alice_2's stays.
    expect(countRows(store, 'merchants', 'name = ?', 'Starbucks')).toBe(1);
    expect(others()).toEqual(otherBefore);
    expect(countRows(store, 'transactions', 'user_id = ?', 'alice_2')).toBe(2);
    expect(countRows(store, 'bot_state', 'user_id = ?', 'alice_2')).toBe(2);
    expect(await store.reach.latestReference('alice_2')).toEqual({
      conversation: { id: 'dm-alice_2' },
      user: { id: 'alice_2' },
    });
  });

  it('overwrites the deleted bytes: neither the .db file nor its -wal holds their descriptions', async () => {
    const before = fileBytes(temp.file);
    for (const text of ALICE_TEXTS) expect(before.includes(text), `${text} is on disk before`).toBe(true);

    await store.users.deleteAll('alice');
    const gone = [...ALICE_TEXTS, ...aliceMerchants.filter((m) => m !== 'Starbucks')];
    // While the server still runs (the log is truncated, not just left to be overwritten) and after it stops.
    const open = fileBytes(temp.file);
    expect(existsSync(`${temp.file}-wal`) ? readFileSync(`${temp.file}-wal`).length : 0).toBe(0);
    store.close();
    const closed = fileBytes(temp.file);
    for (const [when, bytes] of [
      ['open', open],
      ['closed', closed],
    ] as const) {
      for (const text of gone) expect(bytes.includes(text), `${text} is still on disk (${when})`).toBe(false);
      expect(bytes.includes('PEPPERCORNWALD HARDWARE'), `the other person is still there (${when})`).toBe(
        true,
      );
    }
  });

  it('lets the person link again afterwards, the same statement and the same shops', async () => {
    await store.users.deleteAll('alice');
    expect(await store.users.get('alice')).toBeUndefined();

    await importFor(store, 'alice', 'Heliotrope Reserve Card', ALICE_CSV);
    expect(countRows(store, 'transactions', 'user_id = ?', 'alice')).toBe(6);
    expect((await store.queries.merchants('alice')).map((m) => m.name).sort()).toEqual(
      [...aliceMerchants].sort(),
    );
    // The merchant ids read back are the rows that exist now, not ones cached before the delete.
    expect(
      countRows(
        store,
        'transactions t',
        "t.user_id = 'alice' AND NOT EXISTS (SELECT 1 FROM merchants m WHERE m.id = t.merchant_id)",
      ),
    ).toBe(0);
  });

  it('a message alone creates nobody: no reference and no alert setting is stored for an unknown person', async () => {
    await store.users.deleteAll('alice');
    expect(
      await store.reach.saveReference('alice', 'dm-alice', { conversation: { id: 'dm-alice' } }, NOW),
    ).toBe(false);
    await store.users.setAlerts('alice', false);
    expect(await store.users.get('alice')).toBeUndefined();
    expect(countRows(store, 'conversation_refs', 'user_id = ?', 'alice')).toBe(0);
  });
});

describe('deleting everything through the bot', () => {
  const temp = tempDbFile();
  let tally: RunningTally;
  let channel: FakeChannel;
  beforeAll(async () => {
    setLogLevel('error');
    const seed = await openStore(temp.file);
    await seed.users.recordConsent('erin', NOW);
    await importFor(seed, 'erin', 'Heliotrope Reserve Card', ALICE_CSV);
    seed.close();
    channel = await startChannel();
    tally = await startTally(
      loadConfig({ ...process.env, PORT: '0', TALLY_DB: temp.file, LOG_LEVEL: 'error', MicrosoftAppId: '' }),
    );
  });
  afterAll(async () => {
    await tally?.close();
    await channel?.close();
    temp.remove();
  });

  const say = async (text: string, conversation: string, expectReplies: boolean) => {
    const activity = messageActivity(text, {
      user: 'erin',
      conversation,
      serviceUrl: channel.serviceUrl,
      expectReplies,
    });
    const { body } = await postActivity(tally.port, activity);
    if (!expectReplies) await channel.waitFor((r) => r.activity.replyToId === activity.id);
    return (body?.activities ?? []).map((a) => a.text ?? '').join('\n');
  };

  it('removes the state of every conversation, inline-reply ones included, and a later message creates nothing', async () => {
    // A conversation Tally can reach (normal mode), and an inline-reply one left waiting for an account name.
    await say('how much did I spend in February?', 'erin-dm', false);
    expect(await say('link an account', 'erin-inline', true)).toMatch(/call this account|which account/i);
    expect(countRows(tally.store, 'bot_state', 'user_id = ?', 'erin')).toBe(2);
    expect(countRows(tally.store, 'conversation_refs', 'user_id = ?', 'erin')).toBe(1);

    await say('delete my data', 'erin-dm', false);
    await say('yes', 'erin-dm', false);
    expect(channel.received.some((r) => /deleted/i.test(r.activity.text ?? ''))).toBe(true);
    expect(mentions(tally.store, ['erin', ...ALICE_TEXTS])).toEqual([]);

    // Plain messages afterwards, in both conversations and both modes: still nothing about erin anywhere.
    await say('hi', 'erin-dm', false);
    expect(await say('how much did I spend in February?', 'erin-inline', true)).not.toMatch(/\$\s?\d/);
    await say('turn alerts off', 'erin-dm', false);
    expect(mentions(tally.store, ['erin'])).toEqual([]);

    await tally.close();
    const bytes = fileBytes(temp.file);
    for (const text of ALICE_TEXTS) expect(bytes.includes(text), `${text} is still on disk`).toBe(false);
  });
});
