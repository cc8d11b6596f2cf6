/**
 * A stand-in for a Bot Framework channel on 127.0.0.1: it records the activities the bot POSTs back to its
 * serviceUrl, and posts activities to the bot the way the Emulator does.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';

export interface Received {
  method: string;
  path: string;
  activity: { type?: string; text?: string; replyToId?: string; conversation?: { id?: string } };
}

export interface FakeChannel {
  serviceUrl: string;
  received: Received[];
  /** Resolves with the first recorded activity that `match` accepts, or rejects after `timeoutMs`. */
  waitFor(match: (r: Received) => boolean, timeoutMs?: number): Promise<Received>;
  close(): Promise<void>;
}

export async function startChannel(): Promise<FakeChannel> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      received.push({
        method: req.method ?? '',
        path: req.url ?? '',
        activity: text ? (JSON.parse(text) as Received['activity']) : {},
      });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id: randomUUID() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    received,
    async waitFor(match, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const hit = received.find(match);
        if (hit) return hit;
        if (Date.now() > until) throw new Error(`nothing matching arrived at the channel in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ActivityOptions {
  user: string;
  conversation: string;
  serviceUrl: string;
  expectReplies?: boolean;
  /** A group chat of several people (Teams marks it `isGroup` and `groupChat`), not a one-to-one chat. */
  group?: boolean;
}

/** A message as the Emulator sends it, asked on 2026-03-10 at noon in Los Angeles. */
export function messageActivity(text: string, o: ActivityOptions): Record<string, unknown> {
  return {
    type: 'message',
    id: randomUUID(),
    text,
    channelId: 'emulator',
    serviceUrl: o.serviceUrl,
    from: { id: o.user, name: o.user },
    recipient: { id: 'tally-bot', name: 'Tally' },
    conversation: o.group
      ? { id: o.conversation, isGroup: true, conversationType: 'groupChat' }
      : { id: o.conversation },
    ...(o.expectReplies ? { deliveryMode: 'expectReplies' } : {}),
    locale: 'en-US',
    timestamp: '2026-03-10T20:00:00.000Z',
    localTimestamp: '2026-03-10T12:00:00.000-08:00',
    localTimezone: 'America/Los_Angeles',
  };
}

/** POSTs one activity to the bot; returns the status and the parsed body (if any). */
export async function postActivity(
  port: number,
  activity: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { activities?: { type?: string; text?: string }[] } | undefined }> {
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as { activities?: { type?: string; text?: string }[] }) : undefined,
  };
}
