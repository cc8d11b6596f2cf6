/**
 * What a coaching answer leaves for the next turn survives the server's state handling: a first question about
 * payday, with nothing else remembered, is still there for "and the one after?".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remembersNothing } from '../../src/conversation/types.ts';
import { messageActivity, postActivity } from '../helpers/channel.ts';
import { loadHousehold } from '../helpers/household.ts';
import { seededServer, type SeededServer } from '../helpers/seeded-server.ts';

describe('state a turn keeps', () => {
  it('keeps nothing only when nothing is remembered', () => {
    expect(remembersNothing({})).toBe(true);
    expect(remembersNothing({ deleted: true })).toBe(true);
    expect(remembersNothing({ lastBudget: 'FOOD_AND_DRINK' })).toBe(false);
    expect(remembersNothing({ lastCoaching: { kind: 'payday', date: '2026-03-13' } })).toBe(false);
  });
});

describe('a coaching follow-on through the server', () => {
  let server: SeededServer;
  beforeAll(async () => {
    server = await seededServer((store) => loadHousehold(store, ['maya']));
  });
  afterAll(async () => server?.close());

  async function say(text: string): Promise<string> {
    const { body } = await postActivity(
      server.tally.port,
      messageActivity(text, {
        user: 'maya',
        conversation: 'c-maya',
        serviceUrl: server.channel.serviceUrl,
        expectReplies: true,
      }),
    );
    return (body?.activities ?? []).map((a) => a.text ?? '').join('\n');
  }

  it('answers "and the one after?" with a later payday than the first answer', async () => {
    expect(await say("when's my next payday?")).toContain('**Friday 13 Mar 2026**');
    const after = await say('and the one after?');
    expect(after).toContain('**Tuesday 31 Mar 2026**');
    expect(after).not.toContain('13 Mar');
  });
});
