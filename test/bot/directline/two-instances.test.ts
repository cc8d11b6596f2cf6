/**
 * Two Tally servers on one SQLite file, sharing the Direct Line secret, as two instances behind a
 * balancer without sticky sessions: a Web Chat conversation started on one is polled, posted to and
 * streamed from either, and it outlives the instance that started it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { startTally, type RunningTally } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { setLogLevel } from '../../../src/log.ts';
import { tempDbFile } from '../../helpers/store.ts';
import { Chat, textOf, type Activity } from '../../web/direct-line-client.ts';

const SECRET = 'two-instances-secret-0123456789-abcdefghijklmnopq';
const temp = tempDbFile();
const start = () =>
  startTally(
    loadConfig({ ...process.env, PORT: '0', TALLY_DB: temp.file, LOG_LEVEL: 'error', MicrosoftAppId: '' }),
  );
let a: RunningTally;
let b: RunningTally;
const base = (t: RunningTally) => `http://127.0.0.1:${t.port}`;

beforeAll(async () => {
  setLogLevel('error');
  vi.stubEnv('TALLY_DIRECTLINE_SECRET', SECRET);
  [a, b] = [await start(), await start()];
}, 60_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
  temp.remove();
  vi.unstubAllEnvs();
});

/** The same person and conversation, talking to another instance (the token is good at every one). */
function on(t: RunningTally, chat: Chat): Chat {
  const moved = new Chat(base(t), chat.token, chat.conversationId, chat.streamUrl);
  moved.watermark = chat.watermark;
  return moved;
}

/** Collects what a WebSocket stream sends. */
async function stream(url: string): Promise<{ ws: WebSocket; got: Activity[] }> {
  const ws = new WebSocket(url);
  const got: Activity[] = [];
  ws.on('message', (data) =>
    got.push(...(JSON.parse(String(data)) as { activities: Activity[] }).activities),
  );
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return { ws, got };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (const end = Date.now() + 5_000; !check(); await new Promise((r) => setTimeout(r, 25)))
    if (Date.now() > end) throw new Error(`${what} did not happen`);
}

describe('a Web Chat conversation on two instances', () => {
  it('is polled and posted to on either, and a stream on one gets what the other answered', async () => {
    const started = await Chat.open(base(a));
    // The greeting, produced by A, read from B.
    const fromB = on(b, started);
    expect(textOf([await fromB.waitFor((x) => x.from.role === 'bot')])).toContain('Tally');
    const fromA = on(a, fromB);

    // A holds the socket; B answers.
    const socket = await stream(started.streamUrl);
    const asked = await fromB.say('link an account');
    expect(textOf(asked)).toMatch(/yes or no/i);
    await until(() => socket.got.some((x) => x.replyToId === asked[0]?.replyToId), 'streaming B’s answer');
    // The dialog B started goes on at A: the state and the transcript are shared.
    fromA.watermark = fromB.watermark;
    expect(textOf(await fromA.say('yes'))).toMatch(/what should I call this account/i);
    const user = socket.got.filter((x) => x.type === 'message' && x.from.role === 'user').map((x) => x.text);
    expect(user).toEqual(['link an account', 'yes']);
    // Watermarks are one sequence for the conversation, whichever instance handed them out.
    const ids = socket.got.filter((x) => x.type === 'message').map((x) => Number(x.id.split('|')[1]));
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(ids.length);
    socket.ws.close();
  });

  it('answers a reconnect on the other instance, from the watermark the page had', async () => {
    const chat = await Chat.open(base(a));
    await chat.waitFor((x) => x.from.role === 'bot');
    await chat.say('hi');
    const seen = chat.watermark;
    await on(b, chat).say('help');
    const reconnect = await on(b, chat).call(`?watermark=${seen}`);
    expect(reconnect.status).toBe(200);
    const socket = await stream(reconnect.json.streamUrl as string);
    await until(() => socket.got.some((x) => x.text === 'help'), 'the backlog after the watermark');
    expect(socket.got.filter((x) => x.from.role === 'user').map((x) => x.text)).toEqual(['help']);
    socket.ws.close();
  });

  it('outlives the instance that started it', async () => {
    const chat = await Chat.open(base(a));
    await chat.waitFor((x) => x.from.role === 'bot');
    await a.close();
    a = await start();
    const later = on(a, chat);
    expect((await later.call('/activities?watermark=0')).status).toBe(200);
    expect(textOf(await later.say('help'))).not.toBe('');
  });
});
