import { BotState, type Storage, type StoreItems, type TurnContext } from 'botbuilder';
import type { StateStore } from '../store/state.ts';

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

/** Bot Framework state kept in Tally's SQLite database, so a restart loses no conversation. */
export class SqliteStorage implements Storage {
  constructor(private readonly state: StateStore) {}

  async read(keys: string[]): Promise<StoreItems> {
    const found = await this.state.read(keys);
    const items: StoreItems = {};
    for (const [key, { value, etag }] of found) items[key] = { ...(value as object), eTag: etag };
    return items;
  }

  /** Writes documents, each recorded as belonging to the person its key names (so a delete finds it). */
  async write(changes: StoreItems): Promise<void> {
    const map = new Map<string, { value: unknown; etag?: string; userId?: string }>();
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = (item ?? {}) as { eTag?: string };
      map.set(key, { value, etag: eTag, userId: ownerOfStateKey(key) });
    }
    const conflicts = await this.state.write(map);
    if (conflicts.length) throw new Error(`state changed by another turn (${conflicts.length} key(s))`);
  }

  async delete(keys: string[]): Promise<void> {
    await this.state.delete(keys);
  }
}
