/**
 * Malformed requests against the real server on a random local port, generated from a fixed seed: bad and
 * truncated compressed bodies, compression bombs, wrong content types and encodings, invalid UTF-8 and
 * JSON, non-objects, deep nesting, activities missing what a turn needs, odd headers, and (with an app id)
 * bad tokens. Each case names the exact status it must get; the server must keep answering /healthz and
 * its memory must stay bounded.
 */
import { Agent, request } from 'node:http';
import { brotliCompressSync, constants, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTally, type RunningTally } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { setLogLevel } from '../../src/log.ts';
import { intBetween, mulberry32, pick, pickWeighted, type Rng } from '../../src/random.ts';
import { messageActivity } from '../helpers/channel.ts';
import { tempDbFile } from '../helpers/store.ts';

type Status = 200 | 400 | 401 | 413 | 415;
type Headers = Record<string, string>;
/** A body, or only a declared Content-Length (the body is never sent). */
type Body = Buffer | { declared: number };
interface Case {
  kind: string;
  headers: Headers;
  body: Body;
  expect: Status;
}

const MB = 1024 * 1024;
const APP_ID = '00000000-0000-0000-0000-0000000000f1';
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const bytes = (rng: Rng, n: number) => Buffer.from(Array.from({ length: n }, () => intBetween(rng, 0, 255)));
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const cut = (rng: Rng, b: Buffer) => b.subarray(0, intBetween(rng, 1, b.length - 2));
const ce = (coding: string): Headers => ({ 'Content-Encoding': coding });

/** A message Tally would answer, in expectReplies mode so nothing is posted back anywhere. */
function activity(rng: Rng, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const user = `fuzz-${intBetween(rng, 1, 5)}`;
  const base = messageActivity(pick(rng, ['hi', 'help']), {
    user,
    conversation: `c-${user}`,
    serviceUrl: 'http://127.0.0.1:9/',
    expectReplies: true,
  });
  return { ...base, ...extra };
}
const good = (rng: Rng) => json(activity(rng));

/** The body under a random stack of codings the server undoes (or none). */
const ENCODERS: Record<string, (b: Buffer) => Buffer> = {
  gzip: gzipSync,
  deflate: deflateSync,
  br: brotliCompressSync,
};
const CODINGS = ['identity', 'gzip', 'deflate', 'br', 'GZIP', 'gzip, br', 'identity, deflate', ''];
function encoded(rng: Rng, body: Buffer): { body: Buffer; headers: Headers } {
  const coding = pick(rng, CODINGS);
  const applied = coding.toLowerCase().split(',');
  const out = applied.reduce((b, c) => ENCODERS[c.trim()]?.(b) ?? b, body);
  return { body: out, headers: coding ? ce(coding) : {} };
}

/** Compression bombs, built once each: a few kilobytes to 631 KB that inflate to 5–600 MB. */
const BOMBS: Record<string, [coding: string, build: () => Buffer]> = {
  'gzip-5mb': ['gzip', () => gzipSync(Buffer.alloc(5 * MB, 32))],
  'gzip-600mb-members': [
    'gzip',
    () => Buffer.concat(Array<Buffer>(600).fill(gzipSync(Buffer.alloc(MB, 32)))),
  ],
  'deflate-8mb': ['deflate', () => deflateSync(Buffer.alloc(8 * MB))],
  'br-8mb': [
    'br',
    () => brotliCompressSync(Buffer.alloc(8 * MB, 32), { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }),
  ],
  'gzip-gzip-8mb': ['gzip, gzip', () => gzipSync(gzipSync(Buffer.alloc(8 * MB, 32)))],
  'json-text-6mb': ['gzip', () => gzipSync(json({ type: 'message', text: ' '.repeat(6 * MB) }))],
};
const built = new Map<string, Buffer>();
function bomb(rng: Rng): { body: Buffer; headers: Headers } {
  const name = pick(rng, Object.keys(BOMBS));
  const [coding, build] = BOMBS[name] as [string, () => Buffer];
  if (!built.has(name)) built.set(name, build());
  return { body: built.get(name) as Buffer, headers: ce(coding) };
}

/** Bad values for the fields a turn relies on (undefined: the field is left out). */
const BAD_FIELDS: Record<string, unknown[]> = {
  type: [undefined, 7, ''],
  channelId: [undefined, {}],
  serviceUrl: [undefined, 'not a url', 'ftp://127.0.0.1/', 42],
  conversation: [undefined, null, { id: 5 }, 'c'],
  from: [undefined, { id: '' }, ['x']],
  recipient: [undefined, { id: null }],
  text: [42, { t: 'hi' }],
  attachments: ['file', [1], [{ contentUrl: 5 }]],
  membersAdded: [[{}], { id: 'x' }],
  timestamp: ['yesterday'],
  localTimestamp: [12],
  entities: ['e'],
  locale: [['en']],
  localTimezone: [3],
  id: [1],
};
function badActivity(rng: Rng): Buffer {
  const a = activity(rng);
  const field = pick(rng, Object.keys(BAD_FIELDS));
  const values = BAD_FIELDS[field] ?? [];
  const value = values[intBetween(rng, 0, values.length - 1)];
  if (value === undefined) delete a[field];
  else a[field] = value;
  return json(a);
}
/** Overlong, truncated, surrogate and out-of-range sequences, in hex, inside the message text. */
const INVALID_UTF8 = ['ff', 'c328', 'c0af', 'eda080', 'f888808080', 'e282'];
function badUtf8(rng: Rng): Buffer {
  const [before, after] = JSON.stringify(activity(rng, { text: 'MARK' })).split('MARK') as [string, string];
  return Buffer.concat([
    Buffer.from(before),
    Buffer.from(pick(rng, INVALID_UTF8), 'hex'),
    Buffer.from(after),
  ]);
}
const INVALID_JSON = [
  "{'a':1}",
  '{"a":1,}',
  '{"a":NaN}',
  '{a:1}',
  '{"a":1} {"b":2}',
  '',
  '  ',
  '{"a":1}/*c*/',
];
const INVALID_JSON_TOO = ['{"a":"\u0001"}', '{"a":"\\x41"}', '\u0000'];
const NON_OBJECTS = ['[]', '[{"type":"message"}]', '42', '"message"', 'null', 'true', '-0.5e10'];
const WRONG_TYPES = ['text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'text/json', '*/*'];
const WRONG_TYPES_TOO = [
  'application/x-www-form-urlencoded',
  'application/jsonp',
  'application/json-patch+json',
  '',
];
const UNKNOWN_CODINGS = [
  'compress',
  'x-compress',
  'zstd',
  'gzip;q=1',
  'gzip, foo',
  'deflate-raw',
  'sdch',
  '*',
];
const UNKNOWN_CODINGS_TOO = ['aes128gcm', 'identity, zstd', 'constructor', '__proto__'];
const BAD_CHARSETS = ['utf-16', 'latin1', 'iso-8859-1', 'utf-8x', 'us-ascii'];
const ODD_BUT_FINE: Headers[] = [
  {},
  { 'Transfer-Encoding': 'chunked' },
  { Accept: 'image/png' },
  { 'Content-Type': 'Application/JSON; Charset="UTF-8"' },
  { 'Accept-Encoding': '*' },
  { Expect: '100-continue' },
  { Authorization: 'Bearer nonsense' }, // ignored without an app id, as the Emulator's local mode does
];
function nested(rng: Rng): Buffer {
  const depth = intBetween(rng, 70, 20_000);
  const [open, close] = rng() < 0.5 ? ['[', ']'] : ['{"a":', '}'];
  return Buffer.from(
    JSON.stringify(activity(rng)).replace(/}$/, `,"value":${open.repeat(depth)}1${close.repeat(depth)}}`),
  );
}

type Make = (rng: Rng) => { body: Body; headers?: Headers };
/** [kind, weight, exact status, how to make one]. */
const KINDS: [string, number, Status, Make][] = [
  [
    'gzip-garbage',
    6,
    400,
    (r) => ({
      body: Buffer.concat([Buffer.from([intBetween(r, 0, 0x1e)]), bytes(r, intBetween(r, 0, 2000))]),
      headers: ce('gzip'),
    }),
  ],
  ['gzip-truncated', 6, 400, (r) => ({ body: cut(r, gzipSync(good(r))), headers: ce('gzip') })],
  [
    'gzip-corrupted',
    5,
    400,
    (r) => {
      const body = Buffer.from(gzipSync(good(r)));
      for (let i = intBetween(r, 1, 4); i > 0; i--) {
        const at = intBetween(r, 10, body.length - 1);
        body[at] = (body[at] ?? 0) ^ intBetween(r, 1, 255);
      }
      return { body, headers: ce('gzip') };
    },
  ],
  [
    'deflate-garbage',
    4,
    400,
    (r) => ({
      body: Buffer.concat([Buffer.from('{'), bytes(r, intBetween(r, 0, 500))]),
      headers: ce('deflate'),
    }),
  ],
  ['deflate-truncated', 4, 400, (r) => ({ body: cut(r, deflateSync(good(r))), headers: ce('deflate') })],
  ['deflate-without-zlib-header', 2, 400, (r) => ({ body: deflateRawSync(good(r)), headers: ce('deflate') })],
  ['br-truncated', 4, 400, (r) => ({ body: cut(r, brotliCompressSync(good(r))), headers: ce('br') })],
  [
    'plain-body-said-compressed',
    3,
    400,
    (r) => ({ body: good(r), headers: ce(pick(r, ['gzip', 'deflate', 'x-gzip'])) }),
  ],
  ['empty-body', 1, 400, (r) => ({ body: Buffer.alloc(0), headers: pick(r, [{}, ce('gzip'), ce('br')]) })],
  ['bomb', 3, 413, bomb],
  [
    'identity-over-4mb',
    0.5,
    413,
    (r) => ({
      body: Buffer.alloc(4 * MB + intBetween(r, 1, MB), 32),
      headers: pick<Headers>(r, [{}, { 'Transfer-Encoding': 'chunked' }]),
    }),
  ],
  ['declared-over-4mb', 1.5, 413, (r) => ({ body: { declared: intBetween(r, 4 * MB + 1, 1024 * MB) } })],
  [
    'wrong-content-type',
    7,
    415,
    (r) => {
      const type = pick(r, [...WRONG_TYPES, ...WRONG_TYPES_TOO]);
      return { body: good(r), headers: { 'Content-Type': type } };
    },
  ],
  [
    'unknown-encoding',
    5,
    415,
    (r) => ({ body: good(r), headers: ce(pick(r, [...UNKNOWN_CODINGS, ...UNKNOWN_CODINGS_TOO])) }),
  ],
  [
    'too-many-codings',
    1,
    415,
    (r) => ({ body: gzipSync(gzipSync(gzipSync(good(r)))), headers: ce('gzip, gzip, gzip') }),
  ],
  [
    'bad-charset',
    2,
    415,
    (r) => ({
      body: good(r),
      headers: { 'Content-Type': `application/json; charset=${pick(r, BAD_CHARSETS)}` },
    }),
  ],
  ['invalid-utf8', 6, 400, (r) => encoded(r, badUtf8(r))],
  [
    'invalid-json',
    8,
    400,
    (r) =>
      encoded(r, r() < 0.5 ? cut(r, good(r)) : Buffer.from(pick(r, [...INVALID_JSON, ...INVALID_JSON_TOO]))),
  ],
  [
    'not-an-object',
    6,
    400,
    (r) => encoded(r, Buffer.from(pick(r, [...NON_OBJECTS, JSON.stringify([activity(r)])]))),
  ],
  ['byte-order-mark-then-array', 0.5, 400, () => ({ body: Buffer.from('\ufeff[1]') })],
  ['too-deep', 3, 400, (r) => ({ body: nested(r) })],
  [
    'large-without-type',
    0.5,
    400,
    () => ({ body: json(Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i]))) }),
  ],
  ['invalid-activity', 11, 400, (r) => encoded(r, badActivity(r))],
  [
    'valid',
    7,
    200,
    (r) => {
      const e = encoded(r, good(r));
      return { body: e.body, headers: { ...e.headers, ...pick(r, ODD_BUT_FINE) } };
    },
  ],
];
const WEIGHTS = Object.fromEntries(KINDS.map(([kind, weight]) => [kind, weight]));

/** One request for the server without an app id. */
function emulatorCase(rng: Rng): Case {
  const chosen = pickWeighted(rng, WEIGHTS);
  const [kind, , expect, make] = KINDS.find(([k]) => k === chosen) as (typeof KINDS)[number];
  const { body, headers = {} } = make(rng);
  return { kind, body, expect, headers: { 'Content-Type': 'application/json', ...headers } };
}

const now = () => Math.floor(Date.now() / 1000);
const jwt = (head: unknown, claims: unknown, sig = 'c2lnbmF0dXJl') => `${b64(head)}.${b64(claims)}.${sig}`;
const CLAIMS = () => ({ iss: 'https://api.botframework.com', aud: APP_ID, exp: now() + 600 });
const RS256 = { alg: 'RS256', kid: 'k' };
/** Authorization headers refused before the body is read (undefined: no header). */
const SCREENED_TOKENS: (() => string | undefined)[] = [
  () => undefined,
  () => 'Bearer ',
  () => 'Bearer garbage',
  () => 'Basic dXNlcjpwYXNz',
  () => `bearer ${jwt(RS256, CLAIMS())}`,
  () => `Bearer ${jwt({ alg: 'none' }, CLAIMS(), '')}`,
  () => `Bearer ${jwt({ alg: 'HS256' }, CLAIMS())}`,
  () => `Bearer ${b64(RS256)}.${b64(CLAIMS())}`,
  () => `Bearer ${b64('not json')}.${b64(CLAIMS())}.c2ln`,
  () => `Bearer ${jwt(RS256, { ...CLAIMS(), exp: now() - 3600 })}`,
  () => `Bearer ${jwt(RS256, { ...CLAIMS(), nbf: now() + 3600 })}`,
  () => `Bearer ${'a'.repeat(12_000)}`,
];
/**
 * Well-formed tokens only the SDK can refuse: foreign issuers. (A Bot Framework issuer would make the SDK
 * fetch signing keys from Microsoft, and tests use no network.)
 */
const SDK_TOKENS = [
  () => `Bearer ${jwt(RS256, { ...CLAIMS(), iss: 'https://login.example.com/' })}`,
  () => `Bearer ${jwt({ alg: 'RS512', kid: 'x' }, { ...CLAIMS(), iss: 'https://sts.example.net/tenant/' })}`,
];

/** One request for the server with an app id: always a bad token, with any body. */
function appIdCase(rng: Rng): Case {
  const base = emulatorCase(rng);
  if (rng() < 0.8) {
    const token = pick(rng, SCREENED_TOKENS)();
    const { Authorization: _ignored, ...headers } = base.headers;
    return {
      ...base,
      kind: `screened-token+${base.kind}`,
      headers: token ? { ...headers, Authorization: token } : headers,
      expect: 401,
    };
  }
  // A token that passes the first look does not excuse a bad body: the body's own status comes first.
  const headers = { ...base.headers, Authorization: pick(rng, SDK_TOKENS)() };
  return {
    ...base,
    kind: `sdk-token+${base.kind}`,
    headers,
    expect: base.expect === 200 ? 401 : base.expect,
  };
}

const agent = new Agent({ keepAlive: true, maxSockets: 8 });
function send(port: number, c: Case): Promise<number> {
  return new Promise((resolve, reject) => {
    const declared = !Buffer.isBuffer(c.body);
    const headers: Record<string, string | number> = { ...c.headers };
    if (declared) headers['Content-Length'] = (c.body as { declared: number }).declared;
    else if (!headers['Transfer-Encoding']) headers['Content-Length'] = (c.body as Buffer).length;
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/api/messages', headers, agent },
      (res) => {
        res.resume();
        res.on('end', () => {
          if (declared) req.destroy();
          resolve(res.statusCode ?? 0);
        });
      },
    );
    req.on('error', reject);
    if (declared) req.flushHeaders();
    else req.end(c.body as Buffer);
  });
}

const health = async (port: number) => (await fetch(`http://127.0.0.1:${port}/healthz`)).status;

describe('fuzzing POST /api/messages', () => {
  const temp = tempDbFile();
  let emulator: RunningTally;
  let authenticated: RunningTally;
  const errorLines: string[] = [];
  const writeStdout = process.stdout.write.bind(process.stdout);

  beforeAll(async () => {
    setLogLevel('error');
    const env = { ...process.env, PORT: '0', LOG_LEVEL: 'error', HOST: '127.0.0.1' };
    emulator = await startTally(
      loadConfig({ ...env, TALLY_DB: `${temp.dir}/emulator.db`, MicrosoftAppId: '' }),
    );
    authenticated = await startTally(
      loadConfig({
        ...env,
        TALLY_DB: `${temp.dir}/auth.db`,
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'not-a-real-secret',
      }),
    );
    // Any error-level line (a 500, a failed turn, an escaped error) fails the run.
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      if (String(chunk).includes('"level":"error"')) errorLines.push(String(chunk));
      return (writeStdout as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
  });
  afterAll(async () => {
    process.stdout.write = writeStdout;
    agent.destroy();
    await emulator?.close();
    await authenticated?.close();
    temp.remove();
  });

  it('answers 1,200 malformed requests with the exact status each deserves, and stays up and small', async () => {
    const rng = mulberry32(20260310);
    const plan = [
      ...Array.from({ length: 900 }, () => ({ port: emulator.port, make: emulatorCase })),
      ...Array.from({ length: 300 }, () => ({ port: authenticated.port, make: appIdCase })),
    ];
    const wrong: string[] = [];
    const statuses = new Map<number, number>();
    const kinds = new Set<string>();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    for (let start = 0; start < plan.length; start += 100) {
      // Generated in order from the one seed, then sent eight at a time.
      const batch = plan
        .slice(start, start + 100)
        .map(({ port, make }, i) => ({ n: start + i, port, c: make(rng) }));
      for (let i = 0; i < batch.length; i += 8) {
        await Promise.all(
          batch.slice(i, i + 8).map(async ({ n, port, c }) => {
            const status = await send(port, c);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            kinds.add(c.kind);
            if (status !== c.expect) wrong.push(`#${n} ${c.kind}: got ${status}, expected ${c.expect}`);
          }),
        );
      }
      expect(await health(emulator.port)).toBe(200);
      expect(await health(authenticated.port)).toBe(200);
    }
    clearInterval(sampler);
    expect(wrong).toEqual([]);
    expect(errorLines).toEqual([]);
    expect([...statuses.keys()].sort()).toEqual([200, 400, 401, 413, 415]);
    // One bomb inflated without a bound would add 600 MB; with the limits growth is the bodies in flight
    // (eight at a time, each at most 4 MB and its parsed objects) and garbage not yet collected.
    expect(peak - baseline).toBeLessThan(300 * MB);
    const mb = (n: number) => Math.round(n / MB);
    const counts = JSON.stringify(Object.fromEntries(statuses));
    process.stdout.write(
      `fuzz: ${plan.length} requests of ${kinds.size} kinds ${counts}, rss ${mb(baseline)} → peak ${mb(peak)} MB\n`,
    );
  }, 120_000);
});
