import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { errorKind, log } from '../../log.ts';
import { clientActivity, type ActivitySet, type Conversation, type Conversations } from './conversations.ts';
import { TokenError, type TokenSigner } from './tokens.ts';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([A-Za-z0-9_-]{8,64})\/stream$/;
/** Direct Line keeps idle sockets open with empty messages; a socket that stops answering pings is closed. */
const PING_MS = 30_000;
/** More sockets than this on one conversation close the oldest (Direct Line's "collision"). */
const MAX_SOCKETS_PER_CONVERSATION = 4;
/** How often a stream looks for what other instances added (see `DirectLineStream`). */
export const DEFAULT_POLL_MS = 250;
/** How often streamed conversations are marked as in use. */
const TOUCH_MS = 60_000;

/** One open socket, whether it answered the last ping, and the last watermark it was sent. */
interface Peer {
  ws: WebSocket;
  alive: boolean;
  sent: number;
}

/** A conversation this process streams, its sockets, and whether a delivery is under way. */
interface Held {
  conversation: Conversation;
  peers: Peer[];
  delivering: boolean;
  again: boolean;
}

/**
 * Direct Line's WebSocket stream: `streamUrl` carries a short-lived stream token for exactly one
 * conversation. On connecting, the client gets what it has not seen (after the URL's watermark), then every
 * activity as it happens. What the client sends (DirectLineJS pings with empty strings) is ignored.
 *
 * The transcript lives in the store, and the turn that adds to it may run on another instance, so the
 * stream polls: every `pollMs` one statement reads the watermarks of every conversation this process
 * streams, and only a conversation whose watermark moved is read. Appends made here are sent at once.
 */
export class DirectLineStream {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 });
  private readonly held = new Map<string, Held>();
  private readonly pinger: NodeJS.Timeout;
  private readonly poller: NodeJS.Timeout;
  private readonly stopListening: (() => void)[];
  private polling = false;
  private lastTouch = Date.now();

  constructor(
    private readonly conversations: Conversations,
    private readonly signer: TokenSigner,
    pollMs = DEFAULT_POLL_MS,
  ) {
    this.pinger = setInterval(() => this.ping(), PING_MS);
    this.pinger.unref();
    this.poller = setInterval(() => void this.poll(), pollMs);
    this.poller.unref();
    this.stopListening = [
      conversations.onAppend((id) => {
        const held = this.held.get(id);
        if (held) void this.deliver(held);
      }),
      conversations.onSignal((id, set) => {
        for (const peer of this.held.get(id)?.peers ?? []) send(peer.ws, set);
      }),
    ];
  }

  /** Takes the upgrade when it is for a stream (answering it, refused or not); false leaves it alone. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return false;
    const conversationId = match[1] as string;
    let conversation: Conversation;
    try {
      const claims = this.signer.verify(url.searchParams.get('t') ?? undefined, 'stream');
      if (claims.conv !== conversationId) return refuse(socket, 403, 'wrong-conversation');
      conversation = { id: claims.conv, userId: claims.user };
    } catch (err) {
      if (err instanceof TokenError) return refuse(socket, err.status, err.reason);
      throw err;
    }
    const after = Number(url.searchParams.get('watermark') ?? undefined);
    void this.conversations.watermark(conversation).then(
      (watermark) => {
        if (watermark === undefined) return refuse(socket, 404, 'unknown-conversation');
        this.server.handleUpgrade(req, socket, head, (ws) =>
          this.accept(ws, conversation, Number.isInteger(after) && after >= 0 ? after : 0),
        );
      },
      (err: unknown) => {
        log.error('directline.stream-failed', { kind: errorKind(err) });
        socket.destroy();
      },
    );
    return true;
  }

  /** Closes every stream (shutting down); clients reconnect to whatever serves next. */
  close(): void {
    clearInterval(this.pinger);
    clearInterval(this.poller);
    for (const stop of this.stopListening) stop();
    for (const { peers } of this.held.values()) {
      for (const peer of peers) {
        peer.ws.close(1001, 'shutting down');
        // A client that never answers the close does not hold the process.
        setTimeout(() => peer.ws.terminate(), 1_000).unref();
      }
    }
    this.held.clear();
    this.server.close();
  }

  private accept(ws: WebSocket, conversation: Conversation, after: number): void {
    const peer: Peer = { ws, alive: true, sent: after };
    const held = this.held.get(conversation.id) ?? {
      conversation,
      peers: [],
      delivering: false,
      again: false,
    };
    held.peers.push(peer);
    while (held.peers.length > MAX_SOCKETS_PER_CONVERSATION) held.peers.shift()?.ws.close(4001, 'collision');
    this.held.set(conversation.id, held);
    ws.on('pong', () => (peer.alive = true));
    ws.on('error', (err) => log.warn('directline.stream-error', { kind: errorKind(err) }));
    ws.on('close', () => {
      held.peers = held.peers.filter((p) => p !== peer);
      if (!held.peers.length && this.held.get(conversation.id) === held) this.held.delete(conversation.id);
      void this.conversations.touch(conversation).catch(() => undefined);
    });
    // The backlog: what came after the URL's watermark.
    void this.deliver(held);
  }

  /** Sends each socket of the conversation what it has not been sent yet; one delivery at a time. */
  private async deliver(held: Held): Promise<void> {
    if (held.delivering) {
      held.again = true;
      return;
    }
    held.delivering = true;
    try {
      do {
        held.again = false;
        const from = Math.min(...held.peers.map((p) => p.sent));
        if (!Number.isFinite(from)) break;
        const entries = await this.conversations.entries(held.conversation, from);
        for (const peer of held.peers) {
          const fresh = entries.filter((e) => e.seq > peer.sent);
          const last = fresh.at(-1);
          if (!last) continue;
          send(peer.ws, {
            activities: fresh.map((e) => clientActivity(held.conversation.id, e)),
            watermark: String(last.seq),
          });
          peer.sent = last.seq;
        }
      } while (held.again);
    } catch (err) {
      log.warn('directline.stream-read-failed', { kind: errorKind(err) });
    } finally {
      held.delivering = false;
    }
  }

  /** One read for every conversation streamed here; those whose watermark moved are delivered. */
  private async poll(): Promise<void> {
    if (this.polling || !this.held.size) return;
    this.polling = true;
    try {
      const held = [...this.held.values()];
      const watermarks = await this.conversations.watermarks(held.map((h) => h.conversation));
      for (const h of held) {
        const watermark = watermarks.get(h.conversation.id);
        if (watermark !== undefined && h.peers.some((p) => p.sent < watermark)) void this.deliver(h);
      }
      // A conversation someone is connected to is not idle, whichever instance holds the socket.
      if (Date.now() - this.lastTouch > TOUCH_MS) {
        this.lastTouch = Date.now();
        for (const h of held) await this.conversations.touch(h.conversation);
      }
    } catch (err) {
      log.warn('directline.stream-poll-failed', { kind: errorKind(err) });
    } finally {
      this.polling = false;
    }
  }

  private ping(): void {
    for (const { peers } of this.held.values()) {
      for (const peer of peers) {
        if (!peer.alive) {
          peer.ws.terminate();
          continue;
        }
        peer.alive = false;
        peer.ws.ping();
      }
    }
  }
}

function send(ws: WebSocket, set: ActivitySet): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(set));
}

/** Answers a refused upgrade with a plain HTTP status, then closes the socket. */
function refuse(socket: Duplex, status: 401 | 403 | 404, reason: string): true {
  log.warn('directline.stream-refused', { reason, status });
  const text = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status];
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  return true;
}
