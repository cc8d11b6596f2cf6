import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type restify from 'restify';
import type { Config } from '../../config.ts';
import type { DirectLinePort } from '../../store/index.ts';
import { log } from '../../log.ts';
import { DirectLineChannel } from './channel.ts';
import { Conversations } from './conversations.ts';
import { servePage, WEB_DIR } from './page.ts';
import { RateLimiter } from './rate-limit.ts';
import { mountDirectLine } from './routes.ts';
import { DirectLineStream } from './stream.ts';
import { directLineSecret, TokenSigner } from './tokens.ts';

export { WEB_DIR } from './page.ts';

export interface DirectLineOptions {
  /** The adapter and bot logic every channel goes through. */
  adapter: CloudAdapter;
  logic(context: TurnContext): Promise<void>;
  config: Pick<Config, 'microsoftAppId' | 'maxUploadBytes'>;
  /** `TALLY_DIRECTLINE_SECRET`; when empty a random one is made, and tokens end with the process. */
  secret: string | undefined;
  /** Where the built page lives (default `dist/web`). */
  webDir?: string;
  /** Origins besides the page's own that images in cards come from (chart images). */
  imageOrigins?: () => string[];
  /** Where conversations, transcripts and uploaded files are kept, so every instance serves every one. */
  store: DirectLinePort;
  /** How often a WebSocket stream looks for what other instances added (default 250 ms). */
  streamPollMs?: number;
}

export interface DirectLineService {
  /** Adds GET / (the Web Chat page), its bundle, and the Direct Line routes. */
  mount(server: restify.Server): void;
  /** Takes the WebSocket upgrades of Direct Line streams; false for any other upgrade. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Tells the service where the server listens, so the bot's replies can find their way back. */
  listening(address: AddressInfo | string | null): void;
  /** Closes the streams and lets turns under way finish. */
  close(): Promise<void>;
}

/** Token generation per client address: ten at once, then one every six seconds. */
const TOKEN_BURST = 10;
const TOKEN_REFILL_MS = 6_000;

/**
 * Web Chat in a browser, through a Direct Line 3.0-compatible service Tally serves itself: tokens,
 * conversations, activities (posted, polled, streamed over WebSocket) and uploads. What the page sends
 * runs through the same adapter and bot as every other channel (see `DirectLineChannel`).
 */
export function createDirectLine(options: DirectLineOptions): DirectLineService {
  const { secret, generated } = directLineSecret(options.secret);
  if (generated) log.info('directline.secret-generated', { tokensSurviveRestart: false });
  const signer = new TokenSigner(secret);
  const conversations = new Conversations(options.store);
  // The same on every instance sharing the secret, and across restarts: the serviceUrl a conversation
  // reference keeps (for alerts sent later, by any instance) still opens the reply service.
  const serviceKey = createHmac('sha256', secret).update('directline-reply-service').digest('base64url');
  let loopback = 'http://127.0.0.1:3978';
  const channel = new DirectLineChannel({
    adapter: options.adapter,
    logic: options.logic,
    appId: options.config.microsoftAppId,
    serviceUrl: () => `${loopback}/v3/directline/bot/${serviceKey}`,
    conversations,
  });
  const stream = new DirectLineStream(conversations, signer, options.streamPollMs);
  return {
    mount(server) {
      servePage(server, { dir: options.webDir ?? WEB_DIR, imageOrigins: options.imageOrigins ?? (() => []) });
      mountDirectLine(server, {
        conversations,
        channel,
        signer,
        tokenLimiter: new RateLimiter(TOKEN_BURST, TOKEN_REFILL_MS),
        serviceKey,
        loopbackOrigin: () => loopback,
        maxUploadBytes: options.config.maxUploadBytes,
      });
    },
    upgrade: (req, socket, head) => stream.upgrade(req, socket, head),
    listening(address) {
      if (address && typeof address === 'object')
        loopback = `http://${loopbackHost(address)}:${address.port}`;
    },
    async close() {
      stream.close();
      await channel.drain(10_000);
      conversations.close();
    },
  };
}

/** This server as seen from this machine: the address it is bound to, or 127.0.0.1 when bound to all. */
function loopbackHost(address: AddressInfo): string {
  if (address.address === '0.0.0.0' || address.address === '::' || address.address === '') return '127.0.0.1';
  return address.family === 'IPv6' || address.address.includes(':')
    ? `[${address.address}]`
    : address.address;
}
