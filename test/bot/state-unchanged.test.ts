/**
 * A turn that leaves the person's dialog state as it found it writes nothing, yet still learns whether
 * another turn saved a newer state meanwhile (so it is run again rather than answering from stale state).
 */
import { TestAdapter, TurnContext, type Activity, type BotState } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { personalState, StaleStateError, StoreStorage } from '../../src/bot/storage.ts';
import type { Store } from '../../src/store/index.ts';
import { memoryStore } from '../helpers/store.ts';

const KEY = 'emulator/conversations/c-nina/users/nina';

let store: Store;
let state: BotState;
let writes: number;

beforeEach(async () => {
  store = await memoryStore();
  writes = 0;
  const counted = {
    read: store.state.read.bind(store.state),
    delete: store.state.delete.bind(store.state),
    write: (changes: Parameters<Store['state']['write']>[0]) => {
      writes += [...changes.values()].filter((c) => !c.unchanged).length;
      return store.state.write(changes);
    },
  };
  state = personalState(new StoreStorage(counted));
});
afterEach(() => store.close());

/** A fresh turn of Nina's conversation. */
function turn(): TurnContext {
  const activity: Partial<Activity> = {
    type: 'message',
    channelId: 'emulator',
    from: { id: 'nina', name: 'Nina' },
    recipient: { id: 'tally', name: 'Tally' },
    conversation: { id: 'c-nina', isGroup: false, name: '', conversationType: 'personal' },
    text: 'hi',
  };
  return new TurnContext(new TestAdapter(), activity);
}

async function stored(): Promise<{ value: unknown; etag: string } | undefined> {
  return (await store.state.read([KEY])).get(KEY);
}

describe('saving a turn’s dialog state', () => {
  it('writes a changed state and leaves an unchanged one as it is, same version', async () => {
    const first = turn();
    (await state.load(first))['tally'] = { last: { shown: 3 } };
    await state.saveChanges(first, true);
    const saved = await stored();
    expect(saved?.value).toEqual({ tally: { last: { shown: 3 } } });
    expect(writes).toBe(1);

    const again = turn();
    await state.load(again);
    await state.saveChanges(again, true);
    expect(writes).toBe(1);
    expect(await stored()).toEqual(saved);
  });

  it('refuses an unchanged turn that read a state another turn has since replaced', async () => {
    const first = turn();
    (await state.load(first))['tally'] = { pending: { kind: 'confirm-demo' } };
    await state.saveChanges(first, true);

    const stale = turn();
    const quick = turn();
    await state.load(stale);
    const read = await state.load(quick);
    read['tally'] = {};
    await state.saveChanges(quick, true);

    await expect(state.saveChanges(stale, true)).rejects.toBeInstanceOf(StaleStateError);
    expect((await stored())?.value).toEqual({ tally: {} });
  });

  it('refuses an unchanged turn that found nothing when another turn has since created the state', async () => {
    const stale = turn();
    await state.load(stale);
    const quick = turn();
    (await state.load(quick))['tally'] = { pending: { kind: 'confirm-demo' } };
    await state.saveChanges(quick, true);

    await expect(state.saveChanges(stale, true)).rejects.toBeInstanceOf(StaleStateError);
    expect(writes).toBe(1);
  });

  it('saves nothing without force when nothing changed, and a change without force', async () => {
    const context = turn();
    await state.load(context);
    await state.saveChanges(context);
    expect(await stored()).toBeUndefined();
    (await state.load(context))['tally'] = { last: { shown: 1 } };
    await state.saveChanges(context);
    expect((await stored())?.value).toEqual({ tally: { last: { shown: 1 } } });
  });
});
