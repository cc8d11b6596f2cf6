/**
 * Tally's own Direct Line 3.0 service, driven over HTTP and WebSocket the way Web Chat drives it, against
 * the real server (startTally) on 127.0.0.1 with a temporary database.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { startTally, type RunningTally } from '../../src/app.ts';
import { TokenSigner } from '../../src/bot/directline/tokens.ts';
import { loadConfig } from '../../src/config.ts';
import { localDay } from '../../src/day.ts';
import { setLogLevel } from '../../src/log.ts';
import { groceriesWithSpike } from '../helpers/statements.ts';
import { tempDbFile } from '../helpers/store.ts';
import {
  Chat,
  call as request,
  claimsOf,
  textOf,
  type Activity,
  type CallOptions,
  type Json,
} from '../web/direct-line-client.ts';

const SECRET = 'directline-test-secret-0123456789-abcdefghijklmnop';
/** The person's clock for the demo questions: noon on 10 March 2026 in Los Angeles. */
const MARCH_10 = {
  localTimestamp: '2026-03-10T12:00:00.000-08:00',
  localTimezone: 'America/Los_Angeles',
  locale: 'en-US',
};

let tally: RunningTally;
let base: string;
const temp = tempDbFile();
const call = (path: string, init?: CallOptions) => request(base, path, init);
const open = () => Chat.open(base);

beforeAll(async () => {
  setLogLevel('error');
  vi.stubEnv('TALLY_DIRECTLINE_SECRET', SECRET);
  vi.stubEnv('TALLY_ALERT_POLL_MS', '100');
  tally = await startTally(
    loadConfig({
      ...process.env,
      PORT: '0',
      TALLY_DB: temp.file,
      LOG_LEVEL: 'error',
      MicrosoftAppId: '',
      TALLY_MAX_UPLOAD_MB: '1',
    }),
  );
  base = `http://127.0.0.1:${tally.port}`;
});
afterAll(async () => {
  await tally?.close();
  temp.remove();
  vi.unstubAllEnvs();
});

describe('tokens and conversations', () => {
  it('issues a signed token naming a fresh dl_ person and their own conversation, for 30 minutes', async () => {
    const [a, b] = await Promise.all(
      ['192.0.2.1', '192.0.2.2'].map((address) =>
        call('/v3/directline/tokens/generate', {
          method: 'POST',
          body: { user: { id: 'chosen-by-browser' } },
          headers: { 'X-Forwarded-For': address },
        }),
      ),
    );
    for (const issued of [a, b]) {
      expect(issued?.status).toBe(200);
      const claims = claimsOf(issued?.json.token as string);
      expect(claims.user).toMatch(/^dl_[A-Za-z0-9_-]{20,}$/);
      expect(claims.conv).toBe(issued?.json.conversationId);
      expect([issued?.json.expires_in, Number(claims.exp) - Number(claims.iat)]).toEqual([1800, 1800]);
    }
    expect(claimsOf(a?.json.token as string).user).not.toBe(claimsOf(b?.json.token as string).user);
    expect(a?.json.conversationId).not.toBe(b?.json.conversationId);
  });

  it("starts with Tally's welcome and its suggestions; starting again reopens the same conversation", async () => {
    const chat = await open();
    expect(chat.streamUrl).toMatch(
      new RegExp(
        `^ws://127\\.0\\.0\\.1:${tally.port}/v3/directline/conversations/${chat.conversationId}/stream\\?t=`,
      ),
    );
    const welcome = await chat.waitFor((a) => a.from.role === 'bot');
    expect(welcome.text).toContain('Tally');
    expect(JSON.stringify(welcome.suggestedActions)).toContain('Try the demo');
    expect(welcome).not.toHaveProperty('serviceUrl');
    const again = await call('/v3/directline/conversations', { token: chat.token, method: 'POST' });
    expect(again.status).toBe(200);
    expect(again.json.conversationId).toBe(chat.conversationId);
    expect((await chat.poll()).length).toBe(0);
  });

  it('refreshes a token for the same person and conversation, and reconnects with a new streamUrl', async () => {
    const chat = await open();
    const refreshed = await call('/v3/directline/tokens/refresh', { token: chat.token, method: 'POST' });
    expect(refreshed.status).toBe(200);
    const claims = claimsOf(refreshed.json.token as string);
    expect([claims.user, claims.conv]).toEqual([chat.user, chat.conversationId]);
    const reconnect = await call(chat.path('?watermark=1'), { token: refreshed.json.token as string });
    expect(reconnect.status).toBe(200);
    expect(reconnect.json.streamUrl).toMatch(/\/stream\?watermark=1&t=/);
  });

  it('rate-limits token generation per client address', async () => {
    const from = (address: string) =>
      call('/v3/directline/tokens/generate', { method: 'POST', headers: { 'X-Forwarded-For': address } });
    const statuses = [];
    for (let i = 0; i < 12; i++) statuses.push((await from('203.0.113.9')).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    const limited = await from('203.0.113.9');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await from('203.0.113.10')).status).toBe(200);
  });
});

describe('talking to Tally', () => {
  it('answers "hi" to the token\'s person, whatever from.id the page claims', async () => {
    const chat = await open();
    await chat.waitFor((a) => a.from.role === 'bot');
    const posted = await chat.call('/activities', {
      body: {
        type: 'message',
        text: 'hi',
        from: { id: 'someone-else', role: 'user' },
        channelData: { clientActivityID: 'c-1', team: { id: 't' } },
      },
    });
    expect(posted.status).toBe(200);
    const [echo, ...replies] = await chat.poll();
    expect(echo).toMatchObject({
      id: posted.json.id,
      type: 'message',
      text: 'hi',
      from: { id: chat.user, role: 'user' },
      channelData: { clientActivityID: 'c-1' },
    });
    expect(echo?.channelData).toEqual({ clientActivityID: 'c-1' });
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((r) => r.replyToId === posted.json.id && r.from.role === 'bot')).toBe(true);
    expect(textOf(replies)).toMatch(/demo/i);
    expect(await chat.poll()).toEqual([]);
    // Typing reaches the sockets only: it takes no turn and stays out of the transcript.
    expect((await chat.call('/activities', { body: { type: 'typing' } })).status).toBe(200);
    expect(await chat.poll()).toEqual([]);
  });

  it('answers money questions personally once the demo is loaded, with a chart card', async () => {
    const chat = await open();
    expect(textOf(await chat.say('try the demo', MARCH_10))).toMatch(/yes or no/);
    expect(textOf(await chat.say('yes', MARCH_10))).toMatch(/added the demo household/);
    expect((await tally.store.accounts.list(chat.user)).length).toBeGreaterThan(0);
    const answer = textOf(await chat.say('how much did I spend last month?', MARCH_10));
    expect(answer).toMatch(/\$\d[\d,]*\.\d\d/);
    expect(answer).toContain('February 2026');

    const [card] = (await chat.say('break down last month by category', MARCH_10)).flatMap(
      (r) => (r.attachments as Json[] | undefined) ?? [],
    );
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const image = JSON.stringify(card?.content).match(/"url":"([^"]+)"/)?.[1] as string;
    const png = image.startsWith('data:') ? undefined : await fetch(image);
    if (png) expect([png.status, png.headers.get('content-type')]).toEqual([200, 'image/png']);
    else expect(image).toMatch(/^data:image\/png;base64,/);
  });

  it('streams over the WebSocket: what came after the watermark, then each activity as it happens', async () => {
    const chat = await open();
    await chat.waitFor((a) => a.from.role === 'bot');
    const ws = new WebSocket(chat.streamUrl);
    const sets: { activities: Activity[]; watermark?: string }[] = [];
    ws.on('message', (data) => sets.push(JSON.parse(String(data))));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    await chat.say('hi');
    for (
      const until = Date.now() + 5_000;
      sets.flatMap((s) => s.activities).filter((a) => a.type === 'message').length < 3 && Date.now() < until;
    ) {
      await new Promise((r) => setTimeout(r, 25));
    }
    ws.close();
    const messages = sets.flatMap((s) => s.activities).filter((a) => a.type === 'message');
    expect(messages.map((a) => a.from.role)).toEqual(['bot', 'user', 'bot']);
    expect(messages[1]?.text).toBe('hi');
    expect(sets.at(-1)?.watermark).toBe(chat.watermark);
  });

  it('links a CSV statement uploaded from the page, then alerts reach the conversation by itself', async () => {
    const chat = await open();
    expect(textOf(await chat.say('link an account'))).toMatch(/yes or no/i);
    expect(textOf(await chat.say('yes'))).toMatch(/what should I call this account/i);
    expect(textOf(await chat.say('Everyday checking'))).toMatch(/attach the statement/i);

    // Dated by the server's clock: the alert judges what is unusual against today.
    const csv = groceriesWithSpike(localDay(new Date()));
    const form = new FormData();
    form.append(
      'activity',
      new Blob(
        [
          JSON.stringify({
            type: 'message',
            from: { id: 'someone-else' },
            attachments: [{ contentType: 'text/csv', name: 'everyday.csv' }],
          }),
        ],
        { type: 'application/vnd.microsoft.activity' },
      ),
    );
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'everyday.csv');
    const posted = await chat.call('/upload?userId=someone-else', { body: form });
    expect(posted.status).toBe(200);
    const [echo, ...replies] = await chat.poll();
    expect(echo?.from.id).toBe(chat.user);
    const [file] = echo?.attachments as { name: string; contentUrl: string }[];
    expect(file?.name).toBe('everyday.csv');
    expect(Buffer.from(await (await fetch(file?.contentUrl as string)).arrayBuffer()).equals(csv)).toBe(true);
    expect(textOf(replies.filter((r) => r.replyToId === posted.json.id))).toMatch(
      /Imported \d+ transactions/,
    );
    expect((await tally.store.accounts.list(chat.user)).map((a) => a.name)).toContain('Everyday checking');

    // The import itself sets off the alert, which may come before the import's reply or after it.
    const isAlert = (a: Activity) => a.from.role === 'bot' && /1,450\.00/.test(a.text ?? '');
    const alert = replies.find(isAlert) ?? (await chat.waitFor(isAlert));
    expect(alert.text).toContain('Safeway');
    expect(alert.replyToId).toBeUndefined();
  });
});

describe('what is refused', () => {
  it('a missing, forged, tampered, expired or stream-only token', async () => {
    const chat = await open();
    const activities = chat.path('/activities');
    expect((await call(activities)).status).toBe(401);
    const forged = new TokenSigner(Buffer.from('another-secret-another-secret-another-secret')).sign(
      { user: chat.user, conv: chat.conversationId, scope: 'api' },
      1800,
    );
    expect((await call(activities, { token: forged })).status).toBe(403);
    const [header, , signature] = chat.token.split('.');
    const otherPayload = Buffer.from(
      JSON.stringify({ ...claimsOf(chat.token), user: 'dl_somebodyelse0000000000' }),
    ).toString('base64url');
    expect((await call(activities, { token: `${header}.${otherPayload}.${signature}` })).status).toBe(403);
    const expired = new TokenSigner(Buffer.from(SECRET)).sign(
      { user: chat.user, conv: chat.conversationId, scope: 'api' },
      1800,
      Date.now() - 31 * 60_000,
    );
    expect((await call(activities, { token: expired })).status).toBe(403);
    expect((await call('/v3/directline/tokens/refresh', { token: expired, method: 'POST' })).status).toBe(
      403,
    );
    const streamToken = new URL(chat.streamUrl).searchParams.get('t') as string;
    expect((await call(activities, { token: streamToken })).status).toBe(403);
  });

  it("another conversation's activities, stream, upload and reconnect", async () => {
    const [alice, mallory] = [await open(), await open()];
    await alice.waitFor((a) => a.from.role === 'bot');
    const as = (path: string, init: Json = {}) => call(alice.path(path), { token: mallory.token, ...init });
    expect((await as('/activities')).status).toBe(403);
    expect((await as('/activities', { body: { type: 'message', text: 'hi' } })).status).toBe(403);
    expect((await as('')).status).toBe(403);
    const form = new FormData();
    form.append('file', new Blob(['Date,Description,Amount\n']), 'x.csv');
    expect((await as('/upload', { body: form })).status).toBe(403);
    const stolen = mallory.streamUrl.replace(mallory.conversationId, alice.conversationId);
    const refused = await new Promise<number>((resolve) =>
      new WebSocket(stolen)
        .once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
        .once('open', () => resolve(101)),
    );
    expect(refused).toBe(403);
    // Nothing Mallory tried reached Alice's transcript.
    expect((await alice.poll()).length).toBe(0);
  });

  it('bad activities, uploads over the limit and upgrades for anything but a stream', async () => {
    const chat = await open();
    expect((await chat.call('/activities', { body: { type: 'invoke' } })).status).toBe(400);
    expect(
      (
        await call(chat.path('/activities'), {
          token: chat.token,
          body: { type: 'message', text: 'x'.repeat(10_001) },
        })
      ).status,
    ).toBe(400);
    // The limit here is 1 MB: a file a little over it reaches the bot, which says so; one far over is a 413.
    const upload = (bytes: number) => {
      const form = new FormData();
      form.append('file', new Blob([Buffer.alloc(bytes, 0x41)]), 'big.csv');
      return chat.call('/upload', { body: form });
    };
    await chat.poll();
    expect((await upload(1_200_000)).status).toBe(200);
    // A file dropped in first: consent, a name, then the download, which the bot refuses.
    expect(textOf(await chat.poll())).toMatch(/yes or no/);
    expect(textOf(await chat.say('yes'))).toMatch(/which account is this file from/i);
    expect(textOf(await chat.say('Everyday checking'))).toMatch(/too big \(the limit is 1 MB\)/);
    expect((await upload(2_000_000)).status).toBe(413);
    const closed = await new Promise<string>((resolve) =>
      new WebSocket(`ws://127.0.0.1:${tally.port}/api/messages`)
        .once('error', () => resolve('closed'))
        .once('open', () => resolve('open')),
    );
    expect(closed).toBe('closed');
    expect((await call('/healthz')).status).toBe(200);
  });
});

describe('with a MicrosoftAppId', () => {
  const authenticated = tempDbFile();
  let secured: RunningTally;
  beforeAll(async () => {
    secured = await startTally(
      loadConfig({
        ...process.env,
        PORT: '0',
        TALLY_DB: authenticated.file,
        LOG_LEVEL: 'error',
        MicrosoftAppId: '00000000-0000-4000-8000-000000000001',
        MicrosoftAppPassword: 'not-used-here',
        HOST: '127.0.0.1',
      }),
    );
  });
  afterAll(async () => {
    await secured?.close();
    authenticated.remove();
  });

  it("the page's own channel still answers: its turns need no Bot Framework token and reach no other host", async () => {
    const at = `http://127.0.0.1:${secured.port}/v3/directline`;
    const issued = (await (await fetch(`${at}/tokens/generate`, { method: 'POST' })).json()) as {
      token: string;
      conversationId: string;
    };
    const auth = { Authorization: `Bearer ${issued.token}` };
    expect((await fetch(`${at}/conversations`, { method: 'POST', headers: auth })).status).toBe(201);
    const posted = await fetch(`${at}/conversations/${issued.conversationId}/activities`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'hi' }),
    });
    expect(posted.status).toBe(200);
    const { id } = (await posted.json()) as { id: string };
    const { activities } = (await (
      await fetch(`${at}/conversations/${issued.conversationId}/activities`, { headers: auth })
    ).json()) as { activities: Activity[] };
    expect(activities.filter((a) => a.replyToId === id && a.from.role === 'bot').length).toBeGreaterThan(0);
    // The Bot Framework endpoint itself still refuses a request without a token.
    expect(
      (
        await fetch(`http://127.0.0.1:${secured.port}/api/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(401);
  });
});
