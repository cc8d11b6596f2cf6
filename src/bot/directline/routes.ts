import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type restify from 'restify';
import { BodyError, discard, readJsonBody, type BodyLimits, DEFAULT_BODY_LIMITS } from '../../http/body.ts';
import { errorKind, log } from '../../log.ts';
import { sendJson } from '../../server.ts';
import type { DirectLineChannel } from './channel.ts';
import type { Conversation, Conversations } from './conversations.ts';
import { clientAddress, isLoopbackAddress, type RateLimiter } from './rate-limit.ts';
import { postedActivity } from './shape.ts';
import {
  newConversationId,
  newUserId,
  TokenError,
  bearer,
  type TokenClaims,
  type TokenSigner,
} from './tokens.ts';
import { receiveUpload } from './upload.ts';

/** Token lifetimes, as Direct Line's: 30 minutes (refreshable), and a minute to open the stream. */
export const TOKEN_SECONDS = 30 * 60;
export const STREAM_TOKEN_SECONDS = 60;
/** The bot's answer is awaited this long before the post is acknowledged anyway (Direct Line: 15 s). */
const TURN_WAIT_MS = 15_000;
const ACTIVITY_LIMITS: BodyLimits = { ...DEFAULT_BODY_LIMITS, maxRawBytes: 256 * 1024, maxBytes: 256 * 1024 };

export interface RouteDeps {
  conversations: Conversations;
  channel: DirectLineChannel;
  signer: TokenSigner;
  tokenLimiter: RateLimiter;
  /** The key in the reply service's URL (see `DirectLineService.serviceUrl`). */
  serviceKey: string;
  /** This server on loopback, as the bot reaches it: `http://127.0.0.1:3978`. */
  loopbackOrigin(): string;
  maxUploadBytes: number;
}

type Handler = (req: restify.Request, res: restify.Response) => Promise<void>;

/** The Direct Line 3.0 client API (as Web Chat uses it), and the reply service the bot posts to. */
export function mountDirectLine(server: restify.Server, deps: RouteDeps): void {
  const { conversations, channel, signer } = deps;
  const issue = (claims: Pick<TokenClaims, 'user' | 'conv'>) => ({
    conversationId: claims.conv,
    token: signer.sign({ user: claims.user, conv: claims.conv, scope: 'api' }, TOKEN_SECONDS),
    expires_in: TOKEN_SECONDS,
  });
  const streamUrl = (req: IncomingMessage, conversation: Conversation, watermark?: string) => {
    const t = signer.sign(
      { user: conversation.userId, conv: conversation.id, scope: 'stream' },
      STREAM_TOKEN_SECONDS,
    );
    const query = new URLSearchParams({ ...(watermark !== undefined ? { watermark } : {}), t });
    return `${publicOrigin(req, deps).ws}/v3/directline/conversations/${conversation.id}/stream?${query}`;
  };

  server.post(
    '/v3/directline/tokens/generate',
    guarded(async (req, res) => {
      discard(req);
      const wait = deps.tokenLimiter.take(clientAddress(req));
      if (wait > 0) {
        log.warn('directline.rate-limited', { retryAfterMs: wait });
        res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
        return sendJson(res, 429, { error: 'too-many-requests' });
      }
      sendJson(res, 200, issue({ user: newUserId(), conv: newConversationId() }));
    }),
  );

  server.post(
    '/v3/directline/tokens/refresh',
    guarded(async (req, res) => {
      discard(req);
      const claims = authorize(req, signer);
      // A refresh is a sign of life: the conversation is kept.
      await conversations.touch(conversationOf(claims));
      sendJson(res, 200, issue(claims));
    }),
  );

  server.post(
    '/v3/directline/conversations',
    guarded(async (req, res) => {
      // The body may name a user; the token already does, and only the token counts.
      discard(req);
      const claims = authorize(req, signer);
      const conversation = conversationOf(claims);
      const { created } = await conversations.open(conversation);
      // Tally greets a new conversation; the greeting reaches the page over the stream (or the next poll).
      // A greeting that fails costs the page its welcome, not the conversation; the log says why.
      if (created) {
        void channel
          .join(conversation)
          .catch((err: unknown) => log.error('directline.greeting-failed', { kind: errorKind(err) }));
      }
      sendJson(res, created ? 201 : 200, { ...issue(claims), streamUrl: streamUrl(req, conversation) });
    }),
  );

  server.get(
    '/v3/directline/conversations/:conversationId',
    guarded(async (req, res) => {
      const { claims, conversation, watermark: current } = await joined(req, signer, conversations);
      // Without a watermark only what comes next is sent, as in Direct Line.
      const watermark = queryOf(req).get('watermark') || String(current);
      sendJson(res, 200, {
        conversationId: conversation.id,
        token: bearer(req.headers.authorization),
        expires_in: Math.max(0, claims.exp - Math.floor(Date.now() / 1000)),
        streamUrl: streamUrl(req, conversation, watermark),
      });
    }),
  );

  server.get(
    '/v3/directline/conversations/:conversationId/activities',
    guarded(async (req, res) => {
      const { conversation } = await joined(req, signer, conversations);
      sendJson(res, 200, {
        ...(await conversations.since(conversation, queryOf(req).get('watermark') ?? undefined)),
      });
    }),
  );

  server.post(
    '/v3/directline/conversations/:conversationId/activities',
    guarded(async (req, res) => {
      const { conversation } = await joined(req, signer, conversations);
      const posted = postedActivity(await readJsonBody(req, ACTIVITY_LIMITS), conversation.userId);
      if (typeof posted === 'string') {
        log.warn('directline.rejected', { reason: posted, status: 400 });
        return sendJson(res, 400, { error: posted });
      }
      // Typing goes to the sockets only, as in Direct Line; Tally does nothing with it, so it costs no turn.
      if (posted.echo.type === 'typing')
        return sendJson(res, 200, { id: conversations.signal(conversation, posted.echo) });
      const id = await conversations.append(conversation, posted.echo);
      if (!id) throw new Refusal(404, 'unknown-conversation');
      const answered = await untilAnswered(channel.turn(conversation, posted.turn, id));
      if (answered === 'failed') return sendJson(res, 502, { error: 'bot-failed' });
      sendJson(res, 200, { id });
    }),
  );

  server.post(
    '/v3/directline/conversations/:conversationId/upload',
    guarded(async (req, res) => {
      const { conversation } = await joined(req, signer, conversations);
      // `userId` in the query is the browser's say-so and is not used: the token names the sender.
      const upload = await receiveUpload(req, conversation, conversations, {
        maxFileBytes: deps.maxUploadBytes,
        publicOrigin: publicOrigin(req, deps).http,
        loopbackOrigin: deps.loopbackOrigin(),
      });
      if (typeof upload === 'string') {
        log.warn('directline.rejected', { reason: upload, status: 400 });
        return sendJson(res, 400, { error: upload });
      }
      const id = await conversations.append(conversation, upload.echo);
      if (!id) throw new Refusal(404, 'unknown-conversation');
      const answered = await untilAnswered(channel.turn(conversation, upload.turn, id));
      if (answered === 'failed') return sendJson(res, 502, { error: 'bot-failed' });
      sendJson(res, 200, { id });
    }),
  );

  // An uploaded file, by its unguessable id (the bot fetches it from here; the page links to it).
  server.get(
    '/v3/directline/attachments/:fileId',
    guarded(async (req, res) => {
      const file = await conversations.getFile(String(req.params?.fileId ?? ''));
      if (!file) return sendJson(res, 404, { error: 'not-found' });
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(file.bytes.length),
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(file.bytes);
    }),
  );

  // The reply service: where the bot's connector POSTs what it says. Loopback only, and only with the key.
  const fromBot: Handler = async (req, res) => {
    const key = Buffer.from(String(req.params?.key ?? ''));
    const expected = Buffer.from(deps.serviceKey);
    if (
      !isLoopbackAddress(req.socket.remoteAddress ?? '') ||
      key.length !== expected.length ||
      !timingSafeEqual(key, expected)
    ) {
      discard(req);
      return sendJson(res, 404, { error: 'not-found' });
    }
    const body = await readJsonBody(req, DEFAULT_BODY_LIMITS);
    // The bot addresses the person it answers; only the bot (holding the key, on loopback) gets here.
    const userId = (body.recipient as { id?: unknown } | undefined)?.id;
    const conversationId = String(req.params?.conversationId ?? '');
    const id =
      typeof userId === 'string' && userId
        ? await channel.fromBot({ id: conversationId, userId }, body)
        : undefined;
    if (!id) return sendJson(res, 404, { error: 'unknown-conversation' });
    sendJson(res, 200, { id });
  };
  server.post('/v3/directline/bot/:key/v3/conversations/:conversationId/activities', guarded(fromBot));
  server.post(
    '/v3/directline/bot/:key/v3/conversations/:conversationId/activities/:replyToId',
    guarded(fromBot),
  );
}

/** Refused for a reason the client caused: the status and the code it is told. */
class Refusal extends Error {
  constructor(
    readonly status: 403 | 404,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** The claims of the request's bearer token (an API token, unexpired, signed by this server). */
function authorize(req: IncomingMessage, signer: TokenSigner): TokenClaims {
  return signer.verify(bearer(req.headers.authorization), 'api');
}

/** The conversation a token names: its conversation id, held by its person. */
function conversationOf(claims: Pick<TokenClaims, 'user' | 'conv'>): Conversation {
  return { id: claims.conv, userId: claims.user };
}

/** The token's own conversation, and only that one (403 for any other; 404 once it is forgotten). */
async function joined(
  req: restify.Request,
  signer: TokenSigner,
  conversations: Conversations,
): Promise<{ claims: TokenClaims; conversation: Conversation; watermark: number }> {
  const claims = authorize(req, signer);
  if (String(req.params?.conversationId ?? '') !== claims.conv) throw new Refusal(403, 'wrong-conversation');
  const conversation = conversationOf(claims);
  const watermark = await conversations.watermark(conversation);
  if (watermark === undefined) throw new Refusal(404, 'unknown-conversation');
  return { claims, conversation, watermark };
}

/** Turns refusals into their status with one log line (never the token); anything else is a 500. */
function guarded(handler: Handler): Handler {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (err) {
      if (!req.complete) discard(req);
      if (err instanceof TokenError || err instanceof Refusal || err instanceof BodyError) {
        log.warn(err instanceof BodyError ? 'directline.rejected' : 'directline.unauthorized', {
          reason: err.reason,
          status: err.status,
        });
        return sendJson(res, err.status, { error: err.reason });
      }
      log.error('directline.failed', { kind: errorKind(err) });
      if (!res.headersSent) sendJson(res, 500, { error: 'internal-error' });
    }
  };
}

/** Waits for the bot's turn, as Direct Line waits for the bot's HTTP answer, but not forever. */
async function untilAnswered(turn: Promise<void>): Promise<'answered' | 'failed' | 'pending'> {
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    turn.then(
      () => 'answered' as const,
      () => 'failed' as const,
    ),
    new Promise<'pending'>((resolve) => (timer = setTimeout(() => resolve('pending'), TURN_WAIT_MS))),
  ]);
  clearTimeout(timer);
  return outcome;
}

function queryOf(req: IncomingMessage): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}

/**
 * The origin the page used, for URLs handed back to it (the stream, uploaded files). Behind a reverse
 * proxy on this machine, its X-Forwarded-Proto says whether that was https.
 */
function publicOrigin(
  req: IncomingMessage,
  deps: Pick<RouteDeps, 'loopbackOrigin'>,
): { http: string; ws: string } {
  const host = req.headers.host;
  const viaProxy = isLoopbackAddress(req.socket.remoteAddress ?? '');
  const proto =
    viaProxy &&
    String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]
      ?.trim() === 'https'
      ? 'https'
      : 'http';
  const origin =
    host && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)
      ? `${proto}://${host}`
      : deps.loopbackOrigin();
  return { http: origin, ws: origin.replace(/^http/, 'ws') };
}
