import { randomBytes, randomUUID } from 'node:crypto';

/** An activity as clients see it: plain JSON, never the bot-side serviceUrl. */
export type ClientActivity = Record<string, unknown> & { type: string };

/** What one WebSocket message or one poll carries. */
export interface ActivitySet {
  activities: ClientActivity[];
  watermark?: string;
}

export interface ConversationLimits {
  /** A conversation nobody has touched (and no socket holds) for this long is forgotten. */
  idleMs: number;
  /** Most conversations held at once. */
  maxConversations: number;
  /** The transcript keeps at most this many activities, and about this many bytes, dropping the oldest. */
  maxActivities: number;
  maxLogBytes: number;
  /** Uploaded files: how long each is kept, and how many bytes all of them may take together. */
  fileTtlMs: number;
  maxFileBytes: number;
}

export const DEFAULT_CONVERSATION_LIMITS: ConversationLimits = {
  idleMs: 60 * 60_000,
  maxConversations: 5_000,
  maxActivities: 500,
  maxLogBytes: 4 * 1024 * 1024,
  fileTtlMs: 30 * 60_000,
  maxFileBytes: 200 * 1024 * 1024,
};

interface Entry {
  seq: number;
  activity: ClientActivity;
  bytes: number;
}

/** One person's conversation with Tally: its transcript, numbered by watermark, and who is listening. */
export class Conversation {
  private readonly log: Entry[] = [];
  private seq = 0;
  private bytes = 0;
  private readonly listeners = new Set<(set: ActivitySet) => void>();
  /** Turns run one at a time, in the order the person sent them. */
  private queue: Promise<void> = Promise.resolve();
  lastUsed = Date.now();

  constructor(
    readonly id: string,
    readonly userId: string,
    private readonly limits: Pick<ConversationLimits, 'maxActivities' | 'maxLogBytes'>,
  ) {}

  /** Adds an activity to the transcript (giving it its id and time) and sends it to every listener. */
  append(activity: ClientActivity): string {
    this.seq += 1;
    const stored: ClientActivity = {
      ...activity,
      id: `${this.id}|${String(this.seq).padStart(7, '0')}`,
      timestamp: new Date().toISOString(),
      channelId: 'directline',
      conversation: { id: this.id },
    };
    const bytes = JSON.stringify(stored).length;
    this.log.push({ seq: this.seq, activity: stored, bytes });
    this.bytes += bytes;
    while (
      this.log.length > 1 &&
      (this.log.length > this.limits.maxActivities || this.bytes > this.limits.maxLogBytes)
    ) {
      this.bytes -= (this.log.shift() as Entry).bytes;
    }
    this.emit({ activities: [stored], watermark: String(this.seq) });
    return stored.id as string;
  }

  /** Sends an activity to listeners without keeping it (typing: WebSocket only, as in Direct Line). */
  signal(activity: ClientActivity): string {
    const id = randomUUID();
    this.emit({
      activities: [
        {
          ...activity,
          id,
          timestamp: new Date().toISOString(),
          channelId: 'directline',
          conversation: { id: this.id },
        },
      ],
    });
    return id;
  }

  /** What came after `watermark` (everything kept, when it is absent or unreadable). */
  since(watermark: string | undefined): ActivitySet {
    const after = Number(watermark);
    const from = Number.isInteger(after) && after >= 0 ? after : 0;
    return {
      activities: this.log.filter((e) => e.seq > from).map((e) => e.activity),
      watermark: String(this.seq),
    };
  }

  get watermark(): string {
    return String(this.seq);
  }

  get listening(): number {
    return this.listeners.size;
  }

  listen(listener: (set: ActivitySet) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `work` after every turn queued before it; the returned promise settles with it. */
  enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Settles when every queued turn has finished. */
  idle(): Promise<void> {
    return this.queue;
  }

  private emit(set: ActivitySet): void {
    for (const listener of this.listeners) listener(set);
  }
}

export interface StoredFile {
  conversationId: string;
  name: string;
  contentType: string;
  bytes: Buffer;
  expiresAt: number;
}

/**
 * Every open conversation and the files uploaded into them, in memory and bounded: idle conversations
 * are forgotten, uploaded files expire, and the oldest give way when a limit is reached.
 */
export class Conversations {
  private readonly byId = new Map<string, Conversation>();
  private readonly files = new Map<string, StoredFile>();
  private fileBytes = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly limits: ConversationLimits = DEFAULT_CONVERSATION_LIMITS) {
    this.timer = setInterval(() => this.sweep(), 60_000);
    this.timer.unref();
  }

  get(id: string): Conversation | undefined {
    const conversation = this.byId.get(id);
    if (conversation) conversation.lastUsed = Date.now();
    return conversation;
  }

  /** The conversation, created for `userId` when it does not exist yet; undefined when no room is left. */
  open(id: string, userId: string): { conversation: Conversation; created: boolean } | undefined {
    const existing = this.get(id);
    if (existing) return { conversation: existing, created: false };
    if (this.byId.size >= this.limits.maxConversations && !this.evictOne()) return undefined;
    const conversation = new Conversation(id, userId, this.limits);
    this.byId.set(id, conversation);
    return { conversation, created: true };
  }

  all(): Conversation[] {
    return [...this.byId.values()];
  }

  /** Keeps an uploaded file for the conversation; its id is unguessable and is the only way to it. */
  putFile(file: Omit<StoredFile, 'expiresAt'>): string {
    const id = randomBytes(24).toString('base64url');
    this.files.set(id, { ...file, expiresAt: Date.now() + this.limits.fileTtlMs });
    this.fileBytes += file.bytes.length;
    for (const [oldest, stored] of this.files) {
      if (this.fileBytes <= this.limits.maxFileBytes || oldest === id) break;
      this.dropFile(oldest, stored);
    }
    return id;
  }

  getFile(id: string): StoredFile | undefined {
    const file = this.files.get(id);
    if (file && file.expiresAt <= Date.now()) {
      this.dropFile(id, file);
      return undefined;
    }
    return file;
  }

  /** Forgets idle conversations and expired files. */
  sweep(now = Date.now()): void {
    for (const [id, conversation] of this.byId) {
      if (conversation.listening === 0 && now - conversation.lastUsed > this.limits.idleMs)
        this.byId.delete(id);
    }
    for (const [id, file] of this.files) {
      if (file.expiresAt <= now || !this.byId.has(file.conversationId)) this.dropFile(id, file);
    }
  }

  close(): void {
    clearInterval(this.timer);
  }

  /** Makes room by forgetting the least recently used conversation nobody is connected to. */
  private evictOne(): boolean {
    let oldest: Conversation | undefined;
    for (const conversation of this.byId.values()) {
      if (conversation.listening === 0 && (!oldest || conversation.lastUsed < oldest.lastUsed))
        oldest = conversation;
    }
    if (oldest) this.byId.delete(oldest.id);
    return oldest !== undefined;
  }

  private dropFile(id: string, file: StoredFile): void {
    this.files.delete(id);
    this.fileBytes -= file.bytes.length;
  }
}
