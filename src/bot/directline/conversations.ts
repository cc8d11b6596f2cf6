import { randomBytes, randomUUID } from 'node:crypto';
import { errorKind, log } from '../../log.ts';
import type { DirectLineEntry, DirectLinePort } from '../../store/index.ts';

/** An activity as clients see it: plain JSON, never the bot-side serviceUrl. */
export type ClientActivity = Record<string, unknown> & { type: string };

/** What one WebSocket message or one poll carries. */
export interface ActivitySet {
  activities: ClientActivity[];
  watermark?: string;
}

/** One person's conversation with Tally, as the token names it: the only way any request reaches one. */
export interface Conversation {
  id: string;
  userId: string;
}

export interface ConversationLimits {
  /** A conversation nobody has touched (and no socket holds) for this long is forgotten. */
  idleMs: number;
  /** The transcript keeps at most this many activities, dropping the oldest. */
  maxActivities: number;
  /** Uploaded files: how long each is kept, and how many of one person's are kept at once. */
  fileTtlMs: number;
  filesPerPerson: number;
  /** How often expired conversations and files are removed. */
  sweepMs: number;
}

export const DEFAULT_CONVERSATION_LIMITS: ConversationLimits = {
  idleMs: 60 * 60_000,
  maxActivities: 500,
  fileTtlMs: 30 * 60_000,
  filesPerPerson: 10,
  sweepMs: 60_000,
};

export interface StoredFile {
  conversationId: string;
  name: string;
  contentType: string;
  bytes: Buffer;
}

/**
 * Every Direct Line conversation, kept in the store so that any instance can serve any request of one:
 * the transcript is numbered by watermark there, and a poll or a stream on any instance reads it. What
 * stays in this process is only what concerns this process: the order of the turns it runs for one
 * conversation, a nudge to its own sockets when it appended something (sockets elsewhere notice by
 * polling), and typing signals, which Direct Line never keeps either.
 */
export class Conversations {
  private readonly queues = new Map<string, Promise<void>>();
  private readonly appendListeners = new Set<(conversationId: string) => void>();
  private readonly signalListeners = new Set<(conversationId: string, set: ActivitySet) => void>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: DirectLinePort,
    readonly limits: ConversationLimits = DEFAULT_CONVERSATION_LIMITS,
  ) {
    this.timer = setInterval(() => void this.sweep(), limits.sweepMs);
    this.timer.unref();
  }

  /** The conversation, created for its person when it does not exist yet. */
  open(conversation: Conversation): Promise<{ created: boolean; watermark: number }> {
    return this.store.open(ref(conversation), this.expiry());
  }

  /** The conversation's last watermark, or undefined when it does not exist (or was forgotten). */
  watermark(conversation: Conversation): Promise<number | undefined> {
    return this.store.watermark(ref(conversation));
  }

  /** Watermarks of several conversations (by id) in one read: what a stream polls. */
  watermarks(conversations: readonly Conversation[]): Promise<Map<string, number>> {
    return this.store.watermarks(conversations.map(ref));
  }

  /** A sign of life: the conversation is kept for another idle period. */
  async touch(conversation: Conversation): Promise<boolean> {
    return this.store.touch(ref(conversation), this.expiry());
  }

  /**
   * Adds an activity to the transcript and returns its id (`<conversation>|<watermark>`); undefined when
   * the conversation no longer exists. `floor` (a reply's own request's watermark) opens it again.
   */
  async append(
    conversation: Conversation,
    activity: ClientActivity,
    floor?: number,
  ): Promise<string | undefined> {
    const entry = await this.store.append(ref(conversation), activity, {
      keep: this.limits.maxActivities,
      expiresAt: this.expiry(),
      floor,
    });
    if (!entry) return undefined;
    for (const listener of this.appendListeners) listener(conversation.id);
    return activityId(conversation.id, entry.seq);
  }

  /** Sends an activity to this process's sockets without keeping it (typing, as in Direct Line). */
  signal(conversation: Conversation, activity: ClientActivity): string {
    const id = randomUUID();
    const set = {
      activities: [
        {
          ...activity,
          id,
          timestamp: new Date().toISOString(),
          channelId: 'directline',
          conversation: { id: conversation.id },
        },
      ],
    };
    for (const listener of this.signalListeners) listener(conversation.id, set);
    return id;
  }

  /** What came after `watermark` (everything kept, when it is absent or unreadable), as clients see it. */
  async since(conversation: Conversation, watermark: string | number | undefined): Promise<ActivitySet> {
    const after = Number(watermark);
    const from = Number.isInteger(after) && after >= 0 ? after : 0;
    const entries = await this.store.since(ref(conversation), from);
    const last = entries.at(-1)?.seq ?? (from || ((await this.watermark(conversation)) ?? 0));
    return { activities: entries.map((e) => clientActivity(conversation.id, e)), watermark: String(last) };
  }

  /** Entries after a watermark, numbered, for streams that track what each socket has seen. */
  entries(conversation: Conversation, after: number): Promise<DirectLineEntry[]> {
    return this.store.since(ref(conversation), after);
  }

  onAppend(listener: (conversationId: string) => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  onSignal(listener: (conversationId: string, set: ActivitySet) => void): () => void {
    this.signalListeners.add(listener);
    return () => this.signalListeners.delete(listener);
  }

  /** Runs `work` after every turn this process queued before it for the conversation. */
  enqueue(conversation: Conversation, work: () => Promise<void>): Promise<void> {
    const queued = this.queues.get(conversation.id) ?? Promise.resolve();
    const run = queued.then(work, work);
    const settled = run.catch(() => undefined);
    this.queues.set(conversation.id, settled);
    // The queue is forgotten once nothing more has joined it.
    void settled.then(() => {
      if (this.queues.get(conversation.id) === settled) this.queues.delete(conversation.id);
    });
    return run;
  }

  /** Keeps an uploaded file; its id is unguessable and is the only way to it. */
  async putFile(conversation: Conversation, file: Omit<StoredFile, 'conversationId'>): Promise<string> {
    const id = randomBytes(24).toString('base64url');
    await this.store.putFile(
      { ...file, id, userId: conversation.userId, conversationId: conversation.id },
      new Date(Date.now() + this.limits.fileTtlMs),
      this.limits.filesPerPerson,
    );
    return id;
  }

  async getFile(id: string): Promise<StoredFile | undefined> {
    return this.store.file(id);
  }

  /** Removes expired conversations and files (every instance does; the statement is idempotent). */
  async sweep(now = new Date()): Promise<void> {
    try {
      await this.store.removeExpired(now);
    } catch (err) {
      log.warn('directline.sweep-failed', { kind: errorKind(err) });
    }
  }

  close(): void {
    clearInterval(this.timer);
  }

  private expiry(): Date {
    return new Date(Date.now() + this.limits.idleMs);
  }
}

/** The watermark an activity id of this conversation carries; undefined for any other id. */
export function watermarkOf(conversationId: string, activityId: string): number | undefined {
  const prefix = `${conversationId}|`;
  if (!activityId.startsWith(prefix)) return undefined;
  const seq = Number(activityId.slice(prefix.length));
  return Number.isInteger(seq) && seq > 0 ? seq : undefined;
}

function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

/** A stored entry as Direct Line clients see it: its id, time, channel and conversation added. */
export function clientActivity(conversationId: string, entry: DirectLineEntry): ClientActivity {
  return {
    ...(entry.activity as ClientActivity),
    id: activityId(conversationId, entry.seq),
    timestamp: entry.at.toISOString(),
    channelId: 'directline',
    conversation: { id: conversationId },
  };
}

function ref(conversation: Conversation): { userId: string; conversationId: string } {
  return { userId: conversation.userId, conversationId: conversation.id };
}
