/**
 * The real server (startTally) on 127.0.0.1 with a temporary database, driven over HTTP the way the
 * Emulator and channels drive it.
 */
import { EventEmitter } from 'node:events';
import { networkInterfaces } from 'node:os';
import { ConfigurationBotFrameworkAuthentication, type Request, type Response } from 'botbuilder';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore, startTally, type RunningTally } from '../../src/app.ts';
import { createAdapter } from '../../src/bot/adapter.ts';
import { BotTemplates } from '../../src/bot/templates.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { localDay } from '../../src/day.ts';
import { importStatement } from '../../src/ingest/importer.ts';
import { guardProcess, setLogLevel } from '../../src/log.ts';
import { loadHousehold } from '../helpers/household.ts';
import { messageActivity, postActivity, startChannel, type FakeChannel } from '../helpers/channel.ts';
import { groceriesWithSpike } from '../helpers/statements.ts';
import { tempDbFile } from '../helpers/store.ts';

const ALERT_POLL_MS = 100;

function start(dbFile: string, env: Record<string, string> = {}): Promise<RunningTally> {
  return startTally(
    loadConfig({
      ...process.env,
      PORT: '0',
      TALLY_DB: dbFile,
      LOG_LEVEL: 'error',
      MicrosoftAppId: '',
      ...env,
    }),
  );
}

/** Collects the structured log lines written while `level` is in force. */
function captureLogs(level: 'info' | 'warn'): {
  lines: () => Record<string, unknown>[];
  raw: () => string;
  stop(): void;
} {
  const written: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  setLogLevel(level);
  process.stdout.write = ((chunk: string | Uint8Array) =>
    written.push(String(chunk)) > 0) as typeof process.stdout.write;
  return {
    raw: () => written.join(''),
    lines: () =>
      written
        .join('')
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    stop() {
      process.stdout.write = write;
      setLogLevel('error');
    },
  };
}

const texts = (body: { activities?: { text?: string }[] } | undefined) =>
  (body?.activities ?? []).map((a) => a.text ?? '');

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
    await loadHousehold(seed, ['maya']);
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
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('listens on loopback only, with no app id and no HOST', async () => {
    expect(tally.host).toBe('127.0.0.1');
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (outside) await expect(fetch(`http://${outside.address}:${tally.port}/healthz`)).rejects.toThrow();
  });

  it('writes one access line per request: method, route, status, duration, bytes; no query, ids or text', async () => {
    const logs = captureLogs('info');
    try {
      await fetch(`http://127.0.0.1:${tally.port}/healthz?user=maya`);
      await postActivity(
        tally.port,
        messageActivity('How much went on groceries last month?', {
          user: 'maya',
          conversation: 'c-log',
          serviceUrl: channel.serviceUrl,
          expectReplies: true,
        }),
      );
      await fetch(`http://127.0.0.1:${tally.port}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
        body: 'not gzip at all',
      });
    } finally {
      logs.stop();
    }
    const access = logs.lines().filter((l) => l.event === 'http.request');
    expect(access.map((l) => [l.method, l.route, l.status])).toEqual([
      ['GET', '/healthz', 200],
      ['POST', '/api/messages', 200],
      ['POST', '/api/messages', 400],
    ]);
    for (const line of access) {
      expect(line.ms).toBeTypeOf('number');
      expect(line.bytesOut).toBeGreaterThan(0);
    }
    expect(access[1]?.bytesIn).toBeGreaterThan(100);
    expect(logs.raw()).not.toMatch(/maya|groceries|414|user=/);
  });

  it('with deliveryMode expectReplies, the replies come back in the HTTP response', async () => {
    const { status, body } = await postActivity(
      tally.port,
      messageActivity('How much went on groceries last month?', {
        user: 'maya',
        conversation: 'c-expect',
        serviceUrl: channel.serviceUrl,
        expectReplies: true,
      }),
    );
    expect(status).toBe(200);
    expect(texts(body).join('\n')).toContain('$414.59');
    expect(channel.received).toEqual([]);
  });

  it('in normal mode, replies are POSTed to the channel as replies to the message', async () => {
    const activity = messageActivity('How much went on groceries last month?', {
      user: 'maya',
      conversation: 'c-normal',
      serviceUrl: channel.serviceUrl,
    });
    const { status } = await postActivity(tally.port, activity);
    expect(status).toBeLessThan(300);
    const reply = await channel.waitFor((r) => r.activity.conversation?.id === 'c-normal');
    expect(reply.method).toBe('POST');
    expect(reply.path).toBe(`/v3/conversations/c-normal/activities/${activity.id as string}`);
    expect(reply.activity).toMatchObject({ type: 'message', replyToId: activity.id });
    expect(reply.activity.text).toContain('$414.59');
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
      membersAdded: [
        { id: 'tally-bot', name: 'Tally' },
        { id: 'nina', name: 'Nina' },
      ],
    });
    const welcome = await channel.waitFor((r) => r.activity.conversation?.id === 'c-welcome');
    expect(welcome.path).toMatch(/^\/v3\/conversations\/c-welcome\/activities/);
    expect(welcome.activity.text).toContain('Tally');
    // One welcome: the bot itself joining is not greeted.
    expect(channel.received.filter((r) => r.activity.conversation?.id === 'c-welcome')).toHaveLength(1);
  });

  it('sends a proactive alert for an unusual charge imported outside the chat, once', async () => {
    // Nina is someone Tally holds (a message alone creates nobody); her normal-mode message stores where
    // she can be reached.
    const held = await openStore(temp.file);
    await held.users.ensure('nina');
    held.close();
    await postActivity(
      tally.port,
      messageActivity('hi', { user: 'nina', conversation: 'c-nina', serviceUrl: channel.serviceUrl }),
    );
    await channel.waitFor((r) => r.activity.conversation?.id === 'c-nina');
    const before = channel.received.length;

    // The alerter judges against the server's own clock, so the statement is dated relative to it.
    const today = localDay(new Date());
    const other = await openStore(temp.file);
    const bytes = groceriesWithSpike(today);
    const imported = await importStatement(other, {
      userId: 'nina',
      accountName: 'Everyday',
      accountType: 'checking',
      fileName: 'everyday.csv',
      bytes,
    });
    expect(imported.added).toBeGreaterThan(20);

    const alert = await channel.waitFor(
      (r) => r.activity.conversation?.id === 'c-nina' && /1,450\.00/.test(r.activity.text ?? ''),
    );
    expect(alert.path).toMatch(/^\/v3\/conversations\/c-nina\/activities/);
    expect(alert.activity.text).toContain('Safeway');

    // The same file again, and several more sweeps: nothing is sent twice.
    expect(
      (
        await importStatement(other, {
          userId: 'nina',
          accountName: 'Everyday',
          fileName: 'everyday.csv',
          bytes,
        })
      ).added,
    ).toBe(0);
    other.close();
    await new Promise((r) => setTimeout(r, ALERT_POLL_MS * 8));
    expect(
      channel.received.slice(before).filter((r) => r.activity.conversation?.id === 'c-nina'),
    ).toHaveLength(1);
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
      postActivity(
        tally!.port,
        messageActivity(text, {
          user: 'rita',
          conversation: 'c-restart',
          serviceUrl: 'http://127.0.0.1:9/',
          expectReplies: true,
        }),
      );
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
    tally = await start(temp.file, {
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'not-a-real-secret',
    });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await tally?.close();
    temp.remove();
  });

  it('refuses a POST without a token with 401, and says nothing', async () => {
    const { status } = await postActivity(
      tally.port,
      messageActivity('How much went on groceries last month?', {
        user: 'mallory',
        conversation: 'c-auth',
        serviceUrl: 'http://127.0.0.1:9/',
        expectReplies: true,
      }),
    );
    expect(status).toBe(401);
    expect(await tally.store.users.get('mallory')).toBeUndefined();
  });

  it('refuses a forged bearer token with 401', async () => {
    const { status } = await postActivity(
      tally.port,
      messageActivity('hi', {
        user: 'mallory',
        conversation: 'c-auth',
        serviceUrl: 'http://127.0.0.1:9/',
        expectReplies: true,
      }),
      { Authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.' },
    );
    expect(status).toBe(401);
  });

  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: 'https://api.botframework.com',
    aud: '00000000-0000-0000-0000-000000000001',
    exp: now + 600,
  };
  const signed = (c: object) => `Bearer ${b64({ alg: 'RS256', kid: 'k1' })}.${b64(c)}.c2lnbmF0dXJl`;
  // [what, Authorization header, reason logged]; none of them reaches the network or a turn.
  const badTokens: [string, string | undefined, string][] = [
    ['missing', undefined, 'missing'],
    ['garbage', 'Bearer garbage', 'malformed'],
    ['another scheme', 'Basic bWFsbG9yeTpwdw==', 'not-bearer'],
    ['unsigned (alg none)', `Bearer ${b64({ alg: 'none' })}.${b64(claims)}.`, 'unsigned'],
    [
      'signed with a shared secret (HS256)',
      `Bearer ${b64({ alg: 'HS256' })}.${b64(claims)}.c2ln`,
      'unsigned',
    ],
    ['expired an hour ago', signed({ ...claims, exp: now - 3600 }), 'expired'],
    ['not valid for another hour', signed({ ...claims, nbf: now + 3600 }), 'not-yet-valid'],
    ['from a foreign issuer', signed({ ...claims, iss: 'https://login.example.com/' }), 'refused'],
  ];
  it.each(badTokens)(
    'answers 401 to a token that is %s, with one structured line and no token in the logs',
    async (_what, header, reason) => {
      const logs = captureLogs('warn');
      let status: number;
      try {
        ({ status } = await postActivity(
          tally.port,
          messageActivity('hi', {
            user: 'mallory',
            conversation: 'c-auth',
            serviceUrl: 'http://127.0.0.1:9/',
            expectReplies: true,
          }),
          header ? { Authorization: header } : {},
        ));
      } finally {
        logs.stop();
      }
      expect(status).toBe(401);
      const refusals = logs.lines().filter((l) => l.event === 'http.unauthorized');
      expect(refusals).toHaveLength(1);
      expect(refusals[0]?.reason).toBe(reason);
      if (header) expect(logs.raw()).not.toContain(header.slice(7, 40));
      expect(logs.raw()).not.toMatch(/\n\s+at /);
      expect(await tally.store.users.get('mallory')).toBeUndefined();
    },
  );
});

describe('the adapter on its own', () => {
  const config = loadConfig({ ...process.env, MicrosoftAppId: '', LOG_LEVEL: 'error' });
  const templates = BotTemplates.load(config.dialogsDir);
  /** The SDK's own authentication, except that checking a request fails the way it is told to. */
  class FailingAuthentication extends ConfigurationBotFrameworkAuthentication {
    constructor(private readonly failure: unknown) {
      super({});
    }
    override authenticateRequest(): Promise<never> {
      return Promise.reject(this.failure);
    }
  }
  function fakeResponse() {
    const r = { code: 0, body: undefined as unknown, ended: false, socket: null };
    return Object.assign(r, {
      status: (c: number) => (r.code = c),
      send: (b: unknown) => (r.body = b),
      end: () => (r.ended = true),
      header: () => undefined,
    });
  }
  const request = (body: Record<string, unknown>): Request => ({
    method: 'POST',
    headers: { authorization: 'Bearer x.y.z' },
    body,
  });
  const message = () =>
    messageActivity('hi', { user: 'nina', conversation: 'c-unit', serviceUrl: 'http://127.0.0.1:9/' });
  const named = (name: string, extra: object = {}) =>
    Object.assign(new Error('Unauthorized. Invalid AppId passed on token: 1234'), { name }, extra);

  // What CloudAdapter.process turns into 500 with a stack trace, each a 401 here.
  it.each([
    ['the SDK’s AuthenticationError', named('Error', { statusCode: 401 }), 'refused'],
    ['a bad signature (JsonWebTokenError)', named('JsonWebTokenError'), 'invalid-token'],
    ['an expired token (TokenExpiredError)', named('TokenExpiredError'), 'expired'],
    [
      'signing keys out of reach (FetchError)',
      named('FetchError', { code: 'ENOTFOUND' }),
      'keys-unavailable',
    ],
    ['anything else', new TypeError('cannot read properties of undefined'), 'unverifiable'],
  ])('answers 401 when authentication fails with %s, and runs no turn', async (_what, failure, reason) => {
    const adapter = createAdapter(config, templates, undefined, new FailingAuthentication(failure));
    const res = fakeResponse();
    const logic = vi.fn(async () => undefined);
    const logs = captureLogs('warn');
    try {
      await adapter.process(request(message()), res as unknown as Response, logic);
    } finally {
      logs.stop();
    }
    expect([res.code, res.body, res.ended]).toEqual([401, { error: 'unauthorized' }, true]);
    expect(logic).not.toHaveBeenCalled();
    expect(logs.lines().map((l) => [l.event, l.reason])).toEqual([['http.unauthorized', reason]]);
    expect(logs.raw()).not.toContain('1234');
  });

  it('answers 400 to an activity without a recipient, and 200 after a turn for a whole one', async () => {
    const adapter = createAdapter(config, templates);
    const logic = vi.fn(async () => undefined);
    const broken = fakeResponse();
    const { recipient: _recipient, ...withoutRecipient } = message();
    await adapter.process(request(withoutRecipient), broken as unknown as Response, logic);
    expect([broken.code, broken.body]).toEqual([400, { error: 'invalid-activity' }]);
    expect(logic).not.toHaveBeenCalled();
    const whole = fakeResponse();
    await adapter.process({ ...request(message()), headers: {} }, whole as unknown as Response, logic);
    expect(whole.code).toBe(200);
    expect(logic).toHaveBeenCalledTimes(1);
  });
});

describe('configuration of the HTTP edge', () => {
  const env = { PORT: '0' };
  it('listens on loopback without an app id, everywhere with one, and where HOST says if set', () => {
    expect(loadConfig({ ...env }).host).toBe('127.0.0.1');
    expect(loadConfig({ ...env, MicrosoftAppId: 'app' }).host).toBeUndefined();
    expect(loadConfig({ ...env, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
  it('reads the download deadline, 30 s unless set, and refuses nonsense', () => {
    expect(loadConfig(env).downloadTimeoutMs).toBe(30_000);
    expect(loadConfig({ ...env, TALLY_DOWNLOAD_TIMEOUT_MS: '1500' }).downloadTimeoutMs).toBe(1500);
    expect(() => loadConfig({ ...env, TALLY_DOWNLOAD_TIMEOUT_MS: 'soon' })).toThrow(ConfigError);
  });
  it('warns once at start-up when the unauthenticated mode listens beyond loopback', async () => {
    const temp = tempDbFile();
    const logs = captureLogs('warn');
    let open: RunningTally | undefined;
    try {
      open = await start(temp.file, { HOST: '0.0.0.0' });
    } finally {
      logs.stop();
      await open?.close();
      temp.remove();
    }
    expect(logs.lines().filter((l) => l.event === 'server.unauthenticated-beyond-loopback')).toEqual([
      expect.objectContaining({ host: '0.0.0.0' }),
    ]);
  });
});

describe('the last-resort handlers', () => {
  it('log an escaped error as one line and keep serving; only a burst of them ends the process', () => {
    const proc = new EventEmitter();
    const exit = vi.fn();
    guardProcess(proc, exit, { count: 3, windowMs: 60_000 });
    const logs = captureLogs('warn');
    try {
      proc.emit('unhandledRejection', new RangeError('amount 4999.99 out of range'));
      proc.emit(
        'uncaughtException',
        Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR' }),
        'uncaughtException',
      );
      expect(exit).not.toHaveBeenCalled();
      proc.emit('uncaughtException', new Error('again'), 'uncaughtException');
      proc.emit('uncaughtException', new Error('and again'), 'uncaughtException');
    } finally {
      logs.stop();
    }
    expect(logs.lines().map((l) => [l.event, l.kind])).toEqual([
      ['process.unhandled-rejection', 'RangeError'],
      ['process.uncaught-exception', 'Error:Z_DATA_ERROR'],
      ['process.uncaught-exception', 'Error'],
      ['process.uncaught-exception', 'Error'],
      ['process.unstable', undefined],
    ]);
    expect(logs.raw()).not.toMatch(/4999|header check/);
    expect(exit).toHaveBeenCalledExactlyOnceWith(1);
  });
});
