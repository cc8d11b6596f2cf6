import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { errorKind, log } from '../../log.ts';
import type { Conversations } from './conversations.ts';
import { TokenError, type TokenSigner } from './tokens.ts';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([A-Za-z0-9_-]{8,64})\/stream$/;
/** Direct Line keeps idle sockets open with empty messages; a socket that stops answering pings is closed. */
const PING_MS = 30_000;
/** More sockets than this on one conversation close the oldest (Direct Line's "collision"). */
const MAX_SOCKETS_PER_CONVERSATION = 4;

/** One open socket, and whether it answered the last ping. */
interface Peer {
  ws: WebSocket;
  alive: boolean;
}

/**
 * Direct Line's WebSocket stream: `streamUrl` carries a short-lived stream token for exactly one
 * conversation. On connecting, the client gets what it has not seen (after the URL's watermark), then every
 * activity as it happens, one ActivitySet a message. What the client sends (DirectLineJS pings with empty
 * strings) is ignored.
 */
export class DirectLineStream {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 });
  private readonly sockets = new Map<string, Peer[]>();
  private readonly pinger: NodeJS.Timeout;

  constructor(
    private readonly conversations: Conversations,
    private readonly signer: TokenSigner,
  ) {
    this.pinger = setInterval(() => this.ping(), PING_MS);
    this.pinger.unref();
  }

  /** Takes the upgrade when it is for a stream (answering it, refused or not); false leaves it alone. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return false;
    const conversationId = match[1] as string;
    try {
      const claims = this.signer.verify(url.searchParams.get('t') ?? undefined, 'stream');
      if (claims.conv !== conversationId) return refuse(socket, 403, 'wrong-conversation');
    } catch (err) {
      if (err instanceof TokenError) return refuse(socket, err.status, err.reason);
      throw err;
    }
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return refuse(socket, 404, 'unknown-conversation');
    this.server.handleUpgrade(req, socket, head, (ws) => {
      const backlog = conversation.since(url.searchParams.get('watermark') ?? undefined);
      if (backlog.activities.length) ws.send(JSON.stringify(backlog));
      const stop = conversation.listen((set) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(set));
      });
      const peer: Peer = { ws, alive: true };
      const open = [...(this.sockets.get(conversationId) ?? []), peer];
      while (open.length > MAX_SOCKETS_PER_CONVERSATION) open.shift()?.ws.close(4001, 'collision');
      this.sockets.set(conversationId, open);
      ws.on('pong', () => (peer.alive = true));
      ws.on('error', (err) => log.warn('directline.stream-error', { kind: errorKind(err) }));
      ws.on('close', () => {
        stop();
        const left = (this.sockets.get(conversationId) ?? []).filter((p) => p !== peer);
        if (left.length) this.sockets.set(conversationId, left);
        else this.sockets.delete(conversationId);
        conversation.lastUsed = Date.now();
      });
    });
    return true;
  }

  /** Closes every stream (shutting down); clients reconnect to whatever serves next. */
  close(): void {
    clearInterval(this.pinger);
    for (const open of this.sockets.values()) {
      for (const peer of open) {
        peer.ws.close(1001, 'shutting down');
        // A client that never answers the close does not hold the process.
        setTimeout(() => peer.ws.terminate(), 1_000).unref();
      }
    }
    this.sockets.clear();
    this.server.close();
  }

  private ping(): void {
    for (const open of this.sockets.values()) {
      for (const peer of open) {
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

/** Answers a refused upgrade with a plain HTTP status, then closes the socket. */
function refuse(socket: Duplex, status: 401 | 403 | 404, reason: string): true {
  log.warn('directline.stream-refused', { reason, status });
  const text = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status];
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  return true;
}
