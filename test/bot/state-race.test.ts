/**
 * Two turns of one person's conversation at the same moment, as when two instances each take one of two
 * quick messages: the turn that saves second finds the state changed, has said nothing yet, and runs again
 * on the newer state, so both messages count and each gets exactly one answer.
 */
import { TestAdapter, type Activity } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { personalState, StoreStorage } from '../../src/bot/storage.ts';
import { TallyBot } from '../../src/bot/tally-bot.ts';
import type { Understanding } from '../../src/conversation/types.ts';
import { setLogLevel } from '../../src/log.ts';
import type { StateChange, StatePort, Store } from '../../src/store/index.ts';
import { realTemplates, realUnderstanding } from '../helpers/chat.ts';
import { memoryStore } from '../helpers/store.ts';

let understanding: Understanding;
let store: Store;

beforeEach(async () => {
  setLogLevel('error');
  understanding ??= await realUnderstanding();
  store = await memoryStore();
}, 30_000);
afterEach(() => store.close());

/** What the bot did, in order: state writes (saved or refused) and messages sent. */
type Event = ['saved' | 'refused', string] | ['sent', string];

/**
 * The person's state, with a hook: right after the first turn has read it, `meanwhile` runs (the other
 * instance's whole turn), so the first turn works from what has just become stale.
 */
function racingState(inner: StatePort, events: Event[], meanwhile: () => Promise<void>): StatePort {
  let raced = false;
  return {
    async read(keys) {
      const found = await inner.read(keys);
      if (!raced) {
        raced = true;
        await meanwhile();
      }
      return found;
    },
    async write(changes: ReadonlyMap<string, StateChange>) {
      const conflicts = await inner.write(changes);
      const pending = [...changes.values()].map((c) => JSON.stringify(c.value)).join();
      events.push([conflicts.length ? 'refused' : 'saved', pending]);
      return conflicts;
    },
    delete: (keys) => inner.delete(keys),
  };
}

function message(text: string): Partial<Activity> {
  return {
    type: 'message',
    channelId: 'emulator',
    from: { id: 'nina', name: 'Nina' },
    recipient: { id: 'tally', name: 'Tally' },
    conversation: { id: 'c-nina', isGroup: false, name: '', conversationType: 'personal' },
    text,
    localTimestamp: new Date('2026-03-10T12:00:00.000-08:00'),
    localTimezone: 'America/Los_Angeles',
  };
}

/** A bot on `state`, and the texts it sent, recorded as events. */
function botOn(state: StatePort, events: Event[]): TestAdapter {
  const bot = new TallyBot({
    store,
    templates: realTemplates(),
    personalState: personalState(new StoreStorage(state)),
    services: () => ({
      store,
      understanding,
      fetchAttachment: async () => Promise.reject(new Error('no attachments here')),
    }),
  });
  const adapter = new TestAdapter((context) => bot.run(context));
  const send = adapter.sendActivities.bind(adapter);
  adapter.sendActivities = async (context, activities) => {
    for (const a of activities) events.push(['sent', a.text ?? '']);
    return send(context, activities);
  };
  return adapter;
}

/**
 * A bot whose turn, after reading state, lets another instance's bot (same store, its own adapter) run
 * "link an account" in the same conversation first.
 */
function racedByLinkElsewhere(): { events: Event[]; here: ReturnType<typeof botOn> } {
  const events: Event[] = [];
  const other = botOn(
    racingState(store.state, events, async () => undefined),
    events,
  );
  const here = botOn(
    racingState(store.state, events, () => other.processActivity(message('link an account'))),
    events,
  );
  return { events, here };
}

describe('two turns of one conversation at the same moment', () => {
  it('runs the turn that lost the race again on the newer state, and sends only that run’s answer', async () => {
    const { events, here } = racedByLinkElsewhere();
    // "no" read an empty state; meanwhile the other turn asked for consent. Run again on that state,
    // "no" is the answer to it.
    await here.processActivity(message('no'));

    const sent = events.filter((e) => e[0] === 'sent').map((e) => e[1]);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/yes or no/i);
    expect(sent[1]).toMatch(/haven't kept anything/i);
    // The stale run was refused before it said anything; each answer went out after its state was saved.
    expect(events.map((e) => e[0])).toEqual(['saved', 'sent', 'refused', 'saved', 'sent']);
    expect((await store.state.read(['emulator/conversations/c-nina/users/nina'])).size).toBe(0);
  });

  it('keeps both effects when both turns change the dialog: the second answers on the first one’s question', async () => {
    const { events, here } = racedByLinkElsewhere();
    // Both start a link; the second, run again, finds the consent question already asked.
    await here.processActivity(message('yes'));
    const sent = events.filter((e) => e[0] === 'sent').map((e) => e[1]);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/yes or no/i);
    expect(sent[1]).toMatch(/what should I call this account/i);
    expect(events.filter((e) => e[0] === 'refused')).toHaveLength(1);
    const saved = await store.state.read(['emulator/conversations/c-nina/users/nina']);
    expect(JSON.stringify(saved.get('emulator/conversations/c-nina/users/nina')?.value)).toMatch(/pending/);
  });
});
