/** Web Chat's Direct Line conversations, transcripts and uploaded files: the same contract on both engines. */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/index.ts';
import { closeAdmin, ENGINES, openEngine } from './engines.ts';

afterAll(closeAdmin);

const NOW = new Date('2026-03-10T12:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const ALICE = { userId: 'dl_alice', conversationId: 'conv-alice-0001' };
const BOB = { userId: 'dl_bob', conversationId: 'conv-bob-00001' };

describe.each(ENGINES)('Direct Line conversations on %s', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, close } = await openEngine(engine));
  });
  afterEach(async () => close());

  const say = (ref: typeof ALICE, text: string, keep = 100, now = NOW) =>
    store.directLine.append(ref, { type: 'message', text }, { keep, expiresAt: at(60), now });

  it('opens a conversation once, numbers its activities from 1 and reads what came after a watermark', async () => {
    expect(await store.directLine.open(ALICE, at(60), NOW)).toEqual({ created: true, watermark: 0 });
    expect((await say(ALICE, 'hi'))?.seq).toBe(1);
    expect((await say(ALICE, 'how much on food?'))?.seq).toBe(2);
    expect(await store.directLine.open(ALICE, at(60), NOW)).toEqual({ created: false, watermark: 2 });
    const after1 = await store.directLine.since(ALICE, 1, NOW);
    expect(after1.map((e) => [e.seq, e.activity.text, e.at.toISOString()])).toEqual([
      [2, 'how much on food?', NOW.toISOString()],
    ]);
    expect((await store.directLine.since(ALICE, 0, NOW)).length).toBe(2);
    expect(await store.directLine.watermark(ALICE, NOW)).toBe(2);
  });

  it("keeps each person's conversation to them: another person naming the same id sees nothing", async () => {
    await store.directLine.open(ALICE, at(60), NOW);
    await say(ALICE, 'private');
    const mallory = { userId: 'dl_mallory', conversationId: ALICE.conversationId };
    expect(await store.directLine.watermark(mallory, NOW)).toBeUndefined();
    expect(await store.directLine.since(mallory, 0, NOW)).toEqual([]);
    expect(await say(mallory, 'intrusion')).toBeUndefined();
    expect(await store.directLine.touch(mallory, at(90), NOW)).toBe(false);
    expect((await store.directLine.since(ALICE, 0, NOW)).map((e) => e.activity.text)).toEqual(['private']);
  });

  it('keeps only the newest activities past the limit, and the watermark keeps counting', async () => {
    await store.directLine.open(ALICE, at(60), NOW);
    for (const text of ['one', 'two', 'three', 'four']) await say(ALICE, text, 2);
    const kept = await store.directLine.since(ALICE, 0, NOW);
    expect(kept.map((e) => [e.seq, e.activity.text])).toEqual([
      [3, 'three'],
      [4, 'four'],
    ]);
  });

  it('forgets a conversation nobody touched before it expired; touching it keeps it', async () => {
    await store.directLine.open(ALICE, at(60), NOW);
    await store.directLine.open(BOB, at(60), NOW);
    await say(ALICE, 'hi');
    expect(await store.directLine.touch(BOB, at(120), at(30))).toBe(true);
    // A touch never shortens what is already promised.
    expect(await store.directLine.touch(BOB, at(45), at(30))).toBe(true);
    expect(await store.directLine.watermark(ALICE, at(61))).toBeUndefined();
    expect(await store.directLine.since(ALICE, 0, at(61))).toEqual([]);
    expect(await say(ALICE, 'late', 100, at(61))).toBeUndefined();
    const both = await store.directLine.watermarks([ALICE, BOB], at(61));
    expect([...both]).toEqual([[BOB.conversationId, 0]]);
    expect(await store.directLine.removeExpired(at(61))).toBe(1);
    // Opened again after it expired, it starts from nothing.
    expect(await store.directLine.open(ALICE, at(200), at(100))).toEqual({ created: true, watermark: 0 });
    expect(await store.directLine.watermark(BOB, at(119))).toBe(0);
  });

  it('a reply to a conversation removed during its turn opens it again, numbered after what it answers', async () => {
    await store.directLine.open(ALICE, at(60), NOW);
    await say(ALICE, 'delete my data');
    await say(ALICE, 'yes');
    await store.users.deleteAll(ALICE.userId);
    expect(await store.directLine.watermark(ALICE, NOW)).toBeUndefined();
    const reply = await store.directLine.append(
      ALICE,
      { type: 'message', text: 'I deleted everything' },
      { keep: 100, expiresAt: at(60), floor: 2, now: NOW },
    );
    expect(reply?.seq).toBe(3);
    expect((await store.directLine.since(ALICE, 2, NOW)).map((e) => e.activity.text)).toEqual([
      'I deleted everything',
    ]);
  });

  it('numbers activities appended at the same moment without gaps or repeats', async () => {
    await store.directLine.open(ALICE, at(60), NOW);
    const seqs = await Promise.all(Array.from({ length: 8 }, (_, i) => say(ALICE, `m${i}`)));
    expect(seqs.map((e) => e?.seq).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("serves an uploaded file by its id until it expires, keeping each person's newest", async () => {
    const file = (id: string, text: string) => ({
      userId: ALICE.userId,
      id,
      conversationId: ALICE.conversationId,
      name: `${id}.csv`,
      contentType: 'text/csv',
      bytes: Buffer.from(text),
    });
    await store.directLine.putFile(file('f1', 'Date,Amount\n'), at(30), 2, NOW);
    await store.directLine.putFile(file('f2', 'second'), at(30), 2, at(1));
    const got = await store.directLine.file('f1', NOW);
    expect(got?.bytes.equals(Buffer.from('Date,Amount\n'))).toBe(true);
    expect(got).toMatchObject({ userId: ALICE.userId, name: 'f1.csv', contentType: 'text/csv' });
    await store.directLine.putFile(file('f3', 'third'), at(30), 2, at(2));
    expect(await store.directLine.file('f1', at(2))).toBeUndefined();
    expect((await store.directLine.file('f3', at(2)))?.bytes.toString()).toBe('third');
    expect(await store.directLine.file('f3', at(30))).toBeUndefined();
    expect(await store.directLine.removeExpired(at(30))).toBe(2);
  });
});
