import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorKind, log, looksLikeMoney, MAX_LOGGED_STRING, setLogLevel, type LogLevel } from '../src/log.ts';

type Line = Record<string, unknown>;

/** Runs `body` with stdout captured and `level` in force; returns what was written. */
function captured(level: LogLevel, body: () => void): { raw: string; lines: Line[] } {
  const written: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) =>
    written.push(String(chunk)) > 0) as typeof process.stdout.write;
  setLogLevel(level);
  try {
    body();
  } finally {
    process.stdout.write = write;
    setLogLevel('silent');
  }
  const raw = written.join('');
  return {
    raw,
    lines: raw
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line),
  };
}

/** A call site that passes what its type does not allow (an object, an Error): the logger still copes. */
const loose = (fields: Record<string, unknown>) => fields as Record<string, string>;

describe('log lines', () => {
  it('are one JSON object per event, with a time, a level name and the event', () => {
    const { raw, lines } = captured('info', () => {
      log.info('server.started', { port: 3978, authenticated: false });
      log.warn('http.rejected', { reason: 'too-large', status: 413 });
    });
    expect(raw.split('\n')).toHaveLength(3);
    expect(raw.endsWith('\n')).toBe(true);
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', event: 'server.started', port: 3978, authenticated: false }),
      expect.objectContaining({ level: 'warn', event: 'http.rejected', reason: 'too-large', status: 413 }),
    ]);
    expect(lines[0]?.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('leave out fields that are undefined', () => {
    const { lines } = captured('info', () => log.info('alerts.sent', { count: 2, aborted: undefined }));
    expect(lines[0]).not.toHaveProperty('aborted');
    expect(lines[0]?.count).toBe(2);
  });
});

describe('redaction', () => {
  const secrets: [string, string][] = [
    ['text', 'how much did I spend at Safeway'],
    ['amount', '1450'],
    ['amountMinor', '-145000'],
    ['amountsByCategory', 'groceries'],
    ['description', 'POS 4431 SAFEWAY #1234 OAKLAND'],
    ['merchant', 'Blue Bottle'],
    ['memo', 'rent for March'],
    ['token', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYXlhIn0.c2ln'],
    ['accessToken', 'opaque-access-token-value'],
    ['authorization', 'Bearer eyJhbGciOiJSUzI1NiJ9'],
    ['Authorization', 'Basic bWFsbG9yeTpwdw=='],
    ['password', 'hunter2hunter2'],
    ['MicrosoftAppPassword', 'not-a-real-secret-value'],
    ['clientSecret', 'also-not-a-real-secret'],
  ];

  it.each(secrets)('writes %s as [redacted], never its value', (field, value) => {
    const { raw, lines } = captured('info', () => log.info('turn.handled', { [field]: value, userCount: 1 }));
    expect(lines[0]?.[field]).toBe('[redacted]');
    expect(lines[0]?.userCount).toBe(1);
    expect(raw).not.toContain(value);
  });

  it('redacts the same names one level down', () => {
    const nested = loose({
      activity: { text: 'what did Amazon charge me', from: 'web' },
      headers: { authorization: 'Bearer abc.def.ghi' },
    });
    const { raw, lines } = captured('info', () => log.info('turn.received', nested));
    expect(lines[0]?.activity).toEqual({ text: '[redacted]', from: 'web' });
    expect(lines[0]?.headers).toEqual({ authorization: '[redacted]' });
    expect(raw).not.toMatch(/Amazon|abc\.def/);
  });

  it.each(['$12.34', '12,34 EUR', 'USD 5', '-£1,250.00', '4999.99', '1.234,56', 'charged 3 200,00 zł', '€7'])(
    'drops a field of any name whose value looks like money: %s',
    (value) => {
      const { raw, lines } = captured('info', () => log.info('import.row', { reason: value, rows: 3 }));
      expect(lines[0]).not.toHaveProperty('reason');
      expect(lines[0]?.rows).toBe(3);
      expect(raw).not.toContain(value);
    },
  );

  it('drops strings longer than the limit, keeps one at the limit', () => {
    const long = 'x'.repeat(MAX_LOGGED_STRING + 1);
    const limit = 'y'.repeat(MAX_LOGGED_STRING);
    const { lines } = captured('info', () => log.info('import.failed', { detail: long, kept: limit }));
    expect(lines[0]).not.toHaveProperty('detail');
    expect(lines[0]?.kept).toBe(limit);
  });

  it('keeps the kinds, routes, addresses and versions logs are made of', () => {
    const fields = {
      kind: 'Error:Z_DATA_ERROR',
      route: '/api/messages',
      host: '127.0.0.1',
      version: '4.23.3',
      at: '2026-03-10T20:00:00.000Z',
      template: 'AnswerSpendTotal',
      reason: 'not-bearer',
    };
    const { lines } = captured('info', () => log.info('fields.plain', fields));
    expect(lines[0]).toMatchObject(fields);
    for (const value of Object.values(fields)) expect(looksLikeMoney(value)).toBe(false);
  });
});

describe('levels', () => {
  const everyLevel = () => {
    log.debug('e.debug');
    log.info('e.info');
    log.warn('e.warn');
    log.error('e.error');
  };
  it.each([
    ['debug', ['e.debug', 'e.info', 'e.warn', 'e.error']],
    ['info', ['e.info', 'e.warn', 'e.error']],
    ['warn', ['e.warn', 'e.error']],
    ['error', ['e.error']],
    ['silent', []],
  ] as [LogLevel, string[]][])('at %s, writes only that level and above', (level, events) => {
    expect(captured(level, everyLevel).lines.map((l) => l.event)).toEqual(events);
  });

  describe('the level a process starts with', () => {
    afterEach(() => {
      vi.unstubAllEnvs();
      vi.resetModules();
    });
    const fresh = async () => (await import('../src/log.ts')).log;
    const capture = (write: () => void) => {
      const written: string[] = [];
      const original = process.stdout.write.bind(process.stdout);
      process.stdout.write = ((chunk: string | Uint8Array) =>
        written.push(String(chunk)) > 0) as typeof process.stdout.write;
      try {
        write();
      } finally {
        process.stdout.write = original;
      }
      return written.join('');
    };

    it('is silent under the test runner when LOG_LEVEL is not set', async () => {
      vi.stubEnv('LOG_LEVEL', '');
      vi.resetModules();
      const quiet = await fresh();
      expect(capture(() => quiet.error('e.error'))).toBe('');
    });

    it('comes from LOG_LEVEL', async () => {
      vi.stubEnv('LOG_LEVEL', 'WARN');
      vi.resetModules();
      const fromEnv = await fresh();
      const raw = capture(() => {
        fromEnv.info('e.info');
        fromEnv.warn('e.warn');
      });
      expect(
        raw
          .trim()
          .split('\n')
          .map((l) => (JSON.parse(l) as Line).event),
      ).toEqual(['e.warn']);
    });
  });
});

describe('errorKind', () => {
  it('names the class and code, never the message or the stack', () => {
    const failure = Object.assign(new RangeError('amount 4999.99 for maya out of range'), {
      code: 'ERR_OUT_OF_RANGE',
    });
    expect(errorKind(failure)).toBe('RangeError:ERR_OUT_OF_RANGE');
    expect(errorKind(new TypeError('cannot read text of undefined'))).toBe('TypeError');
    expect(errorKind('a thrown string with $5.00')).toBe('string');
    expect(errorKind(undefined)).toBe('undefined');
  });

  it('is all that is written of an Error passed as a field', () => {
    const failure = new SyntaxError('Unexpected token in "Blue Bottle $4.50"');
    const { raw, lines } = captured('error', () =>
      log.error('turn.failed', loose({ err: failure, cause: failure })),
    );
    expect(lines[0]).toMatchObject({ err: 'SyntaxError', cause: 'SyntaxError' });
    expect(raw).not.toMatch(/Blue Bottle|Unexpected token|\n\s+at |stack/);
  });
});
