/**
 * The real server (startTally) on 127.0.0.1 with a temporary database, driven over HTTP the way the
 * Emulator and channels drive it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore, startTally, type RunningTally } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { localDay } from '../../src/day.ts';
import { importStatement } from '../../src/ingest/importer.ts';
import { setLogLevel } from '../../src/log.ts';
import { loadAcceptance } from '../helpers/acceptance.ts';
import { messageActivity, postActivity, startChannel, type FakeChannel } from '../helpers/channel.ts';
import { groceriesWithSpike } from '../helpers/statements.ts';
import { tempDbFile } from '../helpers/store.ts';

const ALERT_POLL_MS = 100;

function start(dbFile: string, env: Record<string, string> = {}): Promise<RunningTally> {
  return startTally(loadConfig({ ...process.env, PORT: '0', TALLY_DB: dbFile, LOG_LEVEL: 'error', MicrosoftAppId: '', ...env }));
}

const texts = (body: { activities?: { text?: string }[] } | undefined) => (body?.activities ?? []).map((a) => a.text ?? '');

beforeAll(() => {
  setLogLevel('error');
  vi.stubEnv('TALLY_ALERT_POLL_MS', String(ALERT_POLL_MS));
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe('the running server', () => {
  const temp = tempDbFile();
  let tally: RunningTally;
  let channel: FakeChannel;

  beforeAll(async () => {
    const seed = await openStore(temp.file);
    await loadAcceptance(seed, ['alice']);
    seed.close();
    channel = await startChannel();
    tally = await start(temp.file);
  });
  afterAll(async () => {
    await tally?.close();
    await channel?.close();
    temp.remove();
  });

  it('GET /healthz answers 200', async () => {
    const res = await fetch(`http://127.0.0.1:${tally.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('with deliveryMode expectReplies, the replies come back in the HTTP response', async () => {
    const { status, body } = await postActivity(
      tally.port,
      messageActivity('How much went on groceries last month?', { user: 'alice', conversation: 'c-expect', serviceUrl: channel.serviceUrl, expectReplies: true }),
    );
    expect(status).toBe(200);
    expect(texts(body).join('\n')).toContain('$611.32');
    expect(channel.received).toEqual([]);
  });

  it('in normal mode, replies are POSTed to the channel as replies to the message', async () => {
    const activity = messageActivity('How much went on groceries last month?', { user: 'alice', conversation: 'c-normal', serviceUrl: channel.serviceUrl });
    const { status } = await postActivity(tally.port, activity);
    expect(status).toBeLessThan(300);
    const reply = await channel.waitFor((r) => r.activity.conversation?.id === 'c-normal');
    expect(reply.method).toBe('POST');
    expect(reply.path).toBe(`/v3/conversations/c-normal/activities/${activity.id as string}`);
    expect(reply.activity).toMatchObject({ type: 'message', replyToId: activity.id });
    expect(reply.activity.text).toContain('$611.32');
  });

  it('a conversationUpdate with a new member gets the welcome', async () => {
    await postActivity(tally.port, {
      type: 'conversationUpdate',
      id: 'update-1',
      channelId: 'emulator',
      serviceUrl: channel.serviceUrl,
      from: { id: 'nina', name: 'Nina' },
      recipient: { id: 'tally-bot', name: 'Tally' },
      conversation: { id: 'c-welcome' },
      membersAdded: [{ id: 'tally-bot', name: 'Tally' }, { id: 'nina', name: 'Nina' }],
    });
    const welcome = await channel.waitFor((r) => r.activity.conversation?.id === 'c-welcome');
    expect(welcome.path).toMatch(/^\/v3\/conversations\/c-welcome\/activities/);
    expect(welcome.activity.text).toContain('Tally');
    // One welcome: the bot itself joining is not greeted.
    expect(channel.received.filter((r) => r.activity.conversation?.id === 'c-welcome')).toHaveLength(1);
  });

  it('sends a proactive alert for an unusual charge imported outside the chat, once', async () => {
    // A normal-mode message stores where Nina can be reached.
    await postActivity(tally.port, messageActivity('hi', { user: 'nina', conversation: 'c-nina', serviceUrl: channel.serviceUrl }));
    await channel.waitFor((r) => r.activity.conversation?.id === 'c-nina');
    const before = channel.received.length;

    // The alerter judges against the server's own clock, so the statement is dated relative to it.
    const today = localDay(new Date());
    const other = await openStore(temp.file);
    const bytes = groceriesWithSpike(today);
    const imported = await importStatement(other, { userId: 'nina', accountName: 'Everyday', accountType: 'checking', fileName: 'everyday.csv', bytes });
    expect(imported.added).toBeGreaterThan(20);

    const alert = await channel.waitFor((r) => r.activity.conversation?.id === 'c-nina' && /1,450\.00/.test(r.activity.text ?? ''));
    expect(alert.path).toMatch(/^\/v3\/conversations\/c-nina\/activities/);
    expect(alert.activity.text).toContain('Safeway');

    // The same file again, and several more sweeps: nothing is sent twice.
    expect((await importStatement(other, { userId: 'nina', accountName: 'Everyday', fileName: 'everyday.csv', bytes })).added).toBe(0);
    other.close();
    await new Promise((r) => setTimeout(r, ALERT_POLL_MS * 8));
    expect(channel.received.slice(before).filter((r) => r.activity.conversation?.id === 'c-nina')).toHaveLength(1);
  });
});

describe('a restart in the middle of a conversation', () => {
  const temp = tempDbFile();
  let tally: RunningTally | undefined;
  afterEach(async () => {
    await tally?.close();
  });
  afterAll(() => temp.remove());

  it('picks up where it left off: the pending question lives in SQLite', async () => {
    const ask = (text: string) =>
      postActivity(tally!.port, messageActivity(text, { user: 'rita', conversation: 'c-restart', serviceUrl: 'http://127.0.0.1:9/', expectReplies: true }));
    tally = await start(temp.file);
    expect(texts((await ask('link an account')).body).join('\n')).toMatch(/yes or no/i);
    await tally.close();

    tally = await start(temp.file);
    const answer = texts((await ask('yes')).body).join('\n');
    expect(answer).toMatch(/what should I call this account/i);
    expect((await tally.store.users.get('rita'))?.consentAt).toBe('2026-03-10T20:00:00.000Z');
  });
});

describe('with a MicrosoftAppId', () => {
  const temp = tempDbFile();
  let tally: RunningTally;
  beforeAll(async () => {
    // The SDK prints each refused request to the console; the status code is what is checked.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    tally = await start(temp.file, { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await tally?.close();
    temp.remove();
  });

  it('refuses a POST without a token with 401, and says nothing', async () => {
    const { status } = await postActivity(
      tally.port,
      messageActivity('How much went on groceries last month?', { user: 'mallory', conversation: 'c-auth', serviceUrl: 'http://127.0.0.1:9/', expectReplies: true }),
    );
    expect(status).toBe(401);
    expect(await tally.store.users.get('mallory')).toBeUndefined();
  });

  it('refuses a forged bearer token with 401', async () => {
    const { status } = await postActivity(
      tally.port,
      messageActivity('hi', { user: 'mallory', conversation: 'c-auth', serviceUrl: 'http://127.0.0.1:9/', expectReplies: true }),
      { Authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.' },
    );
    expect(status).toBe(401);
  });
});
