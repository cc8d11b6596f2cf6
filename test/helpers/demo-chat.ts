/**
 * Chats with the demo household through the real understanding, one made-up person per chat so budgets and
 * follow-ups set in one test do not leak into another. Call `setUp` in `beforeAll`.
 */
import type { Understanding } from '../../src/conversation/types.ts';
import { loadDemo } from '../../src/demo/load.ts';
import type { Store } from '../../src/store/index.ts';
import { Chat, realUnderstanding } from './chat.ts';
import { memoryStore } from './store.ts';

export class DemoChats {
  understanding!: Understanding;
  store!: Store;
  private made = 0;

  constructor(
    readonly today: string,
    readonly now: Date,
    private readonly prefix = 'demo',
  ) {}

  async setUp(): Promise<void> {
    this.understanding = await realUnderstanding();
    this.store = await memoryStore();
  }

  /** The person the last `chat()` made. */
  get lastUser(): string {
    return `${this.prefix}-${this.made}`;
  }

  /** A fresh person with the demo household loaded, asked on `today`. */
  async chat(): Promise<Chat> {
    const userId = `${this.prefix}-${++this.made}`;
    await loadDemo(this.store, userId, this.today, this.now);
    return this.chatFor(userId);
  }

  /** A new conversation (nothing remembered) with a person already in the store. */
  chatFor(userId: string): Chat {
    const { store, understanding, today, now } = this;
    return new Chat({ store, understanding, userId, today, now });
  }
}
