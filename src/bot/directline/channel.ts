import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, ConnectorClient } from 'botframework-connector';
import { errorKind, log } from '../../log.ts';
import { watermarkOf, type Conversation, type Conversations } from './conversations.ts';
import { botActivity } from './shape.ts';

type Authenticated = Exclude<Parameters<CloudAdapter['processActivityDirect']>[0], string>;
type Credentials = ConstructorParameters<typeof ConnectorClient>[0];

/** How Tally appears in Direct Line conversations. */
export const BOT_ACCOUNT = { id: 'tally', name: 'Tally', role: 'bot' } as const;

/** A turn slower than this shows the page that Tally is typing. */
const TYPING_AFTER_MS = 200;

/**
 * Replies go to Tally's own reply service on loopback, whose URL carries a key of its own; a signature
 * would add nothing, so requests leave unsigned.
 */
const UNSIGNED: Credentials = { signRequest: async (resource) => resource };

export interface ChannelDeps {
  /** The same adapter and bot logic the Bot Framework channel uses. */
  adapter: CloudAdapter;
  logic(context: TurnContext): Promise<void>;
  appId: string;
  /** Where the bot sends what it says: Tally's own Direct Line reply service, on loopback. */
  serviceUrl(): string;
  conversations: Conversations;
}

/**
 * A small in-process channel. The page's activities arrive here already authenticated (the token named
 * the person), so they enter the adapter as an authenticated request with a connector that reaches back
 * to this service: the bot answers, as to any channel, by POSTing to its serviceUrl, and those replies
 * land in the conversation's transcript and on its sockets.
 */
export class DirectLineChannel {
  private readonly authenticated: Authenticated;
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly deps: ChannelDeps) {
    this.authenticated = {
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      // As the adapter builds it for its own proactive turns: the bot's app id as audience and app id.
      claimsIdentity: new ClaimsIdentity([
        { type: AuthenticationConstants.AudienceClaim, value: deps.appId },
        { type: AuthenticationConstants.AppIdClaim, value: deps.appId },
      ]),
      connectorFactory: {
        create: async (serviceUrl: string) => new ConnectorClient(UNSIGNED, { baseUri: serviceUrl }),
      },
    };
  }

  /** Tally and the person join a new conversation, so the bot greets them. */
  join(conversation: Conversation): Promise<void> {
    return this.turn(conversation, {
      type: 'conversationUpdate',
      membersAdded: [{ id: BOT_ACCOUNT.id, name: BOT_ACCOUNT.name }, { id: conversation.userId }],
    });
  }

  /**
   * Runs one activity from the person through the adapter, after any earlier one in the same conversation
   * has finished. `fields` come from `postedActivity` (or the upload), never straight from a request.
   */
  turn(conversation: Conversation, fields: Record<string, unknown>, id?: string): Promise<void> {
    const activity = {
      ...fields,
      id,
      channelId: 'directline',
      serviceUrl: this.deps.serviceUrl(),
      timestamp: new Date(),
      from: { id: conversation.userId, role: 'user' },
      recipient: { id: BOT_ACCOUNT.id, name: BOT_ACCOUNT.name, role: 'bot' },
      conversation: { id: conversation.id, conversationType: 'personal', isGroup: false },
    } as unknown as Activity;
    const { conversations } = this.deps;
    const run = conversations.enqueue(conversation, async () => {
      const typing = setTimeout(
        () => conversations.signal(conversation, { type: 'typing', from: { ...BOT_ACCOUNT } }),
        TYPING_AFTER_MS,
      );
      try {
        await this.deps.adapter.processActivityDirect(this.authenticated, activity, this.deps.logic);
      } catch (err) {
        // The adapter's own onTurnError has already apologised for a failure inside the turn.
        log.error('directline.turn-failed', { kind: errorKind(err), activity: String(fields.type) });
        throw err;
      } finally {
        clearTimeout(typing);
      }
    });
    this.running.add(run);
    void run.catch(() => undefined).finally(() => this.running.delete(run));
    return run;
  }

  /**
   * Something the bot sent to the conversation: into the transcript (typing only to the sockets). A reply
   * is numbered after the activity it answers, so it is kept even when its own turn removed the
   * conversation ("delete my data"); undefined when the conversation is gone and this was no reply.
   */
  async fromBot(conversation: Conversation, body: Record<string, unknown>): Promise<string | undefined> {
    const activity = botActivity(body, { ...BOT_ACCOUNT });
    // A proactive message replies to a continuation event the page never saw; Web Chat would wait for it.
    const answers =
      typeof activity.replyToId === 'string' ? watermarkOf(conversation.id, activity.replyToId) : undefined;
    if (answers === undefined) delete activity.replyToId;
    if (activity.type === 'typing') return this.deps.conversations.signal(conversation, activity);
    return this.deps.conversations.append(conversation, activity, answers);
  }

  /** Settles when every turn under way has finished (or `timeoutMs` has passed). */
  async drain(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.running]),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
  }
}
