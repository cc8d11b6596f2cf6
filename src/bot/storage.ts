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
  return new VersionedState(storage, async (context: TurnContext) => {
    const { channelId, conversation, from } = context.activity;
    if (!channelId || !conversation?.id || !from?.id)
      throw new Error('activity without channel, conversation or sender');
    return personalStateKey(channelId, conversation.id, from.id);
  });
}

/**
 * BotState that saves over the version it read. The SDK's own `saveChanges` marks every document `*`
 * (write whatever is there), which would let a turn working from stale state overwrite a newer one;
 * here the document keeps the eTag it was read with (none when nothing was there), so the store refuses
 * a stale save with `StaleStateError`. An emptied document is removed on the same terms.
 *
 * Whether the state changed is told by its JSON as read, not by the SDK's change hash (its own
 * serialiser, then SHA-256, taken on every load and twice more on a save): the same answer for a document
 * that is JSON in the store anyway, at a fraction of the cost.
 */
class VersionedState extends BotState {
  /** Each turn's state as JSON, as it was read or last saved. */
  private readonly loaded = new WeakMap<TurnContext, string>();

  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const kept = this.get(context) as Record<string, unknown> | undefined;
    if (kept && !force && this.loaded.has(context)) return kept;
    const key = await this.storageKey(context);
    const items = await this.storage.read([key]);
    const state = (items[key] ?? {}) as Record<string, unknown>;
    // Where BotState keeps the turn's copy, so its property accessors and `get` find it; the SDK's hash
    // in it is never read (saving is decided here).
    context.turnState.set(turnStateKey(this), { state, hash: '' });
    this.loaded.set(context, documentJson(state));
    return state;
  }

  /**
   * Saves when the state changed; with `force`, an unchanged state is confirmed instead (which proves the
   * state read is current, as a save would, without writing it again). A turn that never read the state
   * (a group message, a welcome) has nothing to save or to prove.
   */
  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const loaded = this.loaded.get(context);
    const state = this.get(context) as Record<string, unknown> | undefined;
    if (loaded === undefined || !state) return;
    const now = documentJson(state);
    if (!force && loaded === now) return;
    const items = { [await this.storageKey(context)]: state };
    // Unchanged: the version read is confirmed, and nothing is written.
    if (loaded === now && this.storage instanceof StoreStorage) return this.storage.confirm(items);
    await this.storage.write(items);
    this.loaded.set(context, now);
  }
}

/** The symbol BotState keeps a turn's state under in `turnState` (private in its typings). */
function turnStateKey(state: BotState): symbol {
  return (state as unknown as { stateKey: symbol }).stateKey;
}

/** A state document as JSON, without the version it was read at. */
function documentJson(state: Record<string, unknown>): string {
  const { eTag: _eTag, ...document } = state;
  return JSON.stringify(document);
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
 * `StaleStateError` (see `TallyBot.run`, which runs such a turn again). Writing an empty document removes
 * the stored one, on the same condition, so a stale turn cannot erase a newer dialog either.
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
    await this.apply(changes, false);
  }

  /**
   * Confirms that documents read are still the stored version without writing them again: a turn that
   * changed nothing still learns whether it worked from stale state, with the same `StaleStateError`.
   */
  async confirm(documents: StoreItems): Promise<void> {
    await this.apply(documents, true);
  }

  async delete(keys: string[]): Promise<void> {
    await this.state.delete(keys);
  }

  private async apply(changes: StoreItems, unchanged: boolean): Promise<void> {
    const map = new Map<string, StateChange>();
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = (item ?? {}) as { eTag?: string };
      // No eTag: the turn read nothing, so the document must still not exist ("0" is no stored version).
      // An empty document is not kept: it removes the stored one, over the version read.
      map.set(key, {
        value,
        etag: eTag ?? '0',
        userId: ownerOfStateKey(key),
        ...(Object.keys(value).length === 0 ? { remove: true } : {}),
        ...(unchanged ? { unchanged } : {}),
      });
    }
    const conflicts = await this.state.write(map);
    if (conflicts.length) throw new StaleStateError(conflicts);
  }
}
