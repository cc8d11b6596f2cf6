/**
 * Two Tally processes on one PostgreSQL behind the round-robin proxy of `npm run cluster`: one person's
 * conversation alternates between them turn by turn (linking a statement, a follow-up, a confirmation),
 * and the alert its import raises arrives once although both instances look for alerts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startCluster, type RunningCluster } from '../../src/cli/cluster.ts';
import { localDay } from '../../src/day.ts';
import { openStoreAt } from '../../src/store/index.ts';
import { startChannel, type FakeChannel, messageActivity } from '../helpers/channel.ts';
import { groceriesWithSpike } from '../helpers/statements.ts';
import { closeAdmin, dropSchema, freshPostgresUrl } from './contract/engines.ts';

let cluster: RunningCluster;
let channel: FakeChannel;
let schema: string;

beforeAll(async () => {
  inject('pgUrl');
  const fresh = await freshPostgresUrl();
  schema = fresh.schema;
  channel = await startChannel();
  cluster = await startCluster({
    instances: 2,
    port: 0,
    databaseUrl: fresh.url,
    output: 'quiet',
    env: { LOG_LEVEL: 'error', TALLY_ALERT_POLL_MS: '200', MicrosoftAppId: '' },
  });
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
  await channel?.close();
  await dropSchema(schema);
  await closeAdmin();
}, 60_000);

async function post(
  text: string,
  extra: Record<string, unknown>,
  conversation: string,
  expectReplies: boolean,
) {
  return fetch(`${cluster.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      ...messageActivity(text, { user: 'nina', conversation, serviceUrl: channel.serviceUrl, expectReplies }),
      // The alerter judges against the server's clock, so the statement and the questions are dated by it.
      timestamp: new Date().toISOString(),
      localTimestamp: new Date().toISOString(),
      localTimezone: 'UTC',
      ...extra,
    }),
  });
}

/** One turn of the inline-reply conversation: what Tally answered. */
async function say(text: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await post(text, extra, 'c-nina', true);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { activities?: { text?: string }[] };
  return (body.activities ?? []).map((a) => a.text ?? '').join('\n');
}

describe('two instances behind a round-robin proxy', () => {
  it('carry one conversation between them, and send its alert once', async () => {
    const csv = groceriesWithSpike(localDay(new Date(), 'UTC')).toString('base64');
    const file = { name: 'everyday.csv', contentType: 'text/csv', contentUrl: `data:text/csv;base64,${csv}` };
    const before = [...cluster.handled];

    expect(await say('', { attachments: [file] })).toMatch(/yes or no/i);
    expect(await say('yes')).toMatch(/which account is this file from/i);
    // Alerts go to a conversation with replies sent back to the channel: a second one, in normal mode.
    expect((await post('hi', {}, 'c-nina-alerts', false)).status).toBeLessThan(300);
    expect(await say('Everyday')).toMatch(/checking account, a savings account or a credit card/i);
    expect(await say('checking')).toMatch(/Imported \d+ transactions/);
    expect(await say('how much did I spend on groceries in the last 3 months?')).toMatch(/\$[\d,]+\.\d\d/);
    expect(await say('and at Safeway?')).toMatch(/Safeway/);

    // Each instance handled every other turn.
    expect(cluster.handled.map((n, i) => n - (before[i] ?? 0)).sort()).toEqual([3, 4]);

    const isAlert = (r: { activity: { conversation?: { id?: string }; text?: string } }) =>
      r.activity.conversation?.id === 'c-nina-alerts' && /1,450\.00/.test(r.activity.text ?? '');
    await channel.waitFor(isAlert, 20_000);
    // Several more sweeps by both instances: still one.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(channel.received.filter(isAlert)).toHaveLength(1);

    expect(await say('delete my data')).toMatch(/are you sure/i);
    expect(await say('yes')).toMatch(/I deleted 1 account/);
    const store = await openStoreAt(cluster.databaseUrl);
    expect(await store.users.get('nina')).toBeUndefined();
    expect(await store.accounts.list('nina')).toEqual([]);
    await store.close();
  }, 120_000);

  it('answers two messages sent at the same moment to both instances, and keeps one dialog', async () => {
    // A fresh conversation: both turns find no state and both start the same question; one instance
    // saves first, the other finds the state changed and runs its turn again on it.
    const start = () =>
      post('link an account', {}, 'c-race', true).then(async (r) => {
        expect(r.status).toBe(200);
        const body = (await r.json()) as { activities?: { text?: string }[] };
        return (body.activities ?? []).map((a) => a.text ?? '').join('\n');
      });
    const replies = await Promise.all([start(), start()]);
    for (const reply of replies) {
      expect(reply).toMatch(/yes or no/i);
      expect(reply).not.toMatch(/went wrong/i);
    }
    // The pending consent question survived: "no" is understood as its answer.
    const answer = await post('no', {}, 'c-race', true);
    const body = (await answer.json()) as { activities?: { text?: string }[] };
    expect((body.activities ?? []).map((a) => a.text).join('\n')).toMatch(/haven't kept anything/i);
  }, 60_000);
});
