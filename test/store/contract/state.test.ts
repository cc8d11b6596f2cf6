/** Dialog state, reach and alert bookkeeping, and chart images: the same contract on both engines. */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StaleStateError, StoreStorage } from '../../../src/bot/storage.ts';
import type { Store } from '../../../src/store/index.ts';
import { closeAdmin, ENGINES, openEngine } from './engines.ts';

afterAll(closeAdmin);

const KEY = 'emulator/conversations/c1/users/alice';

describe.each(ENGINES)('state on %s', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, close } = await openEngine(engine));
  });
  afterEach(async () => close());

  const write = (value: unknown, etag?: string) =>
    store.state.write(new Map([[KEY, { value, etag, userId: 'alice' }]]));

  it('versions every document and refuses a write over a version it did not read', async () => {
    expect(await write({ step: 1 }, '0')).toEqual([]);
    const first = (await store.state.read([KEY])).get(KEY);
    expect(first?.value).toEqual({ step: 1 });
    expect(await write({ step: 2 }, first?.etag)).toEqual([]);
    // A turn that read the first version has lost the race: nothing it wrote is kept.
    expect(await write({ step: 'stale' }, first?.etag)).toEqual([KEY]);
    // "0" means the turn found nothing: it may not replace what another turn created.
    expect(await write({ step: 'new' }, '0')).toEqual([KEY]);
    const now = (await store.state.read([KEY])).get(KEY);
    expect(now?.value).toEqual({ step: 2 });
    expect(now?.etag).not.toBe(first?.etag);
    expect(await write({ step: 3 }, '*')).toEqual([]);
    await store.state.delete([KEY]);
    expect((await store.state.read([KEY])).size).toBe(0);
  });

  it('saves one version up over the version read, and over it still when the document was removed since', async () => {
    await write({ v: 1 }, '0');
    const etag = (await store.state.read([KEY])).get(KEY)?.etag as string;
    expect(await write({ v: 2 }, etag)).toEqual([]);
    const next = (await store.state.read([KEY])).get(KEY)?.etag as string;
    expect(Number(next)).toBe(Number(etag) + 1);
    await store.state.delete([KEY]);
    expect(await write({ v: 3 }, next)).toEqual([]);
    expect((await store.state.read([KEY])).get(KEY)?.value).toEqual({ v: 3 });
  });

  it('of two writers that read the same version, exactly one is saved', async () => {
    await write({ n: 0 }, '0');
    const etag = (await store.state.read([KEY])).get(KEY)?.etag;
    const results = await Promise.all([write({ n: 'a' }, etag), write({ n: 'b' }, etag)]);
    expect(results.filter((r) => r.length === 0)).toHaveLength(1);
    const saved = (await store.state.read([KEY])).get(KEY)?.value as { n: string };
    expect(['a', 'b']).toContain(saved.n);
    expect(results.find((r) => r.length === 0)).toBeDefined();
  });

  it('confirms an unchanged document without writing it, and refuses one whose version moved on', async () => {
    const confirm = (value: unknown, etag: string) =>
      store.state.write(new Map([[KEY, { value, etag, userId: 'alice', unchanged: true }]]));
    // Found nothing and left it so: nothing is created.
    expect(await confirm(undefined, '0')).toEqual([]);
    expect((await store.state.read([KEY])).size).toBe(0);
    await write({ step: 1 }, '0');
    const read = (await store.state.read([KEY])).get(KEY);
    expect(await confirm(read?.value, read?.etag as string)).toEqual([]);
    // Confirming does not bump the version: a writer that read it still wins.
    expect((await store.state.read([KEY])).get(KEY)?.etag).toBe(read?.etag);
    expect(await write({ step: 2 }, read?.etag)).toEqual([]);
    // Now the first read is stale, and so is "found nothing".
    expect(await confirm(read?.value, read?.etag as string)).toEqual([KEY]);
    expect(await confirm(undefined, '0')).toEqual([KEY]);
    expect((await store.state.read([KEY])).get(KEY)?.value).toEqual({ step: 2 });
  });

  it('a write of several documents with one stale writes none of them', async () => {
    const other = 'emulator/conversations/c2/users/alice';
    await write({ v: 1 }, '0');
    const conflicts = await store.state.write(
      new Map([
        [other, { value: { v: 'x' }, etag: '0', userId: 'alice' }],
        [KEY, { value: { v: 'y' }, etag: '999', userId: 'alice' }],
      ]),
    );
    expect(conflicts).toEqual([KEY]);
    expect((await store.state.read([other, KEY])).get(other)).toBeUndefined();
  });

  it('bot state storage: of two turns that read the same state, the second to save gets StaleStateError', async () => {
    const one = new StoreStorage(store.state);
    const two = new StoreStorage(store.state);
    // Both turns found nothing: the first creates the document, the second may not replace it.
    expect(await one.read([KEY])).toEqual({});
    await one.write({ [KEY]: { pending: 'a' } });
    await expect(two.write({ [KEY]: { pending: 'b' } })).rejects.toBeInstanceOf(StaleStateError);
    // Both read version n: one saves, the other is refused, and the saved state is the first one's.
    const a = (await one.read([KEY]))[KEY] as { eTag: string };
    const b = (await two.read([KEY]))[KEY] as { eTag: string };
    await one.write({ [KEY]: { ...a, pending: 'c' } });
    await expect(two.write({ [KEY]: { ...b, pending: 'd' } })).rejects.toThrow(StaleStateError);
    expect((await two.read([KEY]))[KEY]).toMatchObject({ pending: 'c' });
  });

  it('removes a document only over the version it read; one already gone is no conflict', async () => {
    const remove = (etag: string) =>
      store.state.write(new Map([[KEY, { value: {}, etag, userId: 'alice', remove: true }]]));
    await write({ v: 1 }, '0');
    const etag = (await store.state.read([KEY])).get(KEY)?.etag as string;
    // A turn that read an older version, or nothing at all, may not erase the newer dialog.
    expect(await remove('999')).toEqual([KEY]);
    expect(await remove('0')).toEqual([KEY]);
    expect((await store.state.read([KEY])).size).toBe(1);
    expect(await remove(etag)).toEqual([]);
    expect((await store.state.read([KEY])).size).toBe(0);
    expect(await remove('0')).toEqual([]);
  });

  it('remembers where a known person is reached, newest first', async () => {
    expect(await store.reach.saveReference('alice', 'c1', { conversation: { id: 'c1' } })).toBe(false);
    await store.users.ensure('alice');
    await store.reach.saveReference(
      'alice',
      'c1',
      { conversation: { id: 'c1' } },
      new Date('2026-03-01T00:00:00Z'),
    );
    await store.reach.saveReference(
      'alice',
      'c2',
      { conversation: { id: 'c2' } },
      new Date('2026-03-02T00:00:00Z'),
    );
    expect(await store.reach.latestReference('alice')).toEqual({ conversation: { id: 'c2' } });
    expect(
      await store.reach.latestReference(
        'alice',
        (r) => (r as { conversation: { id: string } }).conversation.id === 'c1',
      ),
    ).toEqual({ conversation: { id: 'c1' } });
  });

  it('claims each finding once, even when claimed at the same moment', async () => {
    await store.users.ensure('alice');
    const claims = await Promise.all([
      store.reach.claimFindings('alice', ['f1', 'f2']),
      store.reach.claimFindings('alice', ['f2', 'f3']),
    ]);
    expect(claims.flat().sort()).toEqual(['f1', 'f2', 'f3']);
    expect(await store.reach.claimFindings('alice', ['f1', 'f4'])).toEqual(['f4']);
    await store.reach.releaseFindings('alice', ['f1']);
    expect(await store.reach.claimFindings('alice', ['f1'])).toEqual(['f1']);
  });

  it('serves a chart until it expires', async () => {
    const now = new Date('2026-03-10T12:00:00Z');
    const later = new Date('2026-03-10T13:00:00Z');
    await store.charts.save('alice', 'abc', '{"kind":"bar"}', later, now);
    expect(await store.charts.find('abc', now)).toEqual({
      userId: 'alice',
      specJson: '{"kind":"bar"}',
      expiresAt: later,
    });
    expect(await store.charts.find('abc', later)).toBeUndefined();
    expect(await store.charts.removeExpired(later)).toBe(1);
  });
});
