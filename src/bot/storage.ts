import { BotState, type Storage, type StoreItems, type TurnContext } from 'botbuilder';
import type { StateChange, StatePort } from '../store/index.ts';

/**
 * Where one person's dialog state in one conversation is kept: channel, conversation and person, each
 * URI-encoded so no id can reach into another's key. Two people in the same conversation never share a
 * pending question, and the person a key belongs to can always be read back from it.
 */
export function personalStateKey(channelId: string, conversationId: string, userId: string): string {
  return `${encodeURIComponent(channelId)}/conversations/${encodeURIComponent(conversationId)}/users/${encodeURIComponent(userId)}`;
}

/** The person a key from `personalStateKey` belongs to; undefined for any other key. */
export function ownerOfStateKey(key: string): string | undefined {
  const m = /^[^/]+\/conversations\/[^/]+\/users\/([^/]+)$/.exec(key);
  if (!m?.[1]) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
}

/** Bot state for the person who sent the turn's activity, in the conversation it came from. */
export function personalState(storage: Storage): BotState {
  return new BotState(storage, async (context: TurnContext) => {
    const { channelId, conversation, from } = context.activity;
    if (!channelId || !conversation?.id || !from?.id)
      throw new Error('activity without channel, conversation or sender');
    return personalStateKey(channelId, conversation.id, from.id);
  });
}

/** Another turn (on this instance or another) saved the same document since this turn read it. */
export class StaleStateError extends Error {
  constructor(readonly keys: readonly string[]) {
    super(`state changed by another turn (${keys.length} key(s))`);
    this.name = 'StaleStateError';
  }
}

/**
 * Bot Framework state kept in Tally's store (SQLite or PostgreSQL), so a restart or another instance
 * loses nothing. Every write names the version it read; a document read as absent may only be created,
 * so of two turns that started from the same state exactly one is saved and the other gets
 * `StaleStateError` (see `TallyBot.run`, which runs such a turn again).
 */
export class StoreStorage implements Storage {
  constructor(private readonly state: StatePort) {}

  async read(keys: string[]): Promise<StoreItems> {
    const found = await this.state.read(keys);
    const items: StoreItems = {};
    for (const [key, { value, etag }] of found) items[key] = { ...(value as object), eTag: etag };
    return items;
  }

  /** Writes documents, each recorded as belonging to the person its key names (so a delete finds it). */
  async write(changes: StoreItems): Promise<void> {
    const map = new Map<string, StateChange>();
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = (item ?? {}) as { eTag?: string };
      // No eTag: the turn read nothing, so the document must still not exist ("0" is no stored version).
      map.set(key, { value, etag: eTag ?? '0', userId: ownerOfStateKey(key) });
    }
    const conflicts = await this.state.write(map);
    if (conflicts.length) throw new StaleStateError(conflicts);
  }

  async delete(keys: string[]): Promise<void> {
    await this.state.delete(keys);
  }
}
