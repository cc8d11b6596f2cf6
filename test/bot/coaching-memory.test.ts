/**
 * What a coaching answer leaves for the next turn survives the server's state handling: a first question about
 * payday, with nothing else remembered, is still there for "and the one after?".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, startTally, type RunningTally } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { remembersNothing } from '../../src/conversation/types.ts';
import { setLogLevel } from '../../src/log.ts';
import { messageActivity, postActivity, startChannel, type FakeChannel } from '../helpers/channel.ts';
import { loadHousehold } from '../helpers/household.ts';
import { tempDbFile } from '../helpers/store.ts';

describe('state a turn keeps', () => {
  it('keeps nothing only when nothing is remembered', () => {
    expect(remembersNothing({})).toBe(true);
    expect(remembersNothing({ deleted: true })).toBe(true);
    expect(remembersNothing({ lastBudget: 'FOOD_AND_DRINK' })).toBe(false);
    expect(remembersNothing({ lastCoaching: { kind: 'payday', date: '2026-03-13' } })).toBe(false);
  });
});

describe('a coaching follow-on through the server', () => {
  const temp = tempDbFile();
  let tally: RunningTally;
  let channel: FakeChannel;

  beforeAll(async () => {
    setLogLevel('error');
    const seed = await openStore(temp.file);
    await loadHousehold(seed, ['maya']);
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

  async function say(text: string): Promise<string> {
    const { body } = await postActivity(
      tally.port,
      messageActivity(text, {
        user: 'maya',
        conversation: 'c-maya',
        serviceUrl: channel.serviceUrl,
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
