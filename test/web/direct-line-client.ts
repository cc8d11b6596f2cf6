/**
 * A small Direct Line 3.0 client for tests, doing what Web Chat (DirectLineJS) does over HTTP: get a token,
 * start a conversation, post activities and poll for what came after the last watermark.
 */
import { expect } from 'vitest';

export type Json = Record<string, unknown>;
export type Activity = Json & {
  id: string;
  type: string;
  text?: string;
  from: { id: string; role?: string };
  replyToId?: string;
};

export interface Answer {
  status: number;
  headers: Headers;
  json: Json;
}

export interface CallOptions {
  token?: string;
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One request to the server at `base`: a JSON body (or a FormData one) and a JSON answer. */
export async function call(base: string, path: string, init: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  let body: string | FormData | undefined;
  if (init.body instanceof FormData) body = init.body;
  else if (init.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? (body ? 'POST' : 'GET'),
    headers,
    body,
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    json: (text.startsWith('{') ? JSON.parse(text) : {}) as Json,
  };
}

/** The claims a token carries (read, not verified). */
export function claimsOf(token: string): Json {
  return JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8')) as Json;
}

let visitors = 0;

/** One person's conversation, as Web Chat holds it: token, conversation id, the watermark seen so far. */
export class Chat {
  watermark = '';
  constructor(
    readonly base: string,
    readonly token: string,
    readonly conversationId: string,
    readonly streamUrl: string,
  ) {}

  get user(): string {
    return claimsOf(this.token).user as string;
  }

  /** A new visitor: each from an address of its own, as browsers are (token generation is rate-limited). */
  static async open(base: string): Promise<Chat> {
    visitors += 1;
    const headers = { 'X-Forwarded-For': `198.51.100.${visitors % 250}` };
    const issued = await call(base, '/v3/directline/tokens/generate', { method: 'POST', headers });
    const token = issued.json.token as string;
    const started = await call(base, '/v3/directline/conversations', { token, method: 'POST', body: {} });
    expect(started.status).toBe(201);
    return new Chat(base, token, issued.json.conversationId as string, started.json.streamUrl as string);
  }

  path(rest = ''): string {
    return `/v3/directline/conversations/${this.conversationId}${rest}`;
  }

  /** A request in this conversation's name (its token), unless `init` says otherwise. */
  call(rest: string, init: CallOptions = {}): Promise<Answer> {
    return call(this.base, this.path(rest), { token: this.token, ...init });
  }

  /** Activities after the last watermark seen (advancing it). */
  async poll(): Promise<Activity[]> {
    const got = await this.call(`/activities?watermark=${this.watermark}`);
    expect(got.status).toBe(200);
    this.watermark = got.json.watermark as string;
    return got.json.activities as Activity[];
  }

  /** Waits until an activity matching `match` has come (polling, as DirectLineJS does without a socket). */
  async waitFor(match: (a: Activity) => boolean, timeoutMs = 10_000): Promise<Activity> {
    const seen: Activity[] = [];
    for (
      const until = Date.now() + timeoutMs;
      Date.now() < until;
      await new Promise((r) => setTimeout(r, 50))
    ) {
      seen.push(...(await this.poll()));
      const hit = seen.find(match);
      if (hit) return hit;
    }
    throw new Error('nothing matching arrived');
  }

  /** Posts a message and returns the bot's replies to it (the post returns once the bot has answered). */
  async say(text: string, extra: Json = {}): Promise<Activity[]> {
    const posted = await this.call('/activities', { body: { type: 'message', text, ...extra } });
    expect(posted.status).toBe(200);
    const id = posted.json.id as string;
    return (await this.poll()).filter((a) => a.replyToId === id);
  }
}

export const textOf = (replies: Activity[]): string => replies.map((r) => r.text ?? '').join('\n');
